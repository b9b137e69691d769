package dev.runtruth.collector.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The user a process runs as: its effective uid, from the {@code Uid:} line of Linux's {@code /proc/PID/status}
 * (real, effective, saved, file-system uid), and that user's name when the system knows it.
 *
 * @param uid  the effective user id
 * @param name the user's name, or the uid as text when it has none
 */
record ProcessUser(long uid, String name) {

    /** The effective uid of root, which the JDK's attach listener accepts besides the target's own user. */
    static final long ROOT = 0;

    /**
     * @param pid a process id
     * @return who it runs as; {@code null} where there is no {@code /proc} (not Linux) or no such process
     */
    static ProcessUser of(long pid) {
        return read(Path.of("/proc", String.valueOf(pid)));
    }

    /** @return who this JVM runs as; {@code null} where there is no {@code /proc} */
    static ProcessUser self() {
        return read(Path.of("/proc", "self"));
    }

    /** @return whether this is root, whom the JDK lets attach to a JVM of any user */
    boolean root() {
        return uid == ROOT;
    }

    /**
     * @param procDir {@code /proc/PID} or {@code /proc/self}
     * @return the user, or {@code null} when {@code status} cannot be read or has no {@code Uid:} line
     */
    static ProcessUser read(Path procDir) {
        List<String> status;
        try {
            status = Files.readAllLines(procDir.resolve("status"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (String line : status) {
            String[] fields = line.trim().split("\\s+");
            if (fields[0].equals("Uid:") && fields.length >= 3) {
                long uid;
                try {
                    uid = Long.parseLong(fields[2]);
                } catch (NumberFormatException e) {
                    return null;
                }
                return new ProcessUser(uid, nameOf(procDir, uid));
            }
        }
        return null;
    }

    /** The owner of {@code /proc/PID} is the process' effective user: the name the system gives that uid. */
    private static String nameOf(Path procDir, long uid) {
        try {
            Object ownerUid = Files.getAttribute(procDir, "unix:uid");
            if (ownerUid instanceof Integer i && i == uid) {
                return Files.getOwner(procDir).getName();
            }
        } catch (IOException | RuntimeException e) {
            // no name: the uid says it
        }
        return String.valueOf(uid);
    }

    /** @return the user as {@code sudo -u} takes it: the name, or {@code #UID} when it has none */
    String sudoName() {
        return named() ? name : "'#" + uid + "'";
    }

    /** @return {@code user NAME (uid N)}, or {@code uid N} when the user has no name */
    @Override
    public String toString() {
        return named() ? "user " + name + " (uid " + uid + ")" : "uid " + uid;
    }

    private boolean named() {
        return !name.equals(String.valueOf(uid));
    }
}

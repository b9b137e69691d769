package dev.runtruth.agent.listeners;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TCP sockets this process listens on, from Linux procfs: the LISTEN lines of {@code <proc>/net/tcp} and {@code
 * <proc>/net/tcp6} ({@link ProcNetTcp}), kept when their inode is one this process holds, i.e. some {@code
 * <proc>/fd/N} links to {@code socket:[inode]} (the tables list the whole network namespace: other processes of a
 * pod or host share it). Not thread-safe; reading costs one directory listing and one {@code readlink} per open file
 * descriptor until every listening inode was found.
 */
class ProcListeners {

    private final Path proc;

    /** @param proc the process's procfs directory, {@code /proc/self} (a test gives a directory of samples) */
    ProcListeners(Path proc) {
        this.proc = proc;
    }

    /** @return the reader of this process: {@code /proc/self} */
    static ProcListeners self() {
        return new ProcListeners(Paths.get("/proc", "self"));
    }

    /** @return why listeners cannot be read here (no procfs: not Linux), or {@code null} when they can */
    String unavailable() {
        if (!Files.isReadable(proc.resolve("net").resolve("tcp")) || !Files.isDirectory(proc.resolve("fd"))) {
            return "no " + proc + "/net/tcp and " + proc + "/fd (listener discovery needs Linux procfs)";
        }
        return null;
    }

    /**
     * @return the listening sockets this process holds, ordered by port, each address and port once
     * @throws IOException when a table or the file descriptor directory cannot be read
     */
    Set<Listener> read() throws IOException {
        Map<Long, Listener> byInode = new HashMap<Long, Listener>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            Path file = proc.resolve("net").resolve(table);
            if (table.equals("tcp6") && !Files.exists(file)) {
                continue; // a kernel without IPv6
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
            for (ProcNetTcp.Entry entry : ProcNetTcp.listening(text)) {
                byInode.put(entry.inode, entry.listener);
            }
        }
        Set<Listener> ours = new TreeSet<Listener>();
        if (byInode.isEmpty()) {
            return ours;
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                Long inode = socketInode(fd);
                Listener listener = inode == null ? null : byInode.remove(inode);
                if (listener != null) {
                    ours.add(listener);
                    if (byInode.isEmpty()) {
                        break;
                    }
                }
            }
        }
        return ours;
    }

    /** @return the inode of {@code socket:[inode]} that {@code fd} links to, or {@code null} for any other file */
    private static Long socketInode(Path fd) {
        String target;
        try {
            target = Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return null; // closed since the listing
        } catch (UnsupportedOperationException e) {
            return null;
        }
        if (!target.startsWith("socket:[") || !target.endsWith("]")) {
            return null;
        }
        try {
            return Long.valueOf(target.substring("socket:[".length(), target.length() - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

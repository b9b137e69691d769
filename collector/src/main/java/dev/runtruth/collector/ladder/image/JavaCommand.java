package dev.runtruth.collector.ladder.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a container's command line runs when it starts a JVM: {@code java -jar JAR}, or {@code java -cp CLASSPATH
 * MAIN}, after the {@code java} launcher's rules (JDK 17 {@code java} tool reference): {@code @argfile} arguments are
 * replaced by the file's whitespace-separated tokens (Jib writes {@code -cp @/app/jib-classpath-file}), options that
 * take a value in the next argument are skipped with it, the first other argument is the main class. A shell form
 * ({@code sh -c "exec java ..."}) is split on blanks, and its unexpanded {@code $VARIABLES} are skipped as options.
 *
 * @param jar       the {@code -jar} argument, or {@code null}
 * @param classPath the {@code -cp}/{@code -classpath}/{@code --class-path} argument, or {@code null}
 * @param mainClass the main class, or {@code null}
 * @param shown     the command line as found, for messages
 */
record JavaCommand(String jar, String classPath, String mainClass, String shown) {

    private static final Set<String> WITH_VALUE = Set.of("-p", "--module-path", "--upgrade-module-path",
            "--add-modules", "--add-exports", "--add-opens", "--add-reads", "--limit-modules", "--patch-module",
            "--enable-native-access");

    /**
     * @param command  Entrypoint followed by Cmd
     * @param argFiles reads an argument file by its path in the image; returns {@code null} when it is missing
     * @return the JVM command, or {@code null} when no {@code java} is run
     */
    static JavaCommand find(List<String> command, Function<String, String> argFiles) {
        List<String> args = new ArrayList<>(command);
        int java = indexOfJava(args);
        if (java < 0) {
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("-c")) { // sh -c "..."
                    List<String> split = List.of(args.get(i + 1).trim().split("\\s+"));
                    int inner = indexOfJava(split);
                    if (inner >= 0) {
                        args = new ArrayList<>(split);
                        java = inner;
                        break;
                    }
                }
            }
        }
        if (java < 0) {
            return null;
        }
        String shown = String.join(" ", args.subList(java, args.size()));
        List<String> expanded = new ArrayList<>();
        for (String arg : args.subList(java + 1, args.size())) {
            String file = arg.startsWith("@") && !arg.startsWith("@@") ? argFiles.apply(arg.substring(1)) : null;
            if (file != null) {
                expanded.addAll(tokens(file));
            } else {
                expanded.add(arg.startsWith("@@") ? arg.substring(1) : arg);
            }
        }
        String jar = null;
        String classPath = null;
        String main = null;
        for (int i = 0; i < expanded.size(); i++) {
            String arg = expanded.get(i);
            String next = i + 1 < expanded.size() ? expanded.get(i + 1) : null;
            if (arg.equals("-jar")) {
                jar = next;
                break;
            } else if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                classPath = next;
                i++;
            } else if (arg.startsWith("--class-path=")) {
                classPath = arg.substring("--class-path=".length());
            } else if (WITH_VALUE.contains(arg)) {
                i++;
            } else if (arg.startsWith("$")) {
                continue; // a shell variable the container's shell would expand (JAVA_OPTS): options, not a class
            } else if (!arg.startsWith("-")) {
                main = arg;
                break;
            }
        }
        return new JavaCommand(jar, classPath, main, shown);
    }

    private static int indexOfJava(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String base = a.substring(a.lastIndexOf('/') + 1);
            if (base.equals("java") || base.equals("java.exe")) {
                return i;
            }
        }
        return -1;
    }

    /** Splits an argument file: blanks separate, double or single quotes group. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
            }
        }
        if (any || current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }
}

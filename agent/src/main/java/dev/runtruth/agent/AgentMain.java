package dev.runtruth.agent;

import java.io.File;
import java.io.PrintStream;

/**
 * {@code java -jar runtruth-agent.jar --version}: the agent jar's {@code Main-Class}. It is a Java agent, not an
 * application: this prints its version and how to attach it, or a usage line. Nothing else runs.
 */
public final class AgentMain {

    /** Exit code of a usage error (the collector's {@code ExitCodes.INPUT_ERROR}). */
    static final int USAGE = 2;

    private AgentMain() {
    }

    /**
     * @param args {@code --version} (or {@code -V}), {@code --help} (or {@code -h}); anything else is a usage error
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * @param args the arguments
     * @param out  where the answer goes
     * @param err  where a usage error goes
     * @return 0, or {@link #USAGE} for any other arguments
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("runtruth-agent " + RuntruthAgent.version());
            out.print(howToAttach());
            return 0;
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(usage());
            out.print(howToAttach());
            return 0;
        }
        err.println("runtruth-agent: " + (args.length == 0 ? "no option given" : "unknown option '" + join(args)
                + "'") + "; this jar is a Java agent, not an application");
        err.println(usage());
        err.print(howToAttach());
        return USAGE;
    }

    static String usage() {
        return "usage: java -jar runtruth-agent.jar --version | --help";
    }

    static String howToAttach() {
        String jar = jarPath();
        return "Attach it when the service starts (port 7461, all interfaces by default; docs/agent.md):\n"
                + "  java -javaagent:" + jar + " -jar your-service.jar\n"
                + "  java -javaagent:" + jar + "=port=7461,host=127.0.0.1 -jar your-service.jar\n"
                + "  JAVA_TOOL_OPTIONS=-javaagent:" + jar + " (containers)\n"
                + "or to a running JVM (serves on 127.0.0.1 then):\n"
                + "  runtruth attach <pid> --agent-jar " + jar + "\n"
                + "It prints one line saying where it serves; read it with\n"
                + "  runtruth check --expected <build> --agent http://localhost:7461\n";
    }

    private static String jarPath() {
        try {
            File file = new File(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return file.isFile() ? file.getAbsolutePath() : "runtruth-agent.jar";
        } catch (Exception e) {
            return "runtruth-agent.jar";
        }
    }

    private static String join(String[] args) {
        StringBuilder out = new StringBuilder();
        for (String arg : args) {
            out.append(out.length() == 0 ? "" : " ").append(arg);
        }
        return out.toString();
    }
}

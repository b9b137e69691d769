package dev.runtruth.agenttests.faulthost;


import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code java -jar fault-host.jar MODE --port=N [--isolated=DIR]}. Modes:
 * <ul>
 *   <li>{@code plain}: {@code GET /} answers {@code ok} from a raw-socket server; needs only {@code java.base}, so it
 *       runs on a jlinked runtime without {@code jdk.httpserver};</li>
 *   <li>{@code libs}: as {@code plain}, plus {@code /metrics} from the app's own client_java registry, {@code
 *       /bytebuddy} from a class the app's own ByteBuddy makes, {@code /jackson} from the app's own Jackson;</li>
 *   <li>{@code spring52}: Spring MVC 5.2 {@code DispatcherServlet} on embedded Tomcat 9, {@code GET /hello};</li>
 *   <li>{@code isolated}: Tomcat 10.1 loaded from {@code DIR} by a class loader whose parent is the platform loader
 *       (it cannot see the system class path, where the agent lives), serving {@code GET /hello.txt}.</li>
 * </ul>
 * Prints {@code fault-host ready} when it serves.
 */
public final class FaultHost {

    private FaultHost() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "plain";
        int port = Integer.parseInt(option(args, "--port=", "8080"));
        switch (mode) {
            case "plain":
                new RawHttpServer(port, routes(false)).start();
                break;
            case "libs":
                new RawHttpServer(port, routes(true)).start();
                break;
            case "spring52":
                Spring52App.start(port);
                break;
            case "isolated":
                IsolatedTomcat.start(port, Paths.get(option(args, "--isolated=", "isolated")));
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.out.println("fault-host ready: " + mode + " on port " + port);
        Thread.currentThread().join();
    }

    private static Map<String, Supplier<String>> routes(boolean libs) {
        Map<String, Supplier<String>> routes = new LinkedHashMap<>();
        routes.put("/", () -> "ok\n");
        if (libs) {
            Libraries libraries = new Libraries();
            routes.put("/metrics", libraries::metrics);
            routes.put("/bytebuddy", libraries::byteBuddy);
            routes.put("/jackson", libraries::jackson);
        }
        return routes;
    }

    private static String option(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }

}

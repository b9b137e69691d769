package dev.runtruth.agent.discovery;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Where a walk starts, cheapest and most specific first. Every read here is of a field of a class whose static
 * initialiser has already run ({@link JdkAccess#initialised}): the walk never initialises a class.
 */
final class Roots {

    /**
     * Named anchors: {class, static field} whose value leads to a framework's objects in a few edges (measured paths,
     * hook-free spike 2026-12-02). A missing class or field is skipped: anchors speed the walk up, the generic roots
     * make it complete.
     */
    static final String[][] ANCHORS = {
        // Spring Boot 2.5+: SpringApplicationShutdownHook -> contexts -> bean factory -> DispatcherServlet/Handler,
        // and the context's web server -> Tomcat/Jetty/Undertow context (7-10 edges)
        {"org.springframework.boot.SpringApplication", "shutdownHook"},
        // Quarkus REST: the deployment itself (0 edges), the Vert.x root router (1 edge)
        {"io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder", "currentDeployment"},
        {"io.quarkus.vertx.http.runtime.VertxHttpRecorder", "rootHandler"},
        // gRPC: channelz's server registry (servers register on start(), 5 edges)
        {"io.grpc.InternalChannelz", "INSTANCE"},
        // Undertow deployed through Servlets.defaultContainer() (7 edges)
        {"io.undertow.servlet.Servlets", "container"},
        // Jetty: the lifecycles stopped at JVM exit (Dropwizard) and the shutdown monitor's (plain Jetty)
        {"org.eclipse.jetty.util.thread.ShutdownThread", "_thread"},
        {"org.eclipse.jetty.server.ShutdownMonitor$Holder", "instance"},
        // Helidon 4: the shutdown handlers of started web servers (each holds its server's listeners, 1-2 edges);
        // nothing else need keep a started LoomServer reachable
        {"io.helidon.Main", "SHUTDOWN_HANDLERS"},
    };

    private Roots() {
    }

    /**
     * @param loaded the loaded classes by binary name
     * @param access tells which classes are initialised
     * @return the values of the {@link #ANCHORS} that are set, in anchor order
     */
    static List<Object> anchors(Map<String, List<Class<?>>> loaded, JdkAccess access) {
        List<Object> roots = new ArrayList<Object>();
        for (String[] anchor : ANCHORS) {
            List<Class<?>> classes = loaded.get(anchor[0]);
            if (classes == null) {
                continue;
            }
            for (Class<?> type : classes) {
                Object value = staticValue(type, anchor[1], access);
                if (value != null) {
                    roots.add(value);
                }
            }
        }
        return roots;
    }

    /**
     * @param access tells whether {@code java.lang.ApplicationShutdownHooks} is initialised
     * @return the registered shutdown hook threads (Spring Boot's, Micronaut's, Jetty's ...); empty when none can be
     *         read
     */
    static List<Object> shutdownHooks(JdkAccess access) {
        try {
            Class<?> hooks = Class.forName("java.lang.ApplicationShutdownHooks", false, null);
            if (!access.initialised(hooks)) {
                return Collections.emptyList();
            }
            Field field = hooks.getDeclaredField("hooks");
            field.setAccessible(true);
            // the JDK reads and writes the map under the class's monitor
            synchronized (hooks) {
                Object map = field.get(null);
                return map instanceof Map ? new ArrayList<Object>(((Map<?, ?>) map).keySet())
                        : Collections.emptyList();
            }
        } catch (Throwable t) {
            return Collections.emptyList();
        }
    }

    /**
     * @param walker the walking thread, left out
     * @return every live platform thread
     */
    static List<Object> threads(Thread walker) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int n = root.enumerate(threads, true);
        List<Object> roots = new ArrayList<Object>(n);
        for (int i = 0; i < n; i++) {
            if (threads[i] != walker) {
                roots.add(threads[i]);
            }
        }
        return roots;
    }

    /**
     * @param loaded the loaded classes by binary name
     * @param access tells which classes are initialised
     * @return the non-null reference-typed static field values of every initialised class under the framework
     *         prefixes
     */
    static List<Object> statics(Map<String, List<Class<?>>> loaded, JdkAccess access) {
        List<Object> roots = new ArrayList<Object>();
        for (Map.Entry<String, List<Class<?>>> entry : loaded.entrySet()) {
            if (!framework(entry.getKey())) {
                continue;
            }
            for (Class<?> type : entry.getValue()) {
                if (!access.initialised(type)) {
                    continue;
                }
                Field[] fields;
                try {
                    fields = type.getDeclaredFields();
                } catch (Throwable t) {
                    continue; // NoClassDefFoundError: an absent optional dependency
                }
                for (Field field : fields) {
                    if (!Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        Object value = field.get(null);
                        if (value != null) {
                            roots.add(value);
                        }
                    } catch (Throwable t) {
                        // not readable: skipped
                    }
                }
            }
        }
        return roots;
    }

    private static boolean framework(String className) {
        for (String prefix : ObjectWalk.FRAMEWORK_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static Object staticValue(Class<?> type, String name, JdkAccess access) {
        if (!access.initialised(type)) {
            return null;
        }
        try {
            Field field = type.getDeclaredField(name);
            if (!Modifier.isStatic(field.getModifiers())) {
                return null;
            }
            field.setAccessible(true);
            return field.get(null);
        } catch (Throwable t) {
            return null;
        }
    }
}

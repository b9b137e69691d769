package dev.runtruth.agent.routes.jaxrs.jersey;

import dev.runtruth.agent.instrument.ModuleAccess;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.model.PathTemplate;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Jersey's JDK HTTP containers ({@code org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer}, an
 * {@code HttpHandler}) are served: the path of the JDK HTTP server context each is registered under
 * ({@code JdkHttpServerFactory} registers it at the base URI's path, {@code server.createContext(path, container)}).
 *
 * <p>The JDK's {@code com.sun.net.httpserver} has no public way to list a server's contexts, and the server is not a
 * class the agent can hook (a JDK class), so the running servers are found from their dispatcher threads (named
 * {@code HTTP-Dispatcher}, started by {@code HttpServer#start()}; the thread's task, {@code Thread.target} up to JDK 18
 * and {@code Thread.holder.task} from 19, is a {@code sun.net.httpserver.ServerImpl$Dispatcher}), and read through
 * private fields of {@code sun.net.httpserver} (JDK 8 to 25: {@code Dispatcher.this$0} the {@code ServerImpl},
 * {@code ServerImpl.contexts.list} its {@code HttpContextImpl}s, {@code ServerImpl.schan} its channel), with
 * {@code java.lang} and {@code sun.net.httpserver} opened to the agent ({@link ModuleAccess}). Only read while a Jersey
 * JDK HTTP container exists.
 */
final class JdkHttpMounts {

    static final String CONTAINER = JerseyInstrumentation.JDK_HTTP_CONTAINER;
    static final String DISPATCHER_THREAD = "HTTP-Dispatcher";
    static final String DISPATCHER = "sun.net.httpserver.ServerImpl$Dispatcher";

    private JdkHttpMounts() {
    }

    /**
     * @param mounts receives, for each Jersey container registered in a started JDK HTTP server, its
     *               {@code ApplicationHandler} and the context path it is served at ({@code ""} for the root)
     * @param ports  receives the bound port of each such server; {@code null} when not wanted
     * @throws Exception when a JDK or Jersey object cannot be read, or the JDK refuses to open its packages to the agent
     */
    static void read(Map<Object, List<String>> mounts, Set<Integer> ports) throws Exception {
        for (Object server : servers()) {
            boolean jersey = false;
            for (Object context : contexts(server)) {
                Object container = Reflect.call(context, "getHandler");
                if (container == null || !Reflect.isSubclassOf(container.getClass(), CONTAINER)) {
                    continue;
                }
                Object handler = Reflect.call(container, "getApplicationHandler");
                Object path = Reflect.call(context, "getPath");
                if (handler == null || path == null) {
                    continue;
                }
                String prefix = PathTemplate.join(path.toString());
                List<String> at = mounts.get(handler);
                if (at == null) {
                    at = new ArrayList<String>();
                    mounts.put(handler, at);
                }
                at.add(prefix.equals("/") ? "" : prefix);
                jersey = true;
            }
            if (jersey && ports != null) {
                Object channel = Reflect.fieldOrNull(server, "schan");
                if (channel instanceof ServerSocketChannel && ((ServerSocketChannel) channel).isOpen()) {
                    ports.add(((ServerSocketChannel) channel).socket().getLocalPort());
                }
            }
        }
    }

    /** @return the started JDK HTTP servers ({@code sun.net.httpserver.ServerImpl}) of this JVM, the agent's own included */
    private static List<Object> servers() throws Exception {
        List<Object> servers = new ArrayList<Object>();
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        boolean opened = false;
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            if (!DISPATCHER_THREAD.equals(thread.getName())) {
                continue;
            }
            if (!opened && !ModuleAccess.openToAgent(Thread.class, "java.lang")) {
                throw new IllegalStateException("java.lang cannot be opened to the agent: the JDK HTTP servers' "
                        + "contexts cannot be read");
            }
            opened = true;
            Object task = task(thread);
            if (task == null || !task.getClass().getName().equals(DISPATCHER)) {
                continue;
            }
            if (!ModuleAccess.openToAgent(task.getClass(), "sun.net.httpserver")) {
                throw new IllegalStateException("sun.net.httpserver cannot be opened to the agent: the JDK HTTP "
                        + "servers' contexts cannot be read");
            }
            Object server = Reflect.fieldOrNull(task, "this$0");
            if (server != null && !servers.contains(server)) {
                servers.add(server);
            }
        }
        return servers;
    }

    /** @return the runnable a thread was started with: {@code target} up to JDK 18, {@code holder.task} from 19 */
    private static Object task(Thread thread) throws Exception {
        Object target = Reflect.fieldOrNull(thread, "target");
        if (target != null) {
            return target;
        }
        Object holder = Reflect.fieldOrNull(thread, "holder");
        return holder == null ? null : Reflect.fieldOrNull(holder, "task");
    }

    /** @return a copy of the server's {@code HttpContextImpl}s ({@code ContextList.list}, guarded by the list) */
    private static List<Object> contexts(Object server) throws Exception {
        Object contextList = Reflect.fieldOrNull(server, "contexts");
        Object list = contextList == null ? null : Reflect.fieldOrNull(contextList, "list");
        if (!(list instanceof Collection)) {
            return new ArrayList<Object>();
        }
        synchronized (contextList) { // ContextList's own methods synchronize on it
            return new ArrayList<Object>((Collection<?>) list);
        }
    }
}

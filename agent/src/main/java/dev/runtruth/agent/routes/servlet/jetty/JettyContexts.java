package dev.runtruth.agent.routes.servlet.jetty;

import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.servlet.ContainerContexts;
import dev.runtruth.agent.routes.Reflect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Eclipse Jetty's servlet contexts: {@code ServletContextHandler} of each Jetty line and environment ({@code
 * WebAppContext} extends it). The constructor hook only remembers the handler; its {@code ServletContext}
 * ({@code ContextHandler#getServletContext()}) is read once the handler is started ({@code LifeCycle#isStarted()}).
 */
public final class JettyContexts extends ContainerContexts {

    /** Jetty 9.4 and 10 (javax), 11 (jakarta). */
    public static final String TYPE_9_TO_11 = "org.eclipse.jetty.servlet.ServletContextHandler";
    /** Jetty 12 ee8 (javax). */
    public static final String TYPE_EE8 = "org.eclipse.jetty.ee8.servlet.ServletContextHandler";
    /** Jetty 12 ee9 (jakarta 5). */
    public static final String TYPE_EE9 = "org.eclipse.jetty.ee9.servlet.ServletContextHandler";
    /** Jetty 12 ee10 (jakarta 6). */
    public static final String TYPE_EE10 = "org.eclipse.jetty.ee10.servlet.ServletContextHandler";
    /** Jetty 12.1 ee11 (jakarta 6.1). */
    public static final String TYPE_EE11 = "org.eclipse.jetty.ee11.servlet.ServletContextHandler";

    /** Binary names of the hooked types. */
    static final String[] TYPES = {TYPE_9_TO_11, TYPE_EE8, TYPE_EE9, TYPE_EE10, TYPE_EE11};

    /** The contexts of this JVM. */
    public static final JettyContexts INSTANCE = new JettyContexts();

    private JettyContexts() {
    }

    /** @return one hook per type: called at the end of every constructor */
    public static List<TypeHook> hooks() {
        List<TypeHook> hooks = new ArrayList<TypeHook>();
        for (String type : TYPES) {
            hooks.add(TypeHook.onConstructors(type, OnConstructor.class));
        }
        return hooks;
    }

    @Override
    protected String container() {
        return "jetty";
    }

    @Override
    protected Object startedServletContext(Object context) throws Exception {
        if (!Boolean.TRUE.equals(Reflect.call(context, "isStarted"))) {
            return null;
        }
        return Reflect.call(context, "getServletContext");
    }

    // Dropwizard 1-4 (Jetty 9.4-11): a Handler that sends each connector's requests to one handler tree
    private static final String DROPWIZARD_ROUTING = "io.dropwizard.jetty.RoutingHandler";

    /** Jetty 9.4-12: {@code ServletContextHandler#getServletHandler()#getServlet(name)#getServletInstance()}. */
    @Override
    protected Object servletInstance(Object context, String servletName) throws Exception {
        Object handler = Reflect.call(context, "getServletHandler");
        Object holder = handler == null ? null
                : Reflect.call(handler, "getServlet", new Class<?>[] {String.class}, servletName);
        return holder == null ? null : Reflect.call(holder, "getServletInstance");
    }

    /**
     * Dropwizard's default server ({@code DefaultServerFactory}) puts one {@code io.dropwizard.jetty.RoutingHandler}
     * in front of its application and admin handler trees; its private {@code entries} pair each connector with the
     * tree it serves. The ports are those of the entries whose tree is, or contains ({@code
     * HandlerContainer#getChildHandlers()}, every descendant), this context. Empty without such a handler (one
     * listener for everything, e.g. Dropwizard's {@code SimpleServerFactory}) or when every connector serves it.
     */
    @Override
    protected String separateListenerPorts(Object context) throws Exception {
        Object server = Reflect.call(context, "getServer");
        Object routing = server == null ? null : routingHandler(Reflect.call(server, "getHandler"));
        if (routing == null) {
            return "";
        }
        Set<Integer> ports = new TreeSet<Integer>();
        Set<Integer> all = new TreeSet<Integer>();
        for (Object entry : (Object[]) Reflect.field(routing, "entries")) {
            Object connector = Reflect.field(entry, "connector");
            Object port = Reflect.has(connector.getClass(), "getLocalPort") ? Reflect.call(connector, "getLocalPort")
                    : null;
            if (!(port instanceof Integer) || (Integer) port <= 0) {
                continue;
            }
            all.add((Integer) port);
            Object tree = Reflect.field(entry, "handler");
            if (tree == context || contains(tree, context)) {
                ports.add((Integer) port);
            }
        }
        if (ports.isEmpty() || ports.equals(all)) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (Integer port : ports) {
            joined.append(joined.length() == 0 ? "" : ",").append(port);
        }
        return joined.toString();
    }

    private static Object routingHandler(Object handler) throws Exception {
        if (handler == null) {
            return null;
        }
        if (handler.getClass().getName().equals(DROPWIZARD_ROUTING)) {
            return handler;
        }
        Object children = Reflect.call(handler, "getChildHandlers");
        if (children instanceof Object[]) {
            for (Object child : (Object[]) children) {
                if (child != null && child.getClass().getName().equals(DROPWIZARD_ROUTING)) {
                    return child;
                }
            }
        }
        return null;
    }

    private static boolean contains(Object tree, Object context) throws Exception {
        Object children = Reflect.call(tree, "getChildHandlers");
        if (children instanceof Object[]) {
            for (Object child : (Object[]) children) {
                if (child == context) {
                    return true;
                }
            }
        }
        return false;
    }


    /** Called (through {@code ConstructorHooks}) at the end of each {@code ServletContextHandler} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object context) {
            INSTANCE.remember(context);
        }
    }
}

package dev.runtruth.agent.routes.servlet.jetty;

import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.servlet.ContainerContexts;
import dev.runtruth.agent.routes.Reflect;
import java.util.ArrayList;
import java.util.List;

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
            hooks.add(TypeHook.onConstructors(type, ConstructorAdvice.class));
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

    /** Called (through {@code ConstructorHooks}) at the end of each {@code ServletContextHandler} constructor. */
    public static final class ConstructorAdvice {

        private ConstructorAdvice() {
        }
        static void exit(Object context) {
            INSTANCE.remember(context);
        }
    }
}

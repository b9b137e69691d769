package dev.runtruth.agent.routes.servlet.tomcat;

import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.servlet.ContainerContexts;
import dev.runtruth.agent.routes.Reflect;

/**
 * Apache Tomcat's web application contexts: {@code org.apache.catalina.core.StandardContext} (same name in Tomcat 9,
 * 10.1 and 11, embedded or standalone; Spring Boot's {@code TomcatEmbeddedContext} extends it). The constructor hook
 * only remembers the context; its {@code ServletContext} is read once the context's lifecycle state is available
 * ({@code Lifecycle#getState()}, {@code LifecycleState#isAvailable()}: {@code STARTED}), so a stopped context is no
 * longer reported and {@code StandardContext#getServletContext()} never creates one.
 */
public final class TomcatContexts extends ContainerContexts {

    /** Binary name of the hooked type. */
    public static final String TYPE = "org.apache.catalina.core.StandardContext";

    /** The contexts of this JVM. */
    public static final TomcatContexts INSTANCE = new TomcatContexts();

    private TomcatContexts() {
    }

    /** @return the hook: called at the end of every constructor of {@link #TYPE} */
    public static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    @Override
    protected String container() {
        return "tomcat";
    }

    @Override
    protected Object startedServletContext(Object context) throws Exception {
        Object state = Reflect.call(context, "getState");
        if (state == null || !Boolean.TRUE.equals(Reflect.call(state, "isAvailable"))) {
            return null;
        }
        return Reflect.call(context, "getServletContext");
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code StandardContext} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object context) {
            INSTANCE.remember(context);
        }
    }
}

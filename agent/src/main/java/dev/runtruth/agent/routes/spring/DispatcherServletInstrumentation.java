package dev.runtruth.agent.routes.spring;

import dev.runtruth.agent.instrument.TypeHook;

/**
 * Hooks the constructors of Spring MVC's {@code org.springframework.web.servlet.DispatcherServlet} (spring-webmvc
 * 5.3 to 7.0, same class name in all) so the agent learns every dispatcher servlet the application creates. Nothing
 * else happens in the hook: routes are read from the servlet's handler mappings at scrape time by
 * {@link SpringMvcRoutes}.
 */
public final class DispatcherServletInstrumentation {

    /** Binary name of the hooked type. */
    public static final String TYPE = "org.springframework.web.servlet.DispatcherServlet";

    private DispatcherServletInstrumentation() {
    }

    /** @return the hook: called at the end of every constructor of {@link #TYPE} */
    public static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code DispatcherServlet} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object servlet) {
            SpringMvcRoutes.onDispatcherServlet(servlet);
        }
    }
}

package dev.runtruth.agent.routes.spring.webflux;

import dev.runtruth.agent.instrument.TypeHook;

/**
 * Hooks the constructors of Spring WebFlux's {@code org.springframework.web.reactive.DispatcherHandler} (spring-webflux
 * 5.0 to 7.0, same class name in all) so the agent learns every dispatcher handler the application creates. Nothing
 * else happens in the hook: routes are read from the handler's mappings at scrape time by {@link SpringWebFluxRoutes}.
 */
public final class DispatcherHandlerInstrumentation {

    /** Binary name of the hooked type. */
    public static final String TYPE = "org.springframework.web.reactive.DispatcherHandler";

    private DispatcherHandlerInstrumentation() {
    }

    /** @return the hook: called at the end of every constructor of {@link #TYPE} */
    static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code DispatcherHandler} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object dispatcherHandler) {
            SpringWebFluxRoutes.onDispatcherHandler(dispatcherHandler);
        }
    }
}

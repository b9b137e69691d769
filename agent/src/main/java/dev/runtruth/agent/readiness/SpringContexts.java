package dev.runtruth.agent.readiness;

import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.WeakObjects;
import java.util.List;

/**
 * Spring's application contexts, remembered weakly by a constructor hook on
 * {@code org.springframework.context.support.AbstractApplicationContext}, the base of every context Spring and Spring
 * Boot create (servlet, reactive, plain; spring-context 4.x to 7.0). Only remembered here; {@link StartupState} reads
 * whether each one finished its refresh.
 */
public final class SpringContexts {

    /** Binary name of the hooked type. */
    public static final String TYPE = "org.springframework.context.support.AbstractApplicationContext";

    private static final WeakObjects CONTEXTS = new WeakObjects();

    private SpringContexts() {
    }

    /** @return the hook: advice on every constructor of {@link #TYPE} */
    public static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    /** @return the contexts still alive, oldest first */
    static List<Object> live() {
        return CONTEXTS.alive();
    }

    /** Called at the end of each {@code AbstractApplicationContext} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }

        static void exit(Object context) {
            CONTEXTS.add(context);
        }
    }
}

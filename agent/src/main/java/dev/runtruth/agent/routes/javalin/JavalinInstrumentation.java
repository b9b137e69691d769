package dev.runtruth.agent.routes.javalin;

import dev.runtruth.agent.instrument.TypeHook;

/**
 * Hooks the constructors of {@code io.javalin.Javalin} (Javalin 6: {@code Javalin(JavalinConfig)}, Javalin 7:
 * {@code Javalin(JavalinState)}) so the agent learns every Javalin application in the JVM. Nothing else happens in
 * the hook: routes are read at scrape time by {@link JavalinRoutes}.
 */
public final class JavalinInstrumentation {

    /** Binary name of the hooked type. */
    public static final String TYPE = "io.javalin.Javalin";

    private JavalinInstrumentation() {
    }

    /** @return the hook: called at the end of every constructor of {@link #TYPE} */
    public static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code Javalin} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object app) {
            JavalinRoutes.onJavalin(app);
        }
    }
}

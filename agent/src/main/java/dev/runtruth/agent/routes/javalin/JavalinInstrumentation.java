package dev.runtruth.agent.routes.javalin;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.Arrays;
import java.util.List;

/**
 * Hooks the constructors of {@code io.javalin.Javalin} (Javalin 6: {@code Javalin(JavalinConfig)}, Javalin 7:
 * {@code Javalin(JavalinState)}) so the agent learns every Javalin application in the JVM, and those of the
 * configuration holders the agent remembers of an app ({@link #CONFIG} in 6, {@link #STATE} in 7): the {@code Javalin}
 * object is unreachable once {@code main} returned, its holder stays reachable from the running Jetty server, so
 * hook-free discovery finds an app that serves through its holder. Nothing else happens in the hooks: routes are read
 * at scrape time by {@link JavalinRoutes}.
 */
public final class JavalinInstrumentation {

    /** Binary name of the hooked type. */
    public static final String TYPE = "io.javalin.Javalin";
    /** Binary name of Javalin 6's configuration holder (also a class of Javalin 7, where it is not the holder). */
    public static final String CONFIG = "io.javalin.config.JavalinConfig";
    /** Binary name of Javalin 7's state holder. */
    public static final String STATE = JavalinInternals.V7_LANDMARK;

    private JavalinInstrumentation() {
    }

    /** @return the hooks: called at the end of every constructor of {@link #TYPE}, {@link #CONFIG}, {@link #STATE} */
    public static List<TypeHook> hooks() {
        return Arrays.asList(TypeHook.onConstructors(TYPE, OnConstructor.class),
                TypeHook.onConstructors(CONFIG, OnHolder.class), TypeHook.onConstructors(STATE, OnHolder.class));
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code Javalin} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object app) {
            JavalinRoutes.onJavalin(app);
        }
    }

    /** Called at the end of each {@code JavalinConfig} or {@code JavalinState} constructor, or on one found live. */
    public static final class OnHolder {

        private OnHolder() {
        }

        static void exit(Object holder) {
            JavalinRoutes.onHolder(holder);
        }
    }
}

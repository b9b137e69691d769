package dev.runtruth.agent.routes.javalin;

/**
 * Where a Javalin application keeps its router and context path; the one thing that differs between the supported
 * majors. Javalin 7 is recognised by {@code io.javalin.config.JavalinState}, Javalin 6 by
 * {@code io.javalin.router.InternalRouter}.
 *
 * <p>The agent remembers an app's configuration holder, not the {@code Javalin} object: the running Jetty server
 * keeps the holder ({@code JavalinState} in 7, {@code JavalinConfig} in 6) reachable, while nothing keeps the
 * {@code Javalin} object alive once {@code main} has returned.
 */
final class JavalinInternals {

    // added in Javalin 7.0: the app's state, public field Javalin.unsafe
    static final String V7_LANDMARK = "io.javalin.config.JavalinState";
    // added in Javalin 6.0 (Javalin 5 matched requests in JavalinServlet's PathMatcher)
    static final String V6_LANDMARK = "io.javalin.router.InternalRouter";

    /** The app's {@code InternalRouter} and its {@code RouterConfig}. */
    final Object internalRouter;
    final Object routerConfig;

    private JavalinInternals(Object internalRouter, Object routerConfig) {
        this.internalRouter = internalRouter;
        this.routerConfig = routerConfig;
    }

    /**
     * @param app an {@code io.javalin.Javalin}, at the end of its constructor
     * @return what to remember of it: Javalin 7's {@code app.unsafe} ({@code JavalinState}), Javalin 6's
     *         {@code app.unsafeConfig()} ({@code JavalinConfig}); {@code null} when the Javalin version is neither
     */
    static Object holder(Object app) throws Exception {
        ClassLoader loader = app.getClass().getClassLoader();
        if (exists(V7_LANDMARK, loader)) {
            return Props.get(app, "unsafe");
        }
        if (exists(V6_LANDMARK, loader)) {
            return app.getClass().getMethod("unsafeConfig").invoke(app);
        }
        return null;
    }

    /**
     * @param object a {@code JavalinConfig} or {@code JavalinState}, just constructed or found by hook-free discovery
     * @return whether it is the holder {@link #holder(Object)} returns for an app: a {@code JavalinState}, or a
     *         {@code JavalinConfig} of Javalin 6 (in Javalin 7 the config is a builder the app does not keep)
     */
    static boolean isHolder(Object object) {
        Class<?> type = object.getClass();
        if (Props.isA(type, V7_LANDMARK)) {
            return true;
        }
        ClassLoader loader = type.getClassLoader();
        return Props.isA(type, JavalinInstrumentation.CONFIG) && !exists(V7_LANDMARK, loader)
                && exists(V6_LANDMARK, loader);
    }

    /**
     * @param holder what {@link #holder(Object)} returned
     * @return the app's internals, read now (Javalin 6 lets plugins replace the internal router)
     */
    static JavalinInternals of(Object holder) throws Exception {
        if (Props.isA(holder.getClass(), V7_LANDMARK)) {
            // Javalin 7: JavalinState.internalRouter / .router, both @JvmField
            return new JavalinInternals(Props.get(holder, "internalRouter"), Props.get(holder, "router"));
        }
        // Javalin 6: JavalinConfig.pvt.internalRouter / JavalinConfig.router
        Object pvt = Props.get(holder, "pvt");
        return new JavalinInternals(Props.get(pvt, "internalRouter"), Props.get(holder, "router"));
    }

    private static boolean exists(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (LinkageError e) {
            return false;
        }
    }
}

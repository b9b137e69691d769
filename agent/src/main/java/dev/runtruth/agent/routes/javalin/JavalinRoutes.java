package dev.runtruth.agent.routes.javalin;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.ReadFailures;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The endpoints of every Javalin 6 and 7 application in this JVM, read at scrape time from the app's
 * {@code io.javalin.router.InternalRouter}: {@code allHttpHandlers()} and {@code allWsHandlers()}, the lists Javalin's
 * own {@code RouteOverviewPlugin} prints.
 *
 * <p>Method values: the HTTP method of an endpoint ({@code HandlerType} with {@code isHttpMethod}); {@code SSE} for an
 * endpoint whose handler is Javalin's {@code io.javalin.http.sse.SseHandler} ({@code app.sse(..)}, served as GET);
 * {@code WS} for a WebSocket endpoint ({@code WsHandlerType.WEBSOCKET}). Before/after handlers and WebSocket
 * before/after handlers are filters, not endpoints, and are left out. Every path is prefixed with
 * {@code RouterConfig.contextPath}.
 *
 * <p>The handler is read only for the {@code handler} label and to tell an SSE endpoint: through the public getter
 * (Javalin 6.1+), the Kotlin-internal {@code getHandler$javalin()} (Javalin 6.0.x) or the field. When it cannot be read
 * the endpoint is still reported, with an empty handler (an SSE endpoint then as {@code GET}), and the read records one
 * {@code javalin.handler} capture error.
 */
public final class JavalinRoutes implements RouteSource {

    /** The {@code framework} label value. */
    public static final String FRAMEWORK = "javalin";
    /** Method value of a server-sent-events endpoint. */
    public static final String SSE = "SSE";
    /** Method value of a WebSocket endpoint. */
    public static final String WS = "WS";

    private static final String SSE_HANDLER = "io.javalin.http.sse.SseHandler";

    // weak keys, identity semantics (JavalinState and JavalinConfig do not override equals/hashCode)
    private static final Map<Object, Boolean> APPS = new WeakHashMap<Object, Boolean>();

    /**
     * Called by the constructor hook for every new {@code Javalin}; only remembers (weakly) its configuration holder,
     * see {@link JavalinInternals#holder(Object)}.
     *
     * @param app the application under construction
     */
    public static void onJavalin(Object app) {
        try {
            Object holder = JavalinInternals.holder(app);
            if (holder == null) {
                AgentLog.warn("javalin.version", "unsupported Javalin version (neither " + JavalinInternals.V7_LANDMARK
                        + " nor " + JavalinInternals.V6_LANDMARK + " found; Javalin 6 and 7 are supported): "
                        + "Javalin routes are not reported");
                return;
            }
            synchronized (APPS) {
                APPS.put(holder, Boolean.TRUE);
            }
        } catch (Throwable t) {
            CaptureErrors.record("javalin.hook", "could not remember a Javalin app", t);
        }
    }

    /**
     * Called by the constructor hooks of the configuration holders and by hook-free discovery, which finds an app
     * only through its holder; remembers (weakly) what {@link JavalinInternals#isHolder} accepts, ignores the rest.
     *
     * @param holder a {@code JavalinConfig} or {@code JavalinState}
     */
    public static void onHolder(Object holder) {
        try {
            if (JavalinInternals.isHolder(holder)) {
                synchronized (APPS) {
                    APPS.put(holder, Boolean.TRUE);
                }
            }
        } catch (Throwable t) {
            CaptureErrors.record("javalin.hook", "could not remember a Javalin app", t);
        }
    }

    @Override
    public List<Route> routes() {
        List<Object> apps;
        synchronized (APPS) {
            apps = new ArrayList<Object>(APPS.keySet());
        }
        List<Route> out = new ArrayList<Route>();
        for (Object app : apps) {
            try {
                collect(JavalinInternals.of(app), out);
            } catch (Throwable t) {
                CaptureErrors.record("javalin.read", "could not read the endpoints of a Javalin app", t);
            }
        }
        return out;
    }

    private static void collect(JavalinInternals internals, List<Route> out) throws Exception {
        String contextPath = String.valueOf(Props.get(internals.routerConfig, "contextPath"));
        Object router = internals.internalRouter;
        ReadFailures handlers = new ReadFailures("javalin.handler", "could not read the handler of Javalin "
                + "endpoints; they are reported with an empty handler label (SSE endpoints as GET)");
        try {
            for (Object parsed : (Collection<?>) router.getClass().getMethod("allHttpHandlers").invoke(router)) {
                Object endpoint = Props.get(parsed, "endpoint");
                Object type = Props.get(endpoint, "method");
                if (!Boolean.TRUE.equals(Props.get(type, "isHttpMethod"))) {
                    continue;
                }
                Object handler = handler(endpoint, handlers);
                String method = handler != null && Props.isA(handler.getClass(), SSE_HANDLER)
                        ? SSE : String.valueOf(Props.get(type, "name"));
                String path = String.valueOf(Props.get(endpoint, "path"));
                out.add(Route.of(method, PathTemplate.join(contextPath, path), FRAMEWORK, handlerName(handler)));
            }
        } finally {
            handlers.record();
        }
        for (Object entry : (Collection<?>) router.getClass().getMethod("allWsHandlers").invoke(router)) {
            if ("WEBSOCKET".equals(String.valueOf(Props.get(entry, "type")))) {
                String path = String.valueOf(Props.get(entry, "path"));
                out.add(Route.of(WS, PathTemplate.join(contextPath, path), FRAMEWORK, ""));
            }
        }
    }

    /** @return the endpoint's handler, or {@code null} (the failure added to {@code failures}) when unreadable */
    private static Object handler(Object endpoint, ReadFailures failures) {
        try {
            return Props.get(endpoint, "handler");
        } catch (Throwable t) {
            failures.add(t);
            return null;
        }
    }

    /** The handler's class, or for a lambda the class that declares it (lambda class names change every run). */
    static String handlerName(Object handler) {
        if (handler == null) {
            return "";
        }
        String name = handler.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda > 0 ? name.substring(0, lambda) : name;
    }
}

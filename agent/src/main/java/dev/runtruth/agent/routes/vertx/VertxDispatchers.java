package dev.runtruth.agent.routes.vertx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Vert.x Web handlers through which another framework serves its own routes: the Vert.x counterpart of the
 * servlet capture's dispatcher servlets. A route whose every handler is one of them is framework plumbing, not a
 * route of its own, and is left out when the framework's own capture (whose {@code framework} label is listed here)
 * reported at least one route in the same read: its routes already say what the Vert.x route serves. When no capture
 * of that framework reports anything (unknown version, not started yet) the Vert.x route is reported, so its mapping
 * is not lost.
 *
 * <p>Known handlers, matched by the binary name of the handler's class or of the class that declares it (nested,
 * anonymous and lambda classes, {@code Outer$13}, {@code Outer$$Lambda/0x...}):
 * <ul>
 *   <li>Quarkus REST (RESTEasy Reactive, Quarkus 3.x): {@code org.jboss.resteasy.reactive.server.vertx
 *       .ResteasyReactiveVertxHandler}, the handler of the {@code <root>/<application path>} and
 *       {@code <root>/<application path>/*} routes that hand every request to the JAX-RS deployment; and the
 *       handlers Quarkus's {@code io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder} adds on
 *       {@code <root>/*} before it (e.g. its anonymous {@code $13}, which installs the REST auth-failure handler and
 *       calls {@code next()}; seen in Quarkus 3.27.2).</li>
 * </ul>
 *
 * <p>Middleware, left out whatever reports routes: a route whose every handler is a framework's own request
 * preparation, which answers only to refuse a request and otherwise hands it on ({@code next()}), is no route of its
 * own: the routes after it say what is served. Known, by outer class:
 * <ul>
 *   <li>Quarkus HTTP ({@code quarkus-vertx-http} 3.x): {@code io.quarkus.vertx.http.runtime.options
 *       .HttpServerCommonHandlers}: the path-less route of {@code enforceMaxBodySize} (413 over
 *       {@code quarkus.http.limits.max-body-size}, seen in Quarkus 3.27.2 as its {@code $1}), and the routes of
 *       {@code applyFilters} / {@code applyHeaders} ({@code quarkus.http.filter.*}, {@code quarkus.http.header.*}),
 *       which add response headers.</li>
 * </ul>
 *
 * <p>One instance per read.
 */
final class VertxDispatchers {

    /** Handler class (or declaring class) name to the {@code framework} label of the capture that reports its routes. */
    private static final Map<String, String> DISPATCHERS = new LinkedHashMap<String, String>();

    static {
        DISPATCHERS.put("org.jboss.resteasy.reactive.server.vertx.ResteasyReactiveVertxHandler", "jaxrs");
        DISPATCHERS.put("io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder", "jaxrs");
    }

    /** Outer classes of middleware handlers ({@link #middleware}). */
    private static final Set<String> MIDDLEWARE = Collections.singleton(
            "io.quarkus.vertx.http.runtime.options.HttpServerCommonHandlers");

    private final Set<String> reporting;

    /** @param reporting the {@code framework} labels that reported at least one route in this read */
    VertxDispatchers(Set<String> reporting) {
        this.reporting = reporting;
    }

    /**
     * @param handlerClasses the binary class names of a route's handlers ({@link VertxRoute#handlerClasses(Object)})
     * @return whether there is at least one and every one is a known dispatcher handler of a framework whose capture
     *         reports routes now
     */
    boolean reportedByFramework(List<String> handlerClasses) {
        if (reporting.isEmpty() || handlerClasses.isEmpty()) {
            return false;
        }
        for (String handler : handlerClasses) {
            String label = DISPATCHERS.get(outerClass(handler));
            if (label == null || !reporting.contains(label)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param handlerClasses the binary class names of a route's handlers, or {@code null} when unknown
     * @return whether there is at least one and every one is known middleware (see the class comment)
     */
    static boolean middleware(List<String> handlerClasses) {
        if (handlerClasses == null || handlerClasses.isEmpty()) {
            return false;
        }
        for (String handler : handlerClasses) {
            if (!MIDDLEWARE.contains(outerClass(handler))) {
                return false;
            }
        }
        return true;
    }

    /** @return the top-level class of a binary name: {@code a.B$13} and {@code a.B$$Lambda/0x1} give {@code a.B} */
    static String outerClass(String binaryName) {
        int dollar = binaryName.indexOf('$');
        return dollar > 0 ? binaryName.substring(0, dollar) : binaryName;
    }
}

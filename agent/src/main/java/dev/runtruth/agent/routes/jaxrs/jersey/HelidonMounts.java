package dev.runtruth.agent.routes.jaxrs.jersey;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.agent.routes.helidon.HelidonRoutes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Helidon's WebServer serves Jersey applications (Helidon MP 4: no servlet; one
 * {@code io.helidon.jersey.webserver.JaxRsService} per JAX-RS application, registered on the HTTP routing under the
 * application's {@code @ApplicationPath} or configured context root, which Jersey takes as its base URI). The services
 * are remembered by a constructor hook; their paths are read from the Helidon routing tree
 * ({@link HelidonRoutes#jerseyServices()}); each service's {@code ApplicationHandler} is its private field
 * {@code appHandler} (helidon-jersey-webserver 4.x).
 */
final class HelidonMounts {

    private static final WeakObjects SERVICES = new WeakObjects();

    private HelidonMounts() {
    }

    /** @param service a {@code JaxRsService} whose constructor just returned; only remembered (weakly) */
    static void onService(Object service) {
        SERVICES.add(service);
    }

    /**
     * @return the application handlers of every live Helidon Jersey service, registered on a server or not yet
     *         (identity set): while one has no path on a server, where it will be served is not known
     */
    static Set<Object> handlers() {
        Set<Object> handlers = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
        for (Object service : SERVICES.alive()) {
            try {
                Object handler = Reflect.field(service, "appHandler");
                if (handler != null) {
                    handlers.add(handler);
                }
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.jersey.helidon", "could not read the Jersey application of Helidon's "
                        + service.getClass().getName() + ": its routes are not reported", t);
            }
        }
        return handlers;
    }

    /**
     * Adds where each Helidon Jersey service on a known Helidon server serves its application handler.
     *
     * @param mounts application handler to where it is served; added to
     */
    static void addTo(Map<Object, List<JerseyRoutes.Mount>> mounts) {
        if (SERVICES.alive().isEmpty()) {
            return;
        }
        for (Map.Entry<Object, List<String>> service : HelidonRoutes.jerseyServices().entrySet()) {
            try {
                Object handler = Reflect.field(service.getKey(), "appHandler");
                if (handler == null) {
                    continue;
                }
                List<JerseyRoutes.Mount> at = mounts.get(handler);
                if (at == null) {
                    at = new ArrayList<JerseyRoutes.Mount>();
                    mounts.put(handler, at);
                }
                for (String path : service.getValue()) {
                    at.add(new JerseyRoutes.Mount(path, "", null));
                }
            } catch (Throwable t) {
                CaptureErrors.record("jaxrs.jersey.helidon", "could not read the Jersey application of Helidon's "
                        + service.getKey().getClass().getName() + ": its routes are not reported", t);
            }
        }
    }
}

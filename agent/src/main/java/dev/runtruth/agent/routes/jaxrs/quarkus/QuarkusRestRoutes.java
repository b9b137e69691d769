package dev.runtruth.agent.routes.jaxrs.quarkus;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.agent.routes.WeakObjects;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyRoutes;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.util.List;

/**
 * The resource methods of every Quarkus REST (RESTEasy Reactive) deployment in this JVM (tested with Quarkus 3.27),
 * read at scrape time from the remembered {@code org.jboss.resteasy.reactive.server.core.Deployment} by
 * {@link QuarkusRestMappers}. Each route is prefixed with {@code Deployment#getPrefix()}, which RESTEasy Reactive's
 * {@code RuntimeDeploymentManager} builds from the root path Quarkus hands it ({@code quarkus.http.root-path}) and
 * the application path ({@code @ApplicationPath} or {@code quarkus.rest.path}).
 *
 * <p>Routes that Quarkus extensions register on the Vert.x router ({@code /q/health}, {@code /q/openapi}, ...) are not
 * JAX-RS resources and not reported here.
 */
public final class QuarkusRestRoutes implements RouteSource {

    private static final WeakObjects DEPLOYMENTS = new WeakObjects();

    /** @param deployment a {@code Deployment} whose constructor just returned; only remembered (weakly) */
    public static void onDeployment(Object deployment) {
        DEPLOYMENTS.add(deployment);
    }

    /** @param deployment a deployment to stop reading (an unsupported one a unit test registered) */
    static void forget(Object deployment) {
        DEPLOYMENTS.remove(deployment);
    }

    @Override
    public List<Route> routes() {
        return DEPLOYMENTS.readEach("jaxrs.quarkus.read", "could not read the Quarkus REST deployment",
                QuarkusRestRoutes::collect);
    }

    private static void collect(Object deployment, List<Route> out) throws Exception {
        Class<?> type = deployment.getClass();
        if (!Reflect.has(type, "getClassMappers") || !Reflect.has(type, "getPrefix")) {
            CaptureErrors.record("jaxrs.quarkus.version", "unsupported Quarkus REST version (" + type.getName()
                    + " has no getClassMappers() or getPrefix()): its routes are not reported", null);
            return;
        }
        String prefix = (String) Reflect.call(deployment, "getPrefix");
        List<String[]> routes = QuarkusRestMappers.routes((List<?>) Reflect.call(deployment, "getClassMappers"));
        if (routes == null) {
            return;
        }
        for (String[] route : routes) {
            out.add(Route.of(route[0], PathTemplate.join(prefix, route[1]), JerseyRoutes.FRAMEWORK, route[2]));
        }
    }
}

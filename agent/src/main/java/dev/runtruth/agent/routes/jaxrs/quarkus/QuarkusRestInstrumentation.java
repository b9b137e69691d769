package dev.runtruth.agent.routes.jaxrs.quarkus;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.Collections;
import java.util.List;

/**
 * Hooks the constructor of RESTEasy Reactive's {@code org.jboss.resteasy.reactive.server.core.Deployment}, the
 * runtime registry Quarkus REST builds once per application at startup
 * ({@code RuntimeDeploymentManager#deploy()}, called from Quarkus's {@code ResteasyReactiveRecorder}): it receives
 * the finished class mappers and the path prefix in its constructor. The hook only remembers the object;
 * {@link QuarkusRestRoutes} reads it at scrape time.
 *
 * <p>In the production layout ({@code quarkus-run.jar}) the class is loaded by Quarkus's {@code RunnerClassLoader},
 * which delegates names it does not hold to the system class loader, where the agent's classes are: the call
 * that the rewritten constructor makes to {@code ConstructorHooks} links against them there.
 */
public final class QuarkusRestInstrumentation {

    /** Binary name of RESTEasy Reactive's runtime deployment (same name since Quarkus 1.x; jakarta since 3.0). */
    public static final String DEPLOYMENT = "org.jboss.resteasy.reactive.server.core.Deployment";

    private QuarkusRestInstrumentation() {
    }

    /** @return the hook: called at the end of every constructor of {@link #DEPLOYMENT} */
    public static List<TypeHook> hooks() {
        return Collections.singletonList(TypeHook.onConstructors(DEPLOYMENT, OnDeployment.class));
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code Deployment} constructor that returns normally. */
    public static final class OnDeployment {

        private OnDeployment() {
        }
        static void exit(Object deployment) {
            QuarkusRestRoutes.onDeployment(deployment);
        }
    }
}

package dev.runtruth.agent.routes;

import dev.runtruth.agent.routes.grpc.GrpcCapture;
import dev.runtruth.agent.routes.javalin.JavalinCapture;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyCapture;
import dev.runtruth.agent.routes.jaxrs.quarkus.QuarkusRestCapture;
import dev.runtruth.agent.routes.jaxrs.resteasy.ResteasyCapture;
import dev.runtruth.agent.routes.micronaut.MicronautCapture;
import dev.runtruth.agent.routes.servlet.ServletCapture;
import dev.runtruth.agent.routes.spring.SpringMvcCapture;
import dev.runtruth.agent.routes.spring.webflux.SpringWebFluxCapture;
import dev.runtruth.agent.routes.vertx.VertxWebCapture;
import java.util.Arrays;
import java.util.List;

/** Every framework family the agent captures. Add a family here, and nowhere else. */
public final class Frameworks {

    private Frameworks() {
    }

    /** @return the captures, one per framework family; creating them loads no framework or ByteBuddy class */
    public static List<FrameworkCapture> all() {
        return Arrays.asList(
                VertxWebCapture.capture(),
                JavalinCapture.capture(),
                SpringMvcCapture.capture(),
                ServletCapture.tomcat(), ServletCapture.jetty(), ServletCapture.undertow(),
                MicronautCapture.capture(),
                GrpcCapture.capture(),
                SpringWebFluxCapture.capture(),
                JerseyCapture.capture(),
                ResteasyCapture.capture(),
                QuarkusRestCapture.capture());
    }
}

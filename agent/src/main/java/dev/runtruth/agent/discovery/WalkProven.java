package dev.runtruth.agent.discovery;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The hooked types the class transformer need not hook, because hook-free discovery is proven for their family: an
 * attach IT of {@code agent-tests} (app started without the agent, agent attached once it serves, so every framework
 * object predates the agent) holds the family's routes, read only from objects the walk found, equal to the
 * framework's own listing, and every other check of the {@code -javaagent} scenario. A family's types are listed
 * together, including a type whose objects do not outlive the start (then the comment says so), and only for the
 * version lines an IT ran (Jetty ee8/ee9/ee11 and RESTEasy's pre-6 {@code spi.ResteasyDeployment} are not here). A
 * type missing here still needs its constructor hook at premain. Add a type only with the IT that proves it.
 */
public final class WalkProven {

    /** Binary names of the proven hooked types; each comment names the attach IT(s) that prove the family. */
    public static final Set<String> TYPES = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
            // Boot27AdminAttachIT, Boot35AdminAttachIT(+Jdk25), Boot41WebAttachIT, Boot35AdminPrefixedAttachIT,
            // SpringDataRest35AttachIT (Spring Data REST 4.5), SpringDataRest41AttachJdk25IT (5.1)
            "org.springframework.web.servlet.DispatcherServlet",
            // Boot35WebFluxAttachIT(+Jdk25), Boot41WebFluxAttachIT, Boot41WebFluxBasePathAttachIT
            "org.springframework.web.reactive.DispatcherHandler",
            // ServletTomcat10AttachIT, ServletTomcat9AttachJdk25IT, ServletInSpringBootAttachIT, Boot35AdminAttachIT
            "org.apache.catalina.core.StandardContext",
            // ServletUndertow23AttachIT
            "io.undertow.servlet.spec.ServletContextImpl",
            // Dropwizard4AttachIT (Jetty 11)
            "org.eclipse.jetty.servlet.ServletContextHandler",
            // ServletJetty12AttachIT (Jetty 12 ee10)
            "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
            // Boot35JerseyAttachIT, Dropwizard4AttachIT, Boot27JerseyAttachIT(+Jdk25) (Jersey 2.35),
            // EurekaServerAttachIT(+Jdk25) (a servlet filter)
            "org.glassfish.jersey.server.ApplicationHandler",
            "org.glassfish.jersey.servlet.ServletContainer",
            // QuarkusRestAttachIT
            "org.jboss.resteasy.reactive.server.core.Deployment",
            // Micronaut4AttachIT, Micronaut4ContextPathAttachJdk25IT
            "io.micronaut.web.router.DefaultRouter",
            // Grpc185AttachIT(+Jdk25)
            "io.grpc.internal.ServerImpl",
            // Javalin6AttachIT (Javalin 6.7: JavalinConfig), Javalin7AttachJdk25IT (Javalin 7.2: JavalinState); the
            // io.javalin.Javalin object itself is unreachable once main returned and is never found: the holders are
            "io.javalin.Javalin",
            "io.javalin.config.JavalinConfig",
            "io.javalin.config.JavalinState",
            // VertxWeb4AttachIT (4.5, reached only through Netty's thread-local map), VertxWeb5AttachJdk25IT (5.1)
            "io.vertx.ext.web.impl.RouterImpl",
            // Ktor2AttachIT (Routing, Netty engine), Ktor3AttachJdk25IT (RoutingRoot, Netty engine)
            "io.ktor.server.routing.Routing",
            "io.ktor.server.routing.RoutingRoot",
            "io.ktor.server.netty.NettyApplicationEngine",
            // HelidonSe4AttachIT (Temurin 25): found through the shutdown handler; a started LoomServer need not be
            // reachable at all. Caveat: a server built with its shutdown hook disabled has no handler and is found by
            // its constructor hook only (without it: failed, Discovery.NOT_DISCOVERABLE)
            "io.helidon.webserver.LoomServer",
            "io.helidon.webserver.LoomServer$ServerShutdownHandler",
            // Resteasy6AttachIT(+Jdk25) (RESTEasy 6.2 on UndertowJaxrsServer: found only through XNIO I/O threads,
            // 18-24 edges)
            "org.jboss.resteasy.core.ResteasyDeploymentImpl",
            "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher",
            // JerseyGrizzlyAttachIT(+Jdk25) (Jersey 4.0 on Grizzly 4)
            "org.glassfish.grizzly.http.server.HttpServer",
            // Cxf4AttachIT(+Jdk25) (CXF 4.2 servlet transport on Tomcat 10.1); the factory bean only marks CXF as in
            // use
            "org.apache.cxf.jaxrs.JAXRSServerFactoryBean",
            "org.apache.cxf.endpoint.ServerImpl",
            "org.apache.cxf.transport.servlet.CXFNonSpringServlet")));

    private WalkProven() {
    }
}

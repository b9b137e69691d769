package dev.runtruth.agent.discovery;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The hooked types whose objects a discovery walk is proven to find: an attach IT in {@code agent-tests} (the app
 * started without the agent, the agent attached once it serves, so only the walk can find the objects) holds the
 * attached agent's routes equal to the framework's own listing. With {@code discovery=on} (the default) these types
 * get no constructor hook: premain registers no class transformer for them, and the walks find their objects. Every
 * other hooked type keeps its hook (registered only when its class is on the system class path, see {@code
 * HookSelection}). Add a type here only with the IT that proves it, named in its comment, and once the family's
 * {@code -javaagent} ITs pass without its hook.
 *
 * <p>Vert.x Web's {@code RouterImpl} keeps its hook: {@code VertxWeb4NoSockJsIT} (the test app
 * without its SockJS routers) read 0 of 19 routes with the type hook-free, and a walk found no router in any of 10 runs
 * by hand of that app and of a one-router app (vertx-web 4.5.32 and 4.5.9, JDK 17). A Vert.x 4.5 router is reached only
 * from an event-loop thread through a task Vert.x has scheduled (the spike's path: Netty's thread-local map, the
 * scheduled timer task, {@code VertxImpl.sharedHttpServers}); the SockJS routers keep a timer scheduled, which is why
 * {@code VertxWeb459IT}, {@code VertxWeb4IT}, {@code VertxWeb5IT}, their {@code Jdk25} variants and the Vert.x attach
 * ITs pass hook-free (and {@code VertxWeb4NoSockJsIT} passed once of two runs hook-free: it depends on timing). Vert.x
 * 5.1 was found without SockJS (its event-loop thread factory captures the {@code VertxImpl}), but 4.x and 5.x share
 * the type name. Helidon's {@code LoomServer} keeps its hook ({@link Discovery#NOT_DISCOVERABLE}): a server built with
 * its shutdown hook disabled has no shutdown handler, and nothing else that stays reachable (its listeners' threads
 * hold the listeners, which do not point back to the server) leads a walk to it.
 *
 * <p>JAX-RS types still hooked: RESTEasy 3's class {@code org.jboss.resteasy.spi.ResteasyDeployment}, hooked only to
 * report that unsupported version (no RESTEasy 3 app; from RESTEasy 4 on it is an interface, which {@code
 * HookSelection} never hooks). Helidon MP: its {@code JaxRsService}s and, through Weld (whose {@code
 * ServerCdiExtension} holds it; MP registers no {@code io.helidon.Main} shutdown handler), its {@code LoomServer} are
 * found after a late attach ({@code HelidonMp4AttachIT}, Temurin 25); under {@code -javaagent} the {@code LoomServer}
 * keeps its hook, as in Helidon SE.
 */
public final class WalkProven {

    /** Binary names of the hooked types proven by an attach IT. */
    public static final Set<String> TYPES = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
            // Spring MVC: Boot27AdminAttachIT (Spring 5.3), Boot35AdminAttachIT (+ Jdk25), Boot41WebAttachIT (Spring 7)
            "org.springframework.web.servlet.DispatcherServlet",
            // Spring WebFlux: Boot35WebFluxAttachIT (+ Jdk25), Boot41WebFluxAttachIT
            "org.springframework.web.reactive.DispatcherHandler",
            // Tomcat: ServletTomcat10AttachIT, ServletTomcat9AttachJdk25IT, ServletInSpringBootAttachIT
            "org.apache.catalina.core.StandardContext",
            // Undertow: ServletUndertow23AttachIT
            "io.undertow.servlet.spec.ServletContextImpl",
            // Jetty 9.4-11 (org.eclipse.jetty.servlet): Dropwizard4AttachIT (Jetty 11)
            "org.eclipse.jetty.servlet.ServletContextHandler",
            // Jetty 12 ee10: ServletJetty12AttachIT
            "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
            // Jetty 12.1 ee11: ServletJetty12Ee11AttachIT, ServletJetty12Ee11IT (+ Jdk25) hook-free
            "org.eclipse.jetty.ee11.servlet.ServletContextHandler",
            // Jetty 12.0 ee9: ServletJetty12Ee9AttachIT, ServletJetty12Ee9IT (+ Jdk25) hook-free
            "org.eclipse.jetty.ee9.servlet.ServletContextHandler",
            // Jetty 12.0 ee8 (javax): ServletJetty12Ee8AttachIT, ServletJetty12Ee8IT (+ Jdk25) hook-free
            "org.eclipse.jetty.ee8.servlet.ServletContextHandler",
            // Jersey: Boot35JerseyAttachIT (servlet in Spring Boot), Dropwizard4AttachIT, Boot27JerseyAttachIT (Jersey
            // 2.35), EurekaServerAttachIT (a servlet filter)
            "org.glassfish.jersey.server.ApplicationHandler",
            "org.glassfish.jersey.servlet.ServletContainer",
            // Quarkus REST: QuarkusRestAttachIT
            "org.jboss.resteasy.reactive.server.core.Deployment",
            // Micronaut: Micronaut4AttachIT
            "io.micronaut.web.router.DefaultRouter",
            // gRPC: Grpc185AttachIT (+ Jdk25)
            "io.grpc.internal.ServerImpl",
            // Javalin: Javalin60IT, Javalin6IT, Javalin6Jdk25IT, Javalin7IT, Javalin7Jdk25IT hook-free; attached:
            // Javalin60AttachIT (6.0.0), Javalin6AttachIT (6.7: JavalinConfig), Javalin7AttachJdk25IT (7.2:
            // JavalinState). The io.javalin.Javalin object is unreachable once main returned: the holders are found
            "io.javalin.Javalin",
            "io.javalin.config.JavalinConfig",
            "io.javalin.config.JavalinState",
            // Ktor: Ktor2IT, Ktor2Jdk25IT, Ktor3IT, Ktor3Jdk25IT hook-free; attached: Ktor2AttachIT (Routing, Netty
            // engine), Ktor3AttachJdk25IT (RoutingRoot, Netty engine)
            "io.ktor.server.routing.Routing",
            "io.ktor.server.routing.RoutingRoot",
            "io.ktor.server.netty.NettyApplicationEngine",
            // Helidon SE's server shutdown handler: HelidonSe4IT, HelidonMp4IT (Temurin 25) with LoomServer still
            // hooked; attached: HelidonSe4AttachIT, found from io.helidon.Main's shutdown handlers
            "io.helidon.webserver.LoomServer$ServerShutdownHandler",
            // Spring application contexts (readiness, not routes): the Spring scenarios' inventory-state check
            // (AbstractSpringAppIT#inventoryIsReadyOnceTheAppServes) run attached by Boot27AdminAttachIT,
            // Boot35AdminAttachIT, Boot41WebAttachIT, Boot35WebFluxAttachIT, Boot41WebFluxAttachIT
            "org.springframework.context.support.AbstractApplicationContext",
            // --- JAX-RS outside Spring Boot: attach ITs, and their -javaagent ITs green hook-free (2026-12-02) ---
            // RESTEasy 6.2 on Undertow: Resteasy6AttachIT, Resteasy6IT (each + Jdk25), CollectorAgreementResteasy6IT
            "org.jboss.resteasy.core.ResteasyDeploymentImpl",
            "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher",
            // Jersey on Grizzly: JerseyGrizzlyAttachIT (+ Jdk25), JerseyGrizzlyIT (+ Jdk25)
            "org.glassfish.grizzly.http.server.HttpServer",
            // Jersey on the JDK HTTP server: JerseyJdkHttpAttachIT, JerseyJdkHttpIT (each + Jdk25); found through the
            // JDK server's dispatcher thread and contexts (ObjectWalk.JDK_SERVERS)
            "org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer",
            // Jersey on Jetty HTTP (Jetty 12): JerseyJettyHttpAttachIT, JerseyJettyHttpIT (each + Jdk25)
            "org.glassfish.jersey.jetty.JettyHttpContainer",
            // Helidon MP's JAX-RS service: HelidonMp4IT (Temurin 25; Helidon's LoomServer still hooked, see above)
            "io.helidon.jersey.webserver.JaxRsService",
            // Apache CXF: attached Cxf4AttachIT (+ Jdk25), Cxf3AttachIT, Cxf3JettyAttachIT, Cxf4UndertowAttachIT;
            // -javaagent Cxf3IT, Cxf3JettyIT, Cxf4IT, Cxf4UndertowIT (each + Jdk25), CollectorAgreementCxf3IT. The
            // factory bean need not outlive create() and is not found in these apps: its hook only marked CXF in use,
            // which the servers found do
            "org.apache.cxf.jaxrs.JAXRSServerFactoryBean",
            "org.apache.cxf.endpoint.ServerImpl",
            "org.apache.cxf.transport.servlet.CXFNonSpringServlet")));

    private WalkProven() {
    }
}

package dev.runtruth.agent.routes;

import dev.runtruth.agent.readiness.SpringContexts;
import dev.runtruth.agent.routes.grpc.GrpcCapture;
import dev.runtruth.agent.routes.grpc.ServerImplInstrumentation;
import dev.runtruth.agent.routes.helidon.HelidonCapture;
import dev.runtruth.agent.routes.helidon.LoomServerInstrumentation;
import dev.runtruth.agent.routes.javalin.JavalinCapture;
import dev.runtruth.agent.routes.ktor.KtorCapture;
import dev.runtruth.agent.routes.ktor.KtorInstrumentation;
import dev.runtruth.agent.routes.javalin.JavalinInstrumentation;
import dev.runtruth.agent.routes.jaxrs.cxf.CxfCapture;
import dev.runtruth.agent.routes.jaxrs.cxf.CxfInstrumentation;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyCapture;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyInstrumentation;
import dev.runtruth.agent.routes.jaxrs.quarkus.QuarkusRestCapture;
import dev.runtruth.agent.routes.jaxrs.quarkus.QuarkusRestInstrumentation;
import dev.runtruth.agent.routes.jaxrs.resteasy.ResteasyCapture;
import dev.runtruth.agent.routes.jaxrs.resteasy.ResteasyInstrumentation;
import dev.runtruth.agent.routes.micronaut.DefaultRouterInstrumentation;
import dev.runtruth.agent.routes.micronaut.MicronautCapture;
import dev.runtruth.agent.routes.servlet.ServletCapture;
import dev.runtruth.agent.routes.servlet.jetty.JettyContexts;
import dev.runtruth.agent.routes.servlet.tomcat.TomcatContexts;
import dev.runtruth.agent.routes.servlet.undertow.UndertowContexts;
import dev.runtruth.agent.routes.spring.DispatcherServletInstrumentation;
import dev.runtruth.agent.routes.spring.SpringMvcCapture;
import dev.runtruth.agent.routes.spring.webflux.DispatcherHandlerInstrumentation;
import dev.runtruth.agent.routes.spring.webflux.SpringWebFluxCapture;
import dev.runtruth.agent.routes.vertx.RouterInstrumentation;
import dev.runtruth.agent.routes.vertx.VertxWebCapture;
import dev.runtruth.agent.instrument.TypeHook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every framework family the agent captures. Add a family here (and its package prefix to {@link #PREFIXES}).
 *
 * <p>Premain touches only {@link #PREFIXES} and {@link #HOOKED_TYPES}, plain strings: loading the capture classes themselves (about fifty) costs
 * tens of milliseconds, so {@link #all()} is first called off the application's start path, by the agent's
 * background initialisation, or when the first class under one of the prefixes loads.
 */
public final class Frameworks {

    /**
     * Internal-name prefixes of every hooked type. The first class loaded under one of them starts the background
     * build of the hooks. {@code FrameworksTest} checks it covers every hook.
     */
    public static final String[] PREFIXES = {
        "org/springframework/", "org/apache/catalina/", "org/eclipse/jetty/", "io/undertow/", "io/vertx/",
        "io/javalin/", "io/micronaut/", "io/grpc/", "org/glassfish/jersey/", "org/jboss/resteasy/", "io/helidon/", "io/ktor/",
        "org/glassfish/grizzly/", "org/apache/cxf/",
    };

    /**
     * Binary names of every hooked type. Compile-time constants, inlined by javac: reading this array loads none of
     * the classes that declare them. The transformer waits for the hooks only when one of these types loads, never
     * for the many other classes under {@link #PREFIXES}. {@code FrameworksTest} checks it equals the hooks' types.
     */
    public static final String[] HOOKED_TYPES = {
        DispatcherServletInstrumentation.TYPE, DispatcherHandlerInstrumentation.TYPE,
        TomcatContexts.TYPE, UndertowContexts.TYPE,
        JettyContexts.TYPE_9_TO_11, JettyContexts.TYPE_EE8, JettyContexts.TYPE_EE9, JettyContexts.TYPE_EE10,
        JettyContexts.TYPE_EE11,
        JerseyInstrumentation.APPLICATION_HANDLER, JerseyInstrumentation.SERVLET_CONTAINER,
        JerseyInstrumentation.GRIZZLY_SERVER, JerseyInstrumentation.JDK_HTTP_CONTAINER,
        JerseyInstrumentation.JETTY_HTTP_CONTAINER, JerseyInstrumentation.HELIDON_JAXRS_SERVICE,
        CxfInstrumentation.FACTORY_BEAN, CxfInstrumentation.SERVER,
        CxfInstrumentation.SERVLET,
        ResteasyInstrumentation.DEPLOYMENT, ResteasyInstrumentation.SERVLET, ResteasyInstrumentation.LEGACY_DEPLOYMENT,
        QuarkusRestInstrumentation.DEPLOYMENT, DefaultRouterInstrumentation.TYPE, ServerImplInstrumentation.TYPE,
        RouterInstrumentation.TYPE, JavalinInstrumentation.TYPE, JavalinInstrumentation.CONFIG,
        JavalinInstrumentation.STATE, LoomServerInstrumentation.TYPE, LoomServerInstrumentation.SHUTDOWN_HANDLER,
        KtorInstrumentation.ROUTING_ROOT, KtorInstrumentation.ROUTING_2, KtorInstrumentation.NETTY_ENGINE,
        SpringContexts.TYPE,
    };

    private static List<FrameworkCapture> all;

    private Frameworks() {
    }

    /**
     * @return the captures, one per framework family, created once; creating them loads no framework or ByteBuddy
     *         class
     */
    public static synchronized List<FrameworkCapture> all() {
        if (all == null) {
            all = create();
        }
        return all;
    }

    /**
     * @return the hooks of every capture, and the readiness hook on Spring's application contexts (not a capture's:
     *         it reads no routes and says nothing about which framework is in use)
     */
    public static List<TypeHook> hooks() {
        List<TypeHook> hooks = new ArrayList<TypeHook>();
        for (FrameworkCapture capture : all()) {
            hooks.addAll(capture.hooks());
        }
        hooks.add(SpringContexts.hook());
        return hooks;
    }

    private static List<FrameworkCapture> create() {
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
                CxfCapture.capture(),
                QuarkusRestCapture.capture(),
                HelidonCapture.capture(),
                KtorCapture.capture());
    }
}

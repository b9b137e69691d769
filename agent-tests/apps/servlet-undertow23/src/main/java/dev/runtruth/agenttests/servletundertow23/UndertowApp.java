package dev.runtruth.agenttests.servletundertow23;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import java.util.Collections;
import org.h2.server.web.JakartaWebServlet;

/**
 * Embedded Undertow 2.3 with one deployment at {@code /u}: servlets declared in its {@code DeploymentInfo} and added
 * by {@link ProgrammaticServlets}, a {@code ServletContainerInitializer}. Argument: {@code --port=N}.
 */
public final class UndertowApp {

    private UndertowApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(UndertowApp.class.getClassLoader())
                .setContextPath("/u")
                .setDeploymentName("u.war")
                .addServlets(
                        Servlets.servlet("hello", HelloServlet.class).addMappings("/hello", "/hello/*"),
                        Servlets.servlet("registrations", RegistrationsServlet.class).addMapping("/_servlets"),
                        Servlets.servlet("h2-console", JakartaWebServlet.class).addMapping("/h2/*"))
                .addServletContainerInitializer(new ServletContainerInitializerInfo(ProgrammaticServlets.class,
                        new ImmediateInstanceFactory<>(new ProgrammaticServlets()), Collections.emptySet()));
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(Handlers.path(Handlers.redirect("/u")).addPrefixPath("/u", manager.start()))
                .build()
                .start();
    }
}

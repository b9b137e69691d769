package dev.runtruth.agent.routes.servlet;

import dev.runtruth.agent.routes.FrameworkCapture;
import dev.runtruth.agent.routes.servlet.jetty.JettyContexts;
import dev.runtruth.agent.routes.servlet.tomcat.TomcatContexts;
import dev.runtruth.agent.routes.servlet.undertow.UndertowContexts;
import java.util.Collections;

/**
 * Servlet mappings ({@code framework="servlet"}), one capture per servlet container because each has its own package
 * prefix and context type: hook the container's servlet context, read {@link ServletRoutes} at scrape time.
 */
public final class ServletCapture {

    private ServletCapture() {
    }

    /** @return the capture of Apache Tomcat 9-11 (embedded or standalone): hooks {@code StandardContext} */
    public static FrameworkCapture tomcat() {
        return new FrameworkCapture("tomcat", ServletRoutes.FRAMEWORK, "org/apache/catalina/",
                Collections.singletonList(TomcatContexts.hook()), new ServletRoutes(TomcatContexts.INSTANCE));
    }

    /** @return the capture of Eclipse Jetty 9.4-12.1: hooks each {@code ServletContextHandler} */
    public static FrameworkCapture jetty() {
        return new FrameworkCapture("jetty", ServletRoutes.FRAMEWORK, "org/eclipse/jetty/", JettyContexts.hooks(),
                new ServletRoutes(JettyContexts.INSTANCE));
    }

    /** @return the capture of Undertow 2.x: hooks {@code ServletContextImpl} */
    public static FrameworkCapture undertow() {
        return new FrameworkCapture("undertow", ServletRoutes.FRAMEWORK, "io/undertow/",
                Collections.singletonList(UndertowContexts.hook()), new ServletRoutes(UndertowContexts.INSTANCE));
    }
}

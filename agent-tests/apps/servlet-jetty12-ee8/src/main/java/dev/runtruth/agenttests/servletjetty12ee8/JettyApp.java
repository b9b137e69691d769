package dev.runtruth.agenttests.servletjetty12ee8;

import io.prometheus.metrics.exporter.servlet.javax.PrometheusMetricsServlet;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import java.nio.file.Files;
import org.eclipse.jetty.ee8.servlet.DefaultServlet;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.h2.server.web.WebServlet;

/**
 * Embedded Jetty 12.0 (ee8) with one {@code ServletContextHandler} at the root context: servlets added with
 * {@code ServletHolder}s and, from a {@code ServletContextListener}, with {@code ServletContext#addServlet}. Nothing
 * is mapped to {@code /}, so Jetty adds its {@code Default404Servlet} there. Argument: {@code --port=N}.
 */
public final class JettyApp {

    private JettyApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        Server server = new Server(port);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setBaseResourceAsPath(Files.createTempDirectory("servlet-jetty12-ee8"));
        ServletHolder statics = new ServletHolder("static", DefaultServlet.class);
        statics.setInitParameter("dirAllowed", "false");
        context.addServlet(statics, "/static/*");
        context.addServlet(new ServletHolder("prometheus", new PrometheusMetricsServlet()), "/metrics");
        context.addServlet(WebServlet.class, "/h2/*");
        context.addServlet(new ServletHolder("registrations", RegistrationsServlet.class), "/_servlets");
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                event.getServletContext().addServlet("listener-added", HelloServlet.class)
                        .addMapping("*.json", "/api/v1/*", "/hello");
            }
        });
        server.setHandler(context);
        server.start();
        server.join();
    }
}

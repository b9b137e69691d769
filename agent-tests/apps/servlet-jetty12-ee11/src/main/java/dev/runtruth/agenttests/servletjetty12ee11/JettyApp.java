package dev.runtruth.agenttests.servletjetty12ee11;

import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Files;
import org.eclipse.jetty.ee11.servlet.DefaultServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.h2.server.web.JakartaWebServlet;

/**
 * Embedded Jetty 12.1 (ee11) with one {@code ServletContextHandler} at the root context: servlets added with
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
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
        context.setBaseResourceAsPath(Files.createTempDirectory("servlet-jetty12-ee11"));
        ServletHolder statics = new ServletHolder("static", DefaultServlet.class);
        statics.setInitParameter("dirAllowed", "false");
        context.addServlet(statics, "/static/*");
        context.addServlet(new ServletHolder("prometheus", new PrometheusMetricsServlet()), "/metrics");
        context.addServlet(JakartaWebServlet.class, "/h2/*");
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

package dev.runtruth.agenttests.servlettomcat9;

import io.prometheus.metrics.exporter.servlet.javax.PrometheusMetricsServlet;
import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;
import java.util.Set;
import org.h2.server.web.WebServlet;

/** Servlets added with {@code ServletContext#addServlet(..)}: two from libraries, the truth listing, the root page. */
public final class ProgrammaticServlets implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addServlet("prometheus", new PrometheusMetricsServlet()).addMapping("/metrics");
        context.addServlet("h2-console", WebServlet.class).addMapping("/h2/*");
        context.addServlet("registrations", RegistrationsServlet.class).addMapping("/_servlets");
        context.addServlet("root", HelloServlet.class).addMapping("");
    }
}

package dev.runtruth.agenttests.servlettomcat10;

import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;
import org.h2.server.web.JakartaWebServlet;

/** Servlets added with {@code ServletContext#addServlet(..)}: two from libraries, the truth listing, the root page. */
public final class ProgrammaticServlets implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addServlet("prometheus", new PrometheusMetricsServlet()).addMapping("/metrics");
        context.addServlet("h2-console", JakartaWebServlet.class).addMapping("/h2/*");
        context.addServlet("registrations", RegistrationsServlet.class).addMapping("/_servlets");
        context.addServlet("root", HelloServlet.class).addMapping("");
    }
}

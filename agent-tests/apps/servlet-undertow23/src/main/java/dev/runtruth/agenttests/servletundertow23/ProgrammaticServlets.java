package dev.runtruth.agenttests.servletundertow23;

import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/** Servlets added with {@code ServletContext#addServlet(..)}: Prometheus' metrics servlet and an extension mapping. */
public final class ProgrammaticServlets implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addServlet("prometheus", new PrometheusMetricsServlet()).addMapping("/metrics");
        context.addServlet("reports", HelloServlet.class).addMapping("*.csv", "/reports/*");
    }
}

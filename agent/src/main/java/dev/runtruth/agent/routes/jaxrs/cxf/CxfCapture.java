package dev.runtruth.agent.routes.jaxrs.cxf;

import dev.runtruth.agent.routes.FrameworkCapture;
import dev.runtruth.agent.routes.jaxrs.jersey.JerseyRoutes;

/**
 * Apache CXF JAX-RS 3.x (javax) and 4.x (jakarta) ({@code framework="jaxrs"}, coverage name {@code apache-cxf}): hook
 * CXF's endpoint servers and servlets, read each JAX-RS endpoint's resource model at scrape time.
 */
public final class CxfCapture {

    /** The coverage name, also the key of its Maven coordinates. */
    public static final String NAME = "apache-cxf";

    private CxfCapture() {
    }

    /** @return the capture of CXF JAX-RS */
    public static FrameworkCapture capture() {
        return new FrameworkCapture(NAME, JerseyRoutes.FRAMEWORK, "org/apache/cxf/", CxfInstrumentation.hooks(),
                new CxfRoutes());
    }
}

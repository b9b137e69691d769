package dev.runtruth.agenttests;

import java.nio.file.Path;

/**
 * Apache CXF 4.2 JAX-RS (jakarta) on CXF's own HTTP transport on Undertow (cxf-rt-transports-http-undertow; the Jetty
 * transport 4.2.0 does not resolve from the mirror).
 */
class Cxf4UndertowIT extends AbstractCxfOwnTransportIT {

    @Override
    String service() {
        return "cxf4-undertow-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("cxf4");
    }

    @Override
    String transport() {
        return "undertow";
    }
}

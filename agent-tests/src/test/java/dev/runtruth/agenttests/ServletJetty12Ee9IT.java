package dev.runtruth.agenttests;

import java.nio.file.Path;

/**
 * {@link ServletJetty12IT} on Jetty 12.0's ee9 environment ({@code org.eclipse.jetty.ee9.servlet}, jakarta.servlet
 * 5.0): the same app and registrations, so the same routes.
 */
class ServletJetty12Ee9IT extends ServletJetty12IT {

    @Override
    String service() {
        return "servlet-jetty12-ee9-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("servlet-jetty12-ee9");
    }
}

package dev.runtruth.agenttests;

import java.nio.file.Path;

/**
 * {@link ServletJetty12IT} on Jetty 12.1's ee11 environment ({@code org.eclipse.jetty.ee11.servlet}, jakarta.servlet
 * 6.1): the same app and registrations, so the same routes.
 */
class ServletJetty12Ee11IT extends ServletJetty12IT {

    @Override
    String service() {
        return "servlet-jetty12-ee11-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("servlet-jetty12-ee11");
    }
}

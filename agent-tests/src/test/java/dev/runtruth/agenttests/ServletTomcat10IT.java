package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Embedded Tomcat 10.1 (jakarta), on JDK 17: the scenario of {@link AbstractServletTomcatIT}. */
class ServletTomcat10IT extends AbstractServletTomcatIT {

    @Override
    String service() {
        return "servlet-tomcat10-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("servlet-tomcat10");
    }
}

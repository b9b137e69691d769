package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Embedded Tomcat 9 (javax), on JDK 17: the scenario of {@link AbstractServletTomcatIT} on {@code javax.servlet}. */
class ServletTomcat9IT extends AbstractServletTomcatIT {

    @Override
    String service() {
        return "servlet-tomcat9-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("servlet-tomcat9");
    }
}

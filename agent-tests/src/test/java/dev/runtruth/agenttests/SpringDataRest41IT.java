package dev.runtruth.agenttests;

import java.nio.file.Path;

/**
 * Spring Data REST 5.1 on Spring Boot 4.1 (Spring MVC 7), JDK 17; the same app source as {@link SpringDataRest35IT}.
 */
class SpringDataRest41IT extends AbstractSpringDataRestIT {

    @Override
    String service() {
        return "sdr41-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("sdr41");
    }
}

package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Spring Data REST 4.5 on Spring Boot 3.5 (Spring MVC 6.2), JDK 17. */
class SpringDataRest35IT extends AbstractSpringDataRestIT {

    @Override
    String service() {
        return "sdr35-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("sdr35");
    }
}

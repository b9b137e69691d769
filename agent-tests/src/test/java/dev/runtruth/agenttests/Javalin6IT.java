package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Javalin 6.7 on the JDK running the tests (17). */
class Javalin6IT extends AbstractJavalinIT {

    @Override
    String service() {
        return "javalin6-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("javalin6");
    }

    @Override
    boolean registersLateRoutes() {
        return true;
    }
}

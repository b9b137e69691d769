package dev.runtruth.agenttests;

import java.nio.file.Path;

/**
 * Javalin 6.0.0 on the JDK running the tests (17): the javalin6 app's source built against the first Javalin 6, whose
 * {@code Endpoint.handler} is Kotlin-internal ({@code getHandler$javalin()}; public from 6.1.0).
 */
class Javalin60IT extends AbstractJavalinIT {

    @Override
    String service() {
        return "javalin60-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("javalin60");
    }

    @Override
    boolean registersLateRoutes() {
        return true;
    }
}

package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Javalin 7.2 on the JDK running the tests (17). */
class Javalin7IT extends AbstractJavalinIT {

    @Override
    String service() {
        return "javalin7-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("javalin7");
    }
}

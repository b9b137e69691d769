package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Ktor 2 (2.3.13) on Netty, JDK 17. */
class Ktor2IT extends AbstractKtorIT {

    @Override
    String service() {
        return "ktor2-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("ktor2");
    }
}

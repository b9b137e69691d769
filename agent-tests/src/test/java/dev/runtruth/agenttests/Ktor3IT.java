package dev.runtruth.agenttests;

import java.nio.file.Path;

/** Ktor 3 (3.3.3) on Netty, JDK 17. */
class Ktor3IT extends AbstractKtorIT {

    @Override
    String service() {
        return "ktor3-jdk17";
    }

    @Override
    Path appJar() {
        return Artifacts.app("ktor3");
    }
}

package dev.runtruth.agenttests;

/**
 * {@link Ktor3Jdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find Ktor 3's routing root and Netty engine, on Temurin 25, and every check of the scenario holds as with {@code
 * -javaagent}.
 */
class Ktor3AttachJdk25IT extends Ktor3Jdk25IT {

    @Override
    String service() {
        return "ktor3-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

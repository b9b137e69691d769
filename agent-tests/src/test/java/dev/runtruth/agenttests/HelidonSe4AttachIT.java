package dev.runtruth.agenttests;

/**
 * {@link HelidonSe4IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find Helidon's LoomServer, on Temurin 25, and every check of the scenario holds as with {@code -javaagent}.
 */
class HelidonSe4AttachIT extends HelidonSe4IT {

    @Override
    String service() {
        return "helidon-se4-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

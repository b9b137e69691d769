package dev.runtruth.agenttests;

/**
 * {@link HelidonMp4IT} with the agent attached after the app serves (no agent flag at start), on Temurin 25: hook-free
 * discovery must find Helidon's {@code JaxRsService}s, their Jersey applications and the Helidon server whose routing
 * says where each is served, and every check of the scenario holds as with {@code -javaagent}.
 */
class HelidonMp4AttachIT extends HelidonMp4IT {

    @Override
    String service() {
        return "helidon-mp4-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

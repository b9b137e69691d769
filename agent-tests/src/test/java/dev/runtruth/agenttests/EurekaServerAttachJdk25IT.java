package dev.runtruth.agenttests;

/**
 * {@link EurekaServerJdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Jersey's ServletContainer registered as a filter, on Temurin 25, and every check of the scenario
 * holds as with {@code -javaagent}.
 */
class EurekaServerAttachJdk25IT extends EurekaServerJdk25IT {

    @Override
    String service() {
        return "eureka-server-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

package dev.runtruth.agenttests;

/**
 * {@link JdkHttpServerIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery
 * must find nothing (no capture reads the JDK's server): its port must still be reported unknown, and every check of
 * the scenario holds as with {@code -javaagent}.
 */
class JdkHttpServerAttachIT extends JdkHttpServerIT {

    @Override
    String service() {
        return "jdk-httpserver-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

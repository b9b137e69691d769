package dev.runtruth.agenttests;

/**
 * {@link JerseyJdkHttpJdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find Jersey's JdkHttpHandlerContainer and its ApplicationHandler through the JDK HTTP server's dispatcher thread and contexts, on Temurin 25, and every check of the scenario holds as with {@code -javaagent}.
 */
class JerseyJdkHttpAttachJdk25IT extends JerseyJdkHttpJdk25IT {

    @Override
    String service() {
        return "jersey-jdk-http-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

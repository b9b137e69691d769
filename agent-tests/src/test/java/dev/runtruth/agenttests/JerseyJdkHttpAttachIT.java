package dev.runtruth.agenttests;

/**
 * {@link JerseyJdkHttpIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must
 * find Jersey's JdkHttpHandlerContainer and its ApplicationHandler through the JDK HTTP server's dispatcher thread and contexts, and every check of the scenario holds as with {@code -javaagent}.
 */
class JerseyJdkHttpAttachIT extends JerseyJdkHttpIT {

    @Override
    String service() {
        return "jersey-jdk-http-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

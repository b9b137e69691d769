package dev.runtruth.agenttests;

/**
 * {@link Boot41WebIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * the objects the Spring MVC capture reads on Boot 4.1 (Spring 7), and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class Boot41WebAttachIT extends Boot41WebIT {

    @Override
    String service() {
        return "boot41-web-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

package dev.runtruth.agenttests;

/**
 * {@link Boot27AdminIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * the objects the Spring MVC capture reads on Boot 2.7 (Spring 5.3, Tomcat 9), and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class Boot27AdminAttachIT extends Boot27AdminIT {

    @Override
    String service() {
        return "boot27-admin-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

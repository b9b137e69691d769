package dev.runtruth.agenttests;

/**
 * {@link Boot35AdminIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * the objects the Spring MVC capture reads (DispatcherServlet, Tomcat's context), and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class Boot35AdminAttachIT extends Boot35AdminIT {

    @Override
    String service() {
        return "boot35-admin-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

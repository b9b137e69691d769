package dev.runtruth.agenttests;

/**
 * {@link Boot35AdminJdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * the objects the Spring MVC capture reads (DispatcherServlet, Tomcat's context), on Temurin 25, and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class Boot35AdminAttachJdk25IT extends Boot35AdminJdk25IT {

    @Override
    String service() {
        return "boot35-admin-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

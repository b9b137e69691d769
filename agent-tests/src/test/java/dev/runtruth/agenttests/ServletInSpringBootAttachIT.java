package dev.runtruth.agenttests;

/**
 * {@link ServletInSpringBootIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * Tomcat's context behind Spring Boot, whose servlet registrations are read, and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class ServletInSpringBootAttachIT extends ServletInSpringBootIT {

    @Override
    String service() {
        return "servlet-boot35-admin-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

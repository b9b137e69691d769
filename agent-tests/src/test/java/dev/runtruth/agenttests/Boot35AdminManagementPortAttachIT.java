package dev.runtruth.agenttests;

/**
 * {@link Boot35AdminManagementPortIT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find both Tomcat contexts (the application's and the management server's) and Spring MVC's two
 * dispatchers, and every check of the scenario holds as with {@code -javaagent}, ports included.
 */
class Boot35AdminManagementPortAttachIT extends Boot35AdminManagementPortIT {

    @Override
    String service() {
        return "boot35-admin-management-port-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

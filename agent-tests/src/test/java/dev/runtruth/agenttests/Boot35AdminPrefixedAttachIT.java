package dev.runtruth.agenttests;

/**
 * {@link Boot35AdminPrefixedIT} with the agent attached after the app serves (no agent flag at start): hook-free
 * discovery must find Spring MVC's DispatcherServlet and Tomcat's context under a context path and a servlet path, and
 * every check of the scenario holds as with {@code -javaagent}.
 */
class Boot35AdminPrefixedAttachIT extends Boot35AdminPrefixedIT {

    @Override
    String service() {
        return "boot35-admin-prefixed-attach";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

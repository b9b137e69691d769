package dev.runtruth.agenttests;

/**
 * {@link Boot35AdminIT} under a context path and a servlet path: a client requests {@code /ctx/mvc/applications},
 * which is what the agent must export; actuator lists {@code /applications}, the test adds the prefix.
 */
class Boot35AdminPrefixedIT extends Boot35AdminIT {

    @Override
    String service() {
        return "boot35-admin-prefixed";
    }

    @Override
    String contextPath() {
        return "/ctx";
    }

    @Override
    String servletPath() {
        return "/mvc";
    }
}

package dev.runtruth.agenttests;

/**
 * Jersey 4.0 on Jetty 12 started by {@code JettyHttpContainerFactory.createServer(URI, ResourceConfig)} with a base URI
 * that has a path: the factory ignores the path (its Javadoc: "The URI path, query and fragment components are
 * ignored"), so the application, its WADL included, is served from the root. The agent must say so too.
 */
class JerseyJettyHttpIT extends AbstractJerseyContainerIT {

    @Override
    String service() {
        return "jersey-jetty-http-jdk17";
    }

    @Override
    String container() {
        return "jetty-http";
    }

    @Override
    String servedBase() {
        return "";
    }
}

package dev.runtruth.agenttests;

/**
 * Jersey 4.0 on the JDK HTTP server ({@code jersey-container-jdk-http}, {@code JdkHttpServerFactory}) with a base
 * path: the application is served in the server context at the base URI's path.
 */
class JerseyJdkHttpIT extends AbstractJerseyContainerIT {

    @Override
    String service() {
        return "jersey-jdk-http-jdk17";
    }

    @Override
    String container() {
        return "jdk-http";
    }
}

package dev.runtruth.agenttests;

/**
 * {@link EurekaServerIT} with the agent attached after the app serves (no agent flag at start): hook-free discovery
 * must find Jersey's ServletContainer registered as a filter, in Spring Boot's Tomcat, and every check of the scenario
 * holds as with {@code -javaagent}.
 */
class EurekaServerAttachIT extends EurekaServerIT {

    @Override
    String service() {
        return "eureka-server-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

package dev.runtruth.agenttests;

/**
 * {@link ServletTomcat10IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * embedded Tomcat 10.1's StandardContext, and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class ServletTomcat10AttachIT extends ServletTomcat10IT {

    @Override
    String service() {
        return "servlet-tomcat10-attach-jdk17";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

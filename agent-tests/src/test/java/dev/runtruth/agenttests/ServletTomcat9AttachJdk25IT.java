package dev.runtruth.agenttests;

/**
 * {@link ServletTomcat9Jdk25IT} with the agent attached after the app serves (no agent flag at start): hook-free discovery must find
 * embedded Tomcat 9's StandardContext, on Temurin 25, and every check of the scenario (routes equal to the framework's own listing, every framework captured, no
 * capture errors, listeners, stderr) holds as with {@code -javaagent}.
 */
class ServletTomcat9AttachJdk25IT extends ServletTomcat9Jdk25IT {

    @Override
    String service() {
        return "servlet-tomcat9-attach-jdk25";
    }

    @Override
    boolean lateAttach() {
        return true;
    }
}

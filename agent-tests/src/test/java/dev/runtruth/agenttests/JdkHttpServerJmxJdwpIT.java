package dev.runtruth.agenttests;

/**
 * {@link JdkHttpServerIT} with JMX remote and a JDWP debugger on: the JMX registry and RMI ports (system properties),
 * the local JMX connector the JVM opens beside them on a random port, and JDWP with {@code address=0} (a port the JVM
 * picks) all listen, and none of them is reported; the app's own port is still the one unknown listener.
 */
class JdkHttpServerJmxJdwpIT extends JdkHttpServerIT {

    @Override
    String service() {
        return "jdk-httpserver-jmx-jdwp-jdk17";
    }

    @Override
    void launch(TestJvm.Builder builder, int httpPort) {
        builder.jvmArgs("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0",
                "-Dcom.sun.management.jmxremote.port=" + TestJvm.freePort(),
                "-Dcom.sun.management.jmxremote.rmi.port=" + TestJvm.freePort(),
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false");
        super.launch(builder, httpPort);
    }
}

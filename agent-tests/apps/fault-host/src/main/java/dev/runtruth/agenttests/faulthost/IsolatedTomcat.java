package dev.runtruth.agenttests.faulthost;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tomcat 10.1 in a class loader whose parent is the platform loader, like an application server or a plugin host
 * that isolates what it loads: the system class path, where {@code -javaagent} jars live, is invisible to it.
 * Everything is done through reflection, as this class's own loader cannot see that Tomcat.
 */
final class IsolatedTomcat {

    private IsolatedTomcat() {
    }

    static void start(int port, Path jars) throws Exception {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(jars)) {
            for (Path jar : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar")).sorted()::iterator) {
                urls.add(jar.toUri().toURL());
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no jars in " + jars.toAbsolutePath());
        }
        ClassLoader isolated = new URLClassLoader("isolated-tomcat", urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(isolated);
        Path docBase = Files.createTempDirectory("fault-host-docs");
        Files.writeString(docBase.resolve("hello.txt"), "hello from an isolated tomcat\n", StandardCharsets.UTF_8);

        Class<?> tomcatType = isolated.loadClass("org.apache.catalina.startup.Tomcat");
        Class<?> contextType = isolated.loadClass("org.apache.catalina.Context");
        Object tomcat = tomcatType.getConstructor().newInstance();
        tomcatType.getMethod("setPort", int.class).invoke(tomcat, port);
        tomcatType.getMethod("setBaseDir", String.class)
                .invoke(tomcat, Files.createTempDirectory("fault-host-tomcat10").toString());
        Object context = tomcatType.getMethod("addContext", String.class, String.class)
                .invoke(tomcat, "", docBase.toString());
        tomcatType.getMethod("addServlet", contextType, String.class, String.class)
                .invoke(null, context, "default", "org.apache.catalina.servlets.DefaultServlet");
        contextType.getMethod("addServletMappingDecoded", String.class, String.class)
                .invoke(context, "/", "default");
        tomcatType.getMethod("getConnector").invoke(tomcat);
        tomcatType.getMethod("start").invoke(tomcat);
        System.out.println("isolated tomcat loaded by " + tomcatType.getClassLoader() + ", parent "
                + tomcatType.getClassLoader().getParent());
    }
}

package dev.runtruth.agenttests.servlettomcat10;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.apache.catalina.Context;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.webresources.DirResourceSet;
import org.apache.catalina.webresources.JarResourceSet;
import org.apache.catalina.webresources.StandardRoot;

/**
 * Embedded Tomcat with one web application at {@code /shop}: a docBase with {@code WEB-INF/web.xml} (copied from this
 * jar to a temporary directory), this jar mounted as {@code WEB-INF/classes} so Tomcat finds the {@code @WebServlet}
 * class, {@link ProgrammaticServlets} as a {@code ServletContainerInitializer}, and Tomcat's own web application
 * defaults ({@code default} and {@code jsp} servlets, {@code Tomcat#addWebapp}). Argument: {@code --port=N}.
 */
public final class TomcatApp {

    private TomcatApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        Path base = Files.createTempDirectory("servlet-tomcat10");
        Path docBase = base.resolve("webapp");
        Files.createDirectories(docBase.resolve("WEB-INF"));
        try (InputStream webXml = TomcatApp.class.getResourceAsStream("/webapp/WEB-INF/web.xml")) {
            Files.copy(webXml, docBase.resolve("WEB-INF/web.xml"), StandardCopyOption.REPLACE_EXISTING);
        }

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(port);
        tomcat.getConnector();
        Context context = tomcat.addWebapp("/shop", docBase.toString());
        WebResourceRoot resources = new StandardRoot(context);
        File classes = codeSource();
        resources.addPreResources(classes.isDirectory()
                ? new DirResourceSet(resources, "/WEB-INF/classes", classes.getAbsolutePath(), "/")
                : new JarResourceSet(resources, "/WEB-INF/classes", classes.getAbsolutePath(), "/"));
        context.setResources(resources);
        context.addServletContainerInitializer(new ProgrammaticServlets(), null);
        tomcat.start();
        tomcat.getServer().await();
    }

    private static File codeSource() throws URISyntaxException, IOException {
        return Paths.get(TomcatApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    }
}

package dev.runtruth.agenttests.cxf3;

import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.BusFactory;

/**
 * Serves the app's CXF JAX-RS endpoints ({@code /shop} and {@code /reporting}, or with {@code --one-endpoint} all
 * resources on {@code /api} below the base). Arguments: {@code --transport=servlet|jetty --port=N [--one-endpoint]}:
 * <ul>
 *   <li>{@code servlet}: CXF's servlet at {@code /services/*} in context {@code /ctx} on embedded Tomcat 9;</li>
 *   <li>{@code jetty}: CXF's own HTTP transport, the endpoints at {@code http://127.0.0.1:N/api/shop} and
 *       {@code .../api/reporting} (CXF logs each "publish address").</li>
 * </ul>
 * Binds 127.0.0.1; runs until killed.
 */
public final class Cxf3Main {

    /** System property the servlet reads: one endpoint instead of two. */
    static final String ONE_ENDPOINT = "cxf3.one-endpoint";

    private Cxf3Main() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        String transport = "servlet";
        int port = 8080;
        for (String arg : args) {
            if (arg.startsWith("--transport=")) {
                transport = arg.substring("--transport=".length());
            } else if (arg.equals("--one-endpoint")) {
                System.setProperty(ONE_ENDPOINT, "true");
            } else if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (transport.equals("servlet")) {
            Tomcat tomcat = new Tomcat();
            File base = Files.createTempDirectory("cxf3-tomcat").toFile();
            tomcat.setBaseDir(base.getAbsolutePath());
            Connector connector = new Connector();
            connector.setPort(port);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("/ctx", base.getAbsolutePath());
            Wrapper servlet = Tomcat.addServlet(context, "cxf", new EndpointsServlet());
            servlet.setLoadOnStartup(1);
            context.addServletMappingDecoded("/services/*", "cxf");
            tomcat.start();
        } else if (transport.equals("jetty")) {
            Endpoints.create(BusFactory.getDefaultBus(), "http://127.0.0.1:" + port + "/api",
                    Boolean.getBoolean(ONE_ENDPOINT));
        } else {
            throw new IllegalArgumentException("unknown transport: " + transport);
        }
        System.out.println("CXF (" + transport + ") serves on port " + port);
        new CountDownLatch(1).await();
    }
}

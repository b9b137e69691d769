package dev.runtruth.agenttests.jerseycontainers;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Starts {@link ShopApplication} on one of Jersey's own HTTP containers, the way Jersey's documentation starts them:
 * {@code <Container>Factory.createHttpServer(URI, ResourceConfig)} with a base URI that has a path.
 *
 * <p>Arguments: {@code --container=grizzly|jdk-http|jetty-http --port=N --base=/some/path}; binds 127.0.0.1 and runs
 * until killed.
 */
public final class JerseyContainersMain {

    private JerseyContainersMain() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        String container = "grizzly";
        int port = 8080;
        String base = "/";
        for (String arg : args) {
            if (arg.startsWith("--container=")) {
                container = arg.substring("--container=".length());
            } else if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--base=")) {
                base = arg.substring("--base=".length());
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        URI uri = URI.create("http://127.0.0.1:" + port + base + (base.endsWith("/") ? "" : "/"));
        ResourceConfig config = ResourceConfig.forApplication(new ShopApplication());
        switch (container) {
            case "grizzly" -> GrizzlyHttpServerFactory.createHttpServer(uri, config);
            case "jdk-http" -> JdkHttpServerFactory.createHttpServer(uri, config);
            case "jetty-http" -> JettyHttpContainerFactory.createServer(uri, config);
            default -> throw new IllegalArgumentException("unknown container: " + container);
        }
        System.out.println("Jersey on " + container + " serves " + uri);
        new CountDownLatch(1).await();
    }
}

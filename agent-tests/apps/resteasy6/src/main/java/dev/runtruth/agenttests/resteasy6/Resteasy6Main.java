package dev.runtruth.agenttests.resteasy6;

import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/**
 * RESTEasy 6 on Undertow for the agent's JAX-RS tests: {@code java -Dhttp.port=N -jar resteasy6.jar} serves
 * {@link ShopApplication} on 127.0.0.1:N in an Undertow deployment with context path {@code /ctx}, RESTEasy's servlet
 * mapped to {@code /shop/*} from the application's {@code @ApplicationPath}: resources live under {@code /ctx/shop}.
 */
public final class Resteasy6Main {

    private Resteasy6Main() {
    }

    /** @param args ignored; the port is the system property {@code http.port} (default 8080) */
    public static void main(String[] args) {
        UndertowJaxrsServer server = new UndertowJaxrsServer()
                .setHostname("127.0.0.1")
                .setPort(Integer.getInteger("http.port", 8080));
        server.start();
        server.deploy(ShopApplication.class, "/ctx");
    }
}

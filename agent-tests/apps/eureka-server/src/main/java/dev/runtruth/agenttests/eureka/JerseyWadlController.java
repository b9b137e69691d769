package dev.runtruth.agenttests.eureka;

import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tests' truth: Jersey's own WADL of the application Eureka serves through its filter. Eureka maps the filter to
 * {@code /eureka/*} without a filter context path, so Jersey's {@code /application.wadl} is never reached over HTTP;
 * this endpoint sends Jersey's application handler the same in-memory request Jersey's test containers send
 * ({@code GET <base>application.wadl}, base {@code http://localhost/}) and returns what Jersey's WADL resource wrote.
 */
@RestController
public class JerseyWadlController {

    private final FilterRegistrationBean<?> jerseyFilter;

    /** @param jerseyFilter Eureka's registration of Jersey's {@code ServletContainer} as a filter */
    public JerseyWadlController(@Qualifier("jerseyFilterRegistration") FilterRegistrationBean<?> jerseyFilter) {
        this.jerseyFilter = jerseyFilter;
    }

    /**
     * @return the WADL document Jersey generates for the filter's application, routes relative to Jersey's base
     * @throws Exception when Jersey fails to answer
     */
    @GetMapping(value = "/truth/jersey-wadl", produces = "application/xml")
    public String wadl() throws Exception {
        ApplicationHandler handler = ((ServletContainer) jerseyFilter.getFilter()).getApplicationHandler();
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"),
                URI.create("http://localhost/application.wadl"), "GET", ANONYMOUS, new MapPropertiesDelegate(),
                handler.getConfiguration());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] status = {0};
        request.setWriter(new ContainerResponseWriter() {
            @Override
            public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse response) {
                status[0] = response.getStatus();
                return body;
            }

            @Override
            public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
                return false;
            }

            @Override
            public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
            }

            @Override
            public void commit() {
            }

            @Override
            public void failure(Throwable error) {
                throw new IllegalStateException(error);
            }

            @Override
            public boolean enableResponseBuffering() {
                return false;
            }
        });
        handler.handle(request);
        if (status[0] != 200) {
            throw new IllegalStateException("Jersey answered " + status[0] + " for application.wadl");
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static final SecurityContext ANONYMOUS = new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    };
}

package dev.runtruth.agenttests.boot35jersey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Boot 3.5 app whose HTTP API is Jersey 3.1 ({@code spring-boot-starter-jersey}): {@link JerseyConfig} under
 * {@code @ApplicationPath("/api")}, the actuator endpoints registered by Spring Boot as programmatic Jersey resources.
 */
@SpringBootApplication
public class JerseyApplication {

    /** @param args Spring Boot arguments, e.g. {@code --server.port=0} */
    public static void main(String[] args) {
        SpringApplication.run(JerseyApplication.class, args);
    }
}

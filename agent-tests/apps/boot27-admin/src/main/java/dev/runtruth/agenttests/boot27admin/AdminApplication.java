package dev.runtruth.agenttests.boot27admin;

import de.codecentric.boot.admin.server.config.EnableAdminServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot Admin server: most routes come from the library, plus a mapping registered after startup
 * ({@link LateRegistration}).
 *
 * <p>No functional endpoint here, unlike the Boot 3.5 app: Boot 2.7's {@code /actuator/mappings} does not describe
 * {@code RouterFunctionMapping}, so the tests would have no framework listing to hold the agent against.
 */
@SpringBootApplication
@EnableAdminServer
public class AdminApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminApplication.class, args);
    }
}

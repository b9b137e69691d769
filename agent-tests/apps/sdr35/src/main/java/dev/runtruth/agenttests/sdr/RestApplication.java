package dev.runtruth.agenttests.sdr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Data REST app on JPA with an in-memory H2 database: two entities ({@link Author}, {@link Book}), their
 * repositories exported under {@code spring.data.rest.base-path}, one with a custom path and a search method. The
 * same source runs on Spring Boot 3.5 (Spring Data REST 4.5) in {@code apps/sdr35} and on Spring Boot 4.1 (Spring
 * Data REST 5.1) in {@code apps/sdr41}.
 */
@SpringBootApplication
public class RestApplication {

    public static void main(String[] args) {
        SpringApplication.run(RestApplication.class, args);
    }
}

package dev.runtruth.agenttests.eureka;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;

/** A stand-alone Eureka registry, exactly as Spring Cloud's getting-started guide declares one: no code of its own. */
@SpringBootApplication
@EnableEurekaServer
public class EurekaServerApplication {

    /** @param args Spring Boot arguments, e.g. {@code --server.port=8761} */
    public static void main(String[] args) {
        SpringApplication.run(EurekaServerApplication.class, args);
    }
}

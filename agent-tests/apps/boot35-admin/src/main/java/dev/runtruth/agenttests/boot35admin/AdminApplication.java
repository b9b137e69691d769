package dev.runtruth.agenttests.boot35admin;

import de.codecentric.boot.admin.server.config.EnableAdminServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A Spring Boot Admin server: most routes come from the library. Two more shapes the agent must see: functional
 * endpoints ({@link #functionalRoutes()}) and a mapping registered after startup ({@link LateRegistration}).
 */
@SpringBootApplication
@EnableAdminServer
public class AdminApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminApplication.class, args);
    }

    @Bean
    RouterFunction<ServerResponse> functionalRoutes() {
        return RouterFunctions.route()
                .GET("/fn/hello", request -> ServerResponse.ok().body("hello"))
                .path("/fn/nested", builder -> builder
                        .POST("/items/{itemId}", request -> ServerResponse.ok().body(request.pathVariable("itemId"))))
                .build();
    }
}

package dev.runtruth.agenttests.boot41web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A Spring Boot 4.1 (Spring MVC 7) app: most routes come from actuator, every web endpoint exposed. Two more shapes the agent must see: functional
 * endpoints ({@link #functionalRoutes()}) and a mapping registered after startup ({@link LateRegistration}).
 */
@SpringBootApplication
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
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

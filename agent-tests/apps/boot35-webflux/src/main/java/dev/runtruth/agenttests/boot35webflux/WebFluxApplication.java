package dev.runtruth.agenttests.boot35webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A Spring Boot 3.5 WebFlux app: routes from springdoc-openapi (a third-party library), an annotated controller
 * ({@link GreetingController}), functional endpoints ({@link #functionalRoutes()}) and a mapping registered after
 * startup ({@link LateRegistration}).
 */
@SpringBootApplication
public class WebFluxApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebFluxApplication.class, args);
    }

    @Bean
    RouterFunction<ServerResponse> functionalRoutes() {
        return RouterFunctions.route()
                .GET("/fn/hello", request -> ServerResponse.ok().bodyValue("hello"))
                .path("/fn/nested", builder -> builder
                        .POST("/items/{itemId}", request -> ServerResponse.ok().bodyValue(request.pathVariable("itemId"))))
                .build();
    }
}

package dev.runtruth.agenttests.boot41webflux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Annotated reactive handler methods. */
@RestController
@RequestMapping("/greetings")
class GreetingController {

    @GetMapping("/{name}")
    Mono<String> greet(@PathVariable("name") String name) {
        return Mono.just("hello " + name);
    }

    @PostMapping
    Mono<String> create(@RequestBody String body) {
        return Mono.just(body);
    }
}

package dev.runtruth.agenttests.boot41web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annotated routes, as Spring PetClinic has them: a plain page and a deliberate crash page ({@code GET /oups} answers
 * 500 by design). The ladder's route rung and {@code probe} must read the 500 as "present, failing", not as absent.
 */
@RestController
class CrashController {

    @GetMapping("/ok")
    String ok() {
        return "ok";
    }

    @GetMapping("/oups")
    String oups() {
        throw new IllegalStateException("Expected: controller used to showcase what happens when an exception is thrown");
    }
}

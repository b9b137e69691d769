package dev.runtruth.agenttests.boot41web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Annotated routes, which a build output declares (the functional ones are built in code). */
@RestController
@RequestMapping("/owners")
class OwnerController {

    @GetMapping("/{ownerId}")
    String owner(@PathVariable("ownerId") String ownerId) {
        return "owner " + ownerId;
    }

    @PostMapping
    String create() {
        return "created";
    }
}

package dev.runtruth.sample.backoffice.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approval workflows: the feature the running (older) build lacks. The demo deletes this package to produce that
 * build, so nothing outside it may refer to it.
 */
@RestController
@RequestMapping("/api/v1/workflows")
class WorkflowController {

    private static final List<String> STEP_DEFINITIONS = List.of("review", "approve", "archive");

    private final Map<String, List<String>> steps = new ConcurrentHashMap<>();

    @GetMapping("/steps/definitions")
    List<String> stepDefinitions() {
        return STEP_DEFINITIONS;
    }

    @GetMapping("/{workflowId}")
    Map<String, Object> get(@PathVariable String workflowId) {
        return Map.of("id", workflowId, "steps", steps.getOrDefault(workflowId, List.of()));
    }

    @PostMapping("/{workflowId}/steps")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addStep(@PathVariable String workflowId, @RequestBody String step) {
        steps.computeIfAbsent(workflowId, id -> new CopyOnWriteArrayList<>()).add(step.trim());
        return get(workflowId);
    }
}

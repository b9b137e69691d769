package dev.runtruth.sample.backoffice.orders;

import dev.runtruth.sample.backoffice.web.ApiGet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Orders, kept in memory. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final Map<String, Order> orders = new ConcurrentHashMap<>(Map.of(
            "o-1", new Order("o-1", "c-1", List.of("analytical engine", "punched cards"), "OPEN")));

    @GetMapping
    Collection<Order> list() {
        return orders.values();
    }

    @ApiGet(path = "/{orderId}")
    Order get(@PathVariable String orderId) {
        Order order = orders.get(orderId);
        if (order == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + orderId);
        }
        return order;
    }

    @GetMapping("/{orderId}/lines/{lineNo}")
    String line(@PathVariable String orderId, @PathVariable int lineNo) {
        List<String> lines = get(orderId).lines();
        if (lineNo < 1 || lineNo > lines.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no line " + lineNo);
        }
        return lines.get(lineNo - 1);
    }

    // no method condition: answers GET, POST, PUT, ... alike
    @RequestMapping("/{orderId}/notes")
    String notes(@PathVariable String orderId) {
        return "notes of " + get(orderId).id();
    }

    // two paths for one handler: the old name stays for existing clients
    @PostMapping({"/{orderId}/cancel", "/{orderId}/cancellation"})
    Order cancel(@PathVariable String orderId) {
        Order order = get(orderId);
        Order cancelled = new Order(order.id(), order.customerId(), order.lines(), "CANCELLED");
        orders.put(orderId, cancelled);
        return cancelled;
    }
}

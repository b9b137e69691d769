package dev.runtruth.sample.backoffice.orders;

import java.util.List;

/** An order and its lines. */
public record Order(String id, String customerId, List<String> lines, String status) {
}

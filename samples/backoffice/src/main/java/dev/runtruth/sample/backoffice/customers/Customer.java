package dev.runtruth.sample.backoffice.customers;

/** A customer as the API shows it. */
public record Customer(String id, String name, String email) {
}

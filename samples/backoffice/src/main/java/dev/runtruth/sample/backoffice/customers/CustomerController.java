package dev.runtruth.sample.backoffice.customers;

import dev.runtruth.sample.backoffice.web.ApiGet;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Customers, kept in memory. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController implements CustomerLookupApi {

    private final Map<String, Customer> customers = new ConcurrentHashMap<>(Map.of(
            "c-1", new Customer("c-1", "Ada Lovelace", "ada@example.com"),
            "c-2", new Customer("c-2", "Alan Turing", "alan@example.com")));

    @ApiGet
    Collection<Customer> list() {
        return customers.values();
    }

    @Override
    public Customer get(String customerId) {
        Customer customer = customers.get(customerId);
        if (customer == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + customerId);
        }
        return customer;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Customer create(@RequestBody Customer body) {
        Customer customer = new Customer(UUID.randomUUID().toString(), body.name(), body.email());
        customers.put(customer.id(), customer);
        return customer;
    }

    @PutMapping("/{customerId}")
    Customer update(@PathVariable String customerId, @RequestBody Customer body) {
        get(customerId);
        Customer customer = new Customer(customerId, body.name(), body.email());
        customers.put(customerId, customer);
        return customer;
    }

    @DeleteMapping("/{customerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String customerId) {
        customers.remove(customerId);
    }
}

package dev.runtruth.sample.backoffice.customers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A mapping declared on an interface: Spring merges it into {@link CustomerController}, which implements it. */
public interface CustomerLookupApi {

    @GetMapping("/{customerId}")
    Customer get(@PathVariable("customerId") String customerId);
}

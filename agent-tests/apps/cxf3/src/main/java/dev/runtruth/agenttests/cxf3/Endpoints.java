package dev.runtruth.agenttests.cxf3;

import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;

/**
 * The app's JAX-RS endpoints, created the way CXF's documentation creates them: one factory bean each. Two endpoints,
 * {@code /shop} (items, status) and {@code /reporting} (reports, orders), or one, {@code /api}, with all of them.
 */
final class Endpoints {

    private Endpoints() {
    }

    /**
     * @param bus  the bus the endpoints join (the servlet's, or the default one for the Jetty transport)
     * @param base {@code ""} on the servlet transport (addresses relative to the servlet), else the absolute base,
     *             e.g. {@code http://127.0.0.1:8080/api}
     * @param one  {@code true}: one endpoint at {@code <base>/api} with every resource instead of two
     * @return the started servers
     */
    static List<Server> create(Bus bus, String base, boolean one) {
        JAXRSServerFactoryBean shop = new JAXRSServerFactoryBean();
        shop.setBus(bus);
        shop.setAddress(base + "/shop");
        shop.setResourceClasses(ItemsResource.class, StatusResource.class);
        shop.setResourceProvider(ItemsResource.class, new SingletonResourceProvider(new ItemsResource()));
        shop.setResourceProvider(StatusResource.class, new SingletonResourceProvider(new StatusResource()));

        if (one) {
            // every resource on one endpoint, as Spring Boot's CXF starter does with its component scan
            shop.setAddress(base + "/api");
            shop.setServiceBeans(List.of(new ReportsResource(), new OrdersService()));
            return List.of(shop.create());
        }
        JAXRSServerFactoryBean reports = new JAXRSServerFactoryBean();
        reports.setBus(bus);
        reports.setAddress(base + "/reporting");
        reports.setServiceBeans(List.of(new ReportsResource(), new OrdersService()));
        return List.of(shop.create(), reports.create());
    }
}

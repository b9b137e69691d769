package dev.runtruth.agenttests.cxf3;

import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;

/** The app's two JAX-RS endpoints, created the way CXF's documentation creates them: one factory bean each. */
final class Endpoints {

    private Endpoints() {
    }

    /**
     * @param bus  the bus the endpoints join (the servlet's, or the default one for the Jetty transport)
     * @param base {@code ""} on the servlet transport (addresses relative to the servlet), else the absolute base,
     *             e.g. {@code http://127.0.0.1:8080/api}
     * @return the two started servers
     */
    static List<Server> create(Bus bus, String base) {
        JAXRSServerFactoryBean shop = new JAXRSServerFactoryBean();
        shop.setBus(bus);
        shop.setAddress(base + "/shop");
        shop.setResourceClasses(ItemsResource.class, StatusResource.class);
        shop.setResourceProvider(ItemsResource.class, new SingletonResourceProvider(new ItemsResource()));
        shop.setResourceProvider(StatusResource.class, new SingletonResourceProvider(new StatusResource()));

        JAXRSServerFactoryBean reports = new JAXRSServerFactoryBean();
        reports.setBus(bus);
        reports.setAddress(base + "/reporting");
        reports.setServiceBeans(List.of(new ReportsResource(), new OrdersService()));
        return List.of(shop.create(), reports.create());
    }
}

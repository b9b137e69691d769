package dev.runtruth.agenttests.cxf3;

import javax.servlet.ServletConfig;
import org.apache.cxf.BusFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/** CXF's servlet without Spring: creates the endpoints on the servlet's bus, as CXF's docs show ({@code loadBus}). */
public class EndpointsServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void loadBus(ServletConfig config) {
        super.loadBus(config);
        BusFactory.setDefaultBus(getBus());
        Endpoints.create(getBus(), "", Boolean.getBoolean(Cxf3Main.ONE_ENDPOINT));
    }
}

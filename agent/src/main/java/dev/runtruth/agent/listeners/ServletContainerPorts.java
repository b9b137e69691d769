package dev.runtruth.agent.listeners;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.servlet.jetty.JettyContexts;
import dev.runtruth.agent.routes.servlet.tomcat.TomcatContexts;
import dev.runtruth.agent.routes.servlet.undertow.UndertowContexts;
import dev.runtruth.agent.AgentLog;
import java.util.ArrayList;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * The ports of the servlet containers whose contexts the servlet capture remembers.
 * <ul>
 *   <li>Tomcat 9-11: {@code StandardContext#getParent()} (the {@code Host}), its parent (the {@code Engine}),
 *       {@code Engine#getService()#findConnectors()}, each {@code Connector#getLocalPort()} (-1 until bound).</li>
 *   <li>Jetty 9.4-12.1: {@code ContextHandler#getServer()#getConnectors()}, each
 *       {@code NetworkConnector#getLocalPort()} (-1 until open).</li>
 *   <li>Undertow 2.x: a servlet context does not know its listeners, and {@code io.undertow.Undertow} is not
 *       remembered by any capture; Undertow's I/O layer XNIO registers one {@code XnioServerMXBean} per bound server
 *       ({@code org.xnio:type=Xnio,...,address=...}, attribute {@code BindAddress}, e.g. {@code /0.0.0.0:8080}) in the
 *       platform MBean server. While an Undertow servlet context is alive those ports are attributed to Undertow. The
 *       MBean server is only read when it already exists ({@code MBeanServerFactory#findMBeanServer}): the agent
 *       never creates it.</li>
 * </ul>
 */
final class ServletContainerPorts {

    private ServletContainerPorts() {
    }

    static final ServerPorts.Family TOMCAT = new ServerPorts.Family() {
        @Override
        public String name() {
            return "tomcat";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            for (Object context : TomcatContexts.INSTANCE.live()) {
                Object host = Reflect.call(context, "getParent");
                Object engine = host == null ? null : Reflect.call(host, "getParent");
                Object service = engine == null ? null : Reflect.call(engine, "getService");
                Object connectors = service == null ? null : Reflect.call(service, "findConnectors");
                if (connectors instanceof Object[]) {
                    for (Object connector : (Object[]) connectors) {
                        ServerPorts.add(Reflect.call(connector, "getLocalPort"), out);
                    }
                }
            }
        }
    };

    static final ServerPorts.Family JETTY = new ServerPorts.Family() {
        @Override
        public String name() {
            return "jetty";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            for (Object context : JettyContexts.INSTANCE.live()) {
                Object server = Reflect.call(context, "getServer");
                Object connectors = server == null ? null : Reflect.call(server, "getConnectors");
                if (connectors instanceof Object[]) {
                    for (Object connector : (Object[]) connectors) {
                        // only a NetworkConnector has a port (a LocalConnector has none)
                        if (Reflect.has(connector.getClass(), "getLocalPort")) {
                            ServerPorts.add(Reflect.call(connector, "getLocalPort"), out);
                        }
                    }
                }
            }
        }
    };

    static final ServerPorts.Family UNDERTOW = new ServerPorts.Family() {
        @Override
        public String name() {
            return "undertow";
        }

        @Override
        public void ports(Set<Integer> out) throws Exception {
            if (UndertowContexts.INSTANCE.live().isEmpty()) {
                return;
            }
            try {
                xnioPorts(out);
            } catch (LinkageError e) {
                AgentLog.warn("listeners.undertow.jmx", "this Java runtime lacks the module java.management: the "
                        + "ports of Undertow servers are not known (their listeners are reported as unknown)");
            }
        }
    };

    private static void xnioPorts(Set<Integer> out) throws Exception {
        for (MBeanServer server : new ArrayList<MBeanServer>(MBeanServerFactory.findMBeanServer(null))) {
            for (ObjectName name : server.queryNames(new ObjectName("org.xnio:type=Xnio,*"), null)) {
                if (name.getKeyProperty("address") == null) {
                    continue; // the provider and worker beans
                }
                Object address = server.getAttribute(name, "BindAddress");
                if (address != null) {
                    String text = address.toString();
                    ServerPorts.add(parse(text.substring(text.lastIndexOf(':') + 1)), out);
                }
            }
        }
    }

    private static Integer parse(String port) {
        try {
            return Integer.valueOf(port.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

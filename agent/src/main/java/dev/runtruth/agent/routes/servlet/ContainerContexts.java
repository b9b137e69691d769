package dev.runtruth.agent.routes.servlet;

import dev.runtruth.agent.routes.WeakObjects;
import java.util.ArrayList;
import java.util.List;

/**
 * The servlet contexts of one container kind (Tomcat, Jetty, Undertow) that the application created, remembered
 * weakly by a constructor hook, and how to get from one to its started {@code javax/jakarta.servlet.ServletContext}.
 * Thread-safe.
 */
public abstract class ContainerContexts {

    private final WeakObjects contexts = new WeakObjects();

    /**
     * Remembers a container's context object; called from a constructor hook, possibly several times for one object
     * (constructors that delegate to each other), which is recorded once.
     *
     * @param context the container's context object, e.g. Tomcat's {@code StandardContext}
     */
    public final void remember(Object context) {
        contexts.add(context);
    }

    /** @return the remembered context objects still alive, oldest first; forgets collected ones */
    public final List<Object> live() {
        return contexts.alive();
    }

    /** @return a short name of the container for log lines, e.g. {@code tomcat} */
    protected abstract String container();

    /**
     * @param context a remembered context object
     * @return its {@code ServletContext} when the context has started, else {@code null} (not started yet, stopped);
     *         must not create framework objects
     * @throws Exception when the container's API cannot be read
     */
    protected abstract Object startedServletContext(Object context) throws Exception;

    /**
     * @param context     a remembered, started context object
     * @param servletName a servlet's registration name
     * @return the servlet instance when the container holds one, else {@code null} (the default: not known)
     * @throws Exception when the container's API cannot be read
     */
    protected Object servletInstance(Object context, String servletName) throws Exception {
        return null;
    }

    /**
     * @param context a remembered, started context object
     * @return the ports of the listeners that serve this context, ascending, joined by {@code ,}, when the container
     *         routes only some of its server's listeners to it (Dropwizard's {@code RoutingHandler}: application
     *         connectors to one context, admin connectors to another); empty when every listener of the server serves
     *         it or it cannot be told (the default)
     * @throws Exception when the container's API cannot be read
     */
    protected String separateListenerPorts(Object context) throws Exception {
        return "";
    }
}

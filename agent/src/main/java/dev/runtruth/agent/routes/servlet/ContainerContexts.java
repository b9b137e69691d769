package dev.runtruth.agent.routes.servlet;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The servlet contexts of one container kind (Tomcat, Jetty, Undertow) that the application created, remembered
 * weakly by a constructor hook, and how to get from one to its started {@code javax/jakarta.servlet.ServletContext}.
 * Thread-safe.
 */
public abstract class ContainerContexts {

    private final List<WeakReference<Object>> contexts = new CopyOnWriteArrayList<WeakReference<Object>>();

    /**
     * Remembers a container's context object; called from a constructor hook, possibly several times for one object
     * (constructors that delegate to each other), which is recorded once.
     *
     * @param context the container's context object, e.g. Tomcat's {@code StandardContext}
     */
    public final void remember(Object context) {
        for (WeakReference<Object> ref : contexts) {
            if (ref.get() == context) {
                return;
            }
        }
        contexts.add(new WeakReference<Object>(context));
    }

    /** @return the remembered context objects still alive, oldest first; forgets collected ones */
    final List<Object> live() {
        List<Object> live = new ArrayList<Object>();
        for (WeakReference<Object> ref : contexts) {
            Object context = ref.get();
            if (context == null) {
                contexts.remove(ref);
            } else {
                live.add(context);
            }
        }
        return live;
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
}

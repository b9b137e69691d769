package dev.runtruth.agent.routes;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.Route;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Framework objects a constructor hook remembers without keeping them alive: thread-safe, each object once (by
 * identity, so that delegating constructors, whose hook runs once per constructor in the chain, add it once).
 */
public final class WeakObjects {

    private final List<WeakReference<Object>> refs = new CopyOnWriteArrayList<WeakReference<Object>>();

    /** @param object an object under construction; ignored when already remembered or {@code null} */
    public void add(Object object) {
        if (object == null) {
            return;
        }
        synchronized (refs) {
            for (WeakReference<Object> ref : refs) {
                if (ref.get() == object) {
                    return;
                }
            }
            refs.add(new WeakReference<Object>(object));
        }
    }

    /** @param object an object to forget, e.g. a server that was shut down and never serves again */
    public void remove(Object object) {
        for (WeakReference<Object> ref : refs) {
            if (ref.get() == object) {
                refs.remove(ref);
            }
        }
    }

    /** Reads the routes of one remembered framework object. */
    public interface Reader {

        /**
         * @param object a live remembered object
         * @param out    where its routes are added
         * @throws Exception when the framework object cannot be read; the caller records it
         */
        void collect(Object object, List<Route> out) throws Exception;
    }

    /**
     * Reads the routes of every live object. A failure reading one is recorded in {@code CaptureErrors} under
     * {@code kind} ({@code "<what> <the object's class>"}) and the others are still read.
     *
     * @param kind   the failure kind, e.g. {@code spring-webmvc.read}
     * @param what   the start of the failure message, e.g. {@code could not read the handler mappings of}
     * @param reader reads one object
     * @return the routes read, in the order the objects were added
     */
    public List<Route> readEach(String kind, String what, Reader reader) {
        List<Route> routes = new ArrayList<Route>();
        for (Object object : alive()) {
            try {
                reader.collect(object, routes);
            } catch (Throwable t) {
                CaptureErrors.record(kind, what + " " + object.getClass().getName(), t);
            }
        }
        return routes;
    }

    /** @return the objects still alive, in the order they were added; forgets the collected ones */
    public List<Object> alive() {
        List<Object> alive = new ArrayList<Object>();
        for (WeakReference<Object> ref : refs) {
            Object object = ref.get();
            if (object == null) {
                refs.remove(ref);
            } else {
                alive.add(object);
            }
        }
        return alive;
    }
}

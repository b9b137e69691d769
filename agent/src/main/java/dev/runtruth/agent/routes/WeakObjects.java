package dev.runtruth.agent.routes;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Framework objects a constructor hook remembers without keeping them alive: thread-safe, each object once (by
 * identity, so that delegating constructors, whose advice runs once per constructor in the chain, add it once).
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

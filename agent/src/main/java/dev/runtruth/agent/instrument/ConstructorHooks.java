package dev.runtruth.agent.instrument;

import dev.runtruth.agent.CaptureErrors;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one method hooked framework classes call: {@link ConstructorHookWriter} adds
 * {@code ConstructorHooks.constructed(this, "<type>")} before every {@code return} of their constructors. It runs
 * once per framework object created (a handful per application), never per request, and never throws into the
 * framework's constructor.
 */
public final class ConstructorHooks {

    private static final Map<String, Method> EXITS = new ConcurrentHashMap<String, Method>();
    private static final Set<String> HOOKED = Collections.newSetFromMap(
            new ConcurrentHashMap<String, Boolean>());
    private static final Set<String> CONSTRUCTED = Collections.newSetFromMap(
            new ConcurrentHashMap<String, Boolean>());
    private static final Set<String> REFUSED = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    private static final Set<String> DISCOVERED = Collections.newSetFromMap(
            new ConcurrentHashMap<String, Boolean>());

    private ConstructorHooks() {
    }

    /** Makes a hook callable; done by {@link LazyTransformer} before it rewrites the hooked class. */
    static void register(TypeHook hook) throws NoSuchMethodException {
        EXITS.put(hook.typeName(), hook.exitMethod());
    }

    /**
     * Called at the end of each constructor of a hooked type.
     *
     * @param object   the object just constructed (a subclass instance when a subclass constructor chains to it)
     * @param typeName the hooked type whose constructor ran
     */
    public static void constructed(Object object, String typeName) {
        try {
            CONSTRUCTED.add(typeName);
            Method exit = EXITS.get(typeName);
            if (exit != null) {
                exit.invoke(null, object);
            }
        } catch (Throwable t) {
            CaptureErrors.record("hook." + typeName, "the constructor hook of " + typeName + " failed", t);
        }
    }

    /**
     * Hands an object that hook-free discovery found (alive, created before or without a hook) to the same hook a
     * constructor would have called; the capture remembers it weakly, as it would a new one. Never throws: a failure
     * is recorded in {@code CaptureErrors}.
     *
     * @param object a live object whose class is {@code hook}'s type or a subclass of it
     * @param hook   the hook of that type
     */
    public static void discovered(Object object, TypeHook hook) {
        try {
            DISCOVERED.add(hook.typeName());
            hook.exitMethod().invoke(null, object);
        } catch (Throwable t) {
            CaptureErrors.record("discovery." + hook.typeName(), "handing a discovered " + hook.typeName()
                    + " to its capture failed", t);
        }
    }

    /**
     * @param typeName binary name of a hooked type
     * @return whether hook-free discovery found a live object of that type (or a subclass)
     */
    public static boolean wasDiscovered(String typeName) {
        return DISCOVERED.contains(typeName);
    }

    /** Notes that a class of the given name was rewritten to call its hook; done by {@link LazyTransformer}. */
    static void hooked(String typeName) {
        HOOKED.add(typeName);
    }

    /** Notes that a class of the given name was not hooked because its loader cannot see the agent (logged). */
    static void refused(String typeName) {
        REFUSED.add(typeName);
    }

    /**
     * @param typeName binary name of a hooked type
     * @return whether a class of that name was left unhooked because its class loader cannot see the agent (the
     *         transformer logged it)
     */
    public static boolean wasRefused(String typeName) {
        return REFUSED.contains(typeName);
    }

    /**
     * @param typeName binary name of a hooked type
     * @return whether a class of that name was rewritten to call its hook (in any class loader)
     */
    public static boolean isHooked(String typeName) {
        return HOOKED.contains(typeName);
    }

    /**
     * @param typeName binary name of a hooked type
     * @return whether its hook ran at least once: an object of that type was created after it was hooked
     */
    public static boolean wasConstructed(String typeName) {
        return CONSTRUCTED.contains(typeName);
    }
}

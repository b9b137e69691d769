package dev.runtruth.agent.routes.javalin;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Javalin's Kotlin properties by reflection. A Kotlin {@code val x} compiles to a getter {@code getX()} (or
 * {@code isX()} when the name starts with {@code is}); with {@code @JvmField} it is a public field {@code x} instead.
 * Javalin moved several properties from one form to the other between 6 and 7 ({@code Endpoint.method},
 * {@code ParsedEndpoint.endpoint}), so both are tried. A Kotlin {@code internal val x} compiles to a public getter
 * with the module name mangled in, {@code getX$javalin()} (Javalin 6.0.x's {@code Endpoint.handler}); that is tried
 * next, and last the private backing field {@code x} itself.
 */
final class Props {

    private Props() {
    }

    /**
     * @param target an object
     * @param name   the Kotlin property name, e.g. {@code method}
     * @return the public field {@code name}, else the result of {@code getName()}, {@code name()}, a Kotlin-internal
     *         {@code getName$<module>()}, or the value of a declared field {@code name} (made accessible)
     * @throws NoSuchFieldException when none exists
     * @throws Exception            when the member exists but cannot be read (e.g. the module system refuses access)
     */
    static Object get(Object target, String name) throws Exception {
        Map<String, AccessibleObject> members = MEMBERS.get(target.getClass());
        AccessibleObject member = members.get(name);
        if (member == null) {
            member = find(target.getClass(), name);
            members.put(name, member);
        }
        return member instanceof Field ? ((Field) member).get(target) : ((Method) member).invoke(target);
    }

    // A scrape reads several properties of every endpoint; looking the members up each time (Class#getMethod walks
    // the hierarchy) made a 2,000-route /metrics several times slower than with the lookups cached (docs/performance.md).
    private static final ClassValue<Map<String, AccessibleObject>> MEMBERS =
            new ClassValue<Map<String, AccessibleObject>>() {
                @Override
                protected Map<String, AccessibleObject> computeValue(Class<?> type) {
                    return new ConcurrentHashMap<String, AccessibleObject>();
                }
            };

    private static AccessibleObject find(Class<?> type, String name) throws NoSuchFieldException {
        try {
            return accessible(type.getField(name));
        } catch (NoSuchFieldException e) {
            // not a @JvmField: try the accessors
        }
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {"get" + capitalised, name}) {
            try {
                return accessible(type.getMethod(candidate));
            } catch (NoSuchMethodException e) {
                // next candidate
            }
        }
        // Kotlin `internal val`: public getter with the module name mangled in, e.g. getHandler$javalin()
        String internal = "get" + capitalised + "$";
        for (Method method : type.getMethods()) {
            if (method.getName().startsWith(internal) && method.getParameterTypes().length == 0) {
                return accessible(method);
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true); // may throw: the caller records the failure
                return field;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    /** @return whether {@code type} or a superclass has the given binary name */
    static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static AccessibleObject accessible(AccessibleObject member) {
        try {
            member.setAccessible(true);
        } catch (RuntimeException e) {
            // refused by the module system: public members of exported public types still work
        }
        return member;
    }
}

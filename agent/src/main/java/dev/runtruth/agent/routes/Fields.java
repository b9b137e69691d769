package dev.runtruth.agent.routes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Reads a framework object's private instance field by name, for the frameworks whose route model has no public
 * accessor (Helidon's routing tree, Ktor's Netty channels). Prefer {@link Reflect}'s public methods where they exist.
 */
public final class Fields {

    private Fields() {
    }

    /**
     * @param target a framework object; {@code null} gives {@code null}
     * @param name   the field name
     * @return the value of the first instance field {@code name} declared by {@code target}'s class or a superclass,
     *         or {@code null} when there is none
     * @throws Exception when it cannot be made accessible (the framework on the module path, its package not opened)
     */
    public static Object get(Object target, String name) throws Exception {
        if (target == null) {
            return null;
        }
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    return f.get(target);
                }
            }
        }
        return null;
    }
}

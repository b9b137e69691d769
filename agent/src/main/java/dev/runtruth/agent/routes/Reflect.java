package dev.runtruth.agent.routes;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Calls public framework methods by name. The agent is loaded by the system class loader and never links against
 * the application's framework classes (they live in the application's class loaders, javax or jakarta, any version),
 * so every capture reads framework objects through their public API, reflectively, with this one helper.
 *
 * <p>A method is looked up on a public type in the receiver's hierarchy that declares it (a container's non-public
 * facade class is called through its public interface), which needs no {@code setAccessible} and so works under the
 * module system; only when no public declaration exists is {@code setAccessible} tried.
 */
public final class Reflect {

    private Reflect() {
    }

    /**
     * Calls a public no-argument method.
     *
     * @param target the receiver, not {@code null}
     * @param name   the method name
     * @return what the method returned, or {@code null} when the receiver has no such public method
     * @throws Exception whatever the invoked method throws (wrapped in {@code InvocationTargetException}), or a
     *                   reflection failure
     */
    public static Object call(Object target, String name) throws Exception {
        return call(target, name, new Class<?>[0]);
    }

    /**
     * Calls a public method.
     *
     * @param target the receiver, not {@code null}
     * @param name   the method name
     * @param types  the parameter types
     * @param args   the arguments
     * @return what the method returned, or {@code null} when the receiver has no such public method
     * @throws Exception whatever the invoked method throws, or a reflection failure
     */
    public static Object call(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        Method method = find(target.getClass(), name, types);
        return method == null ? null : method.invoke(target, args);
    }

    /**
     * Calls a public static method.
     *
     * @return what the method returned, or {@code null} when {@code type} has no such static method
     * @throws Exception whatever the invoked method throws, or a reflection failure
     */
    public static Object callStatic(Class<?> type, String name, Class<?>[] types, Object... args) throws Exception {
        Method method = find(type, name, types);
        return method == null || !Modifier.isStatic(method.getModifiers()) ? null : method.invoke(null, args);
    }

    /** @return whether {@code type} has a public method {@code name(types)} */
    public static boolean has(Class<?> type, String name, Class<?>... types) {
        return find(type, name, types) != null;
    }

    /**
     * Finds a public method, preferring its declaration in a public type of the hierarchy.
     *
     * @return the method, or {@code null} when {@code type} has no public method {@code name(types)}
     */
    public static Method find(Class<?> type, String name, Class<?>... types) {
        Method declared = declaredInPublicType(type, name, types);
        if (declared != null) {
            return declared;
        }
        Method method;
        try {
            method = type.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            return null;
        }
        try {
            method.setAccessible(true);
        } catch (RuntimeException e) {
            // refused by the module system: the call fails and the capture records it
        }
        return method;
    }

    /**
     * Loads a class by name through a class loader, without initialising it.
     *
     * @return the class, or {@code null} when that loader cannot see it
     */
    public static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (LinkageError e) {
            return null;
        }
    }

    /**
     * Loads a class by name through the class loader of {@code context}'s class, without initialising it.
     *
     * @return the class, or {@code null} when that loader cannot see it
     */
    public static Class<?> load(String name, Object context) {
        return load(name, context.getClass().getClassLoader());
    }

    /**
     * Reads a private instance field, for framework objects whose model has no public accessor.
     *
     * @param target a framework object
     * @param name   the field name
     * @return the value of the first instance field {@code name} of {@code target}'s class or a superclass
     * @throws NoSuchFieldException when there is none
     * @throws Exception            when it cannot be made accessible (a named module that does not open its package)
     */
    public static Object field(Object target, String name) throws Exception {
        java.lang.reflect.Field field = instanceField(target, name);
        if (field == null) {
            throw new NoSuchFieldException(target.getClass().getName() + "." + name);
        }
        return field.get(target);
    }

    /**
     * @param target a framework object; {@code null} gives {@code null}
     * @param name   the field name
     * @return as {@link #field(Object, String)}, or {@code null} when there is no such field
     * @throws Exception when it cannot be made accessible (a named module that does not open its package)
     */
    public static Object fieldOrNull(Object target, String name) throws Exception {
        java.lang.reflect.Field field = target == null ? null : instanceField(target, name);
        return field == null ? null : field.get(target);
    }

    private static java.lang.reflect.Field instanceField(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * @param target a framework object
     * @param value  the object looked for (by identity)
     * @return whether an instance field of {@code target}'s class (superclasses included) holds {@code value}, or
     *         holds a lambda or method reference (a synthetic class) that captured {@code value}
     * @throws Exception when a field cannot be made accessible (a named module that does not open its package)
     */
    public static boolean capturesInField(Object target, Object value) throws Exception {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                f.setAccessible(true);
                Object held = f.get(target);
                if (held == value) {
                    return true;
                }
                if (held != null && held.getClass().isSynthetic() && heldInOwnField(held, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean heldInOwnField(Object holder, Object value) throws Exception {
        for (java.lang.reflect.Field f : holder.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                f.setAccessible(true);
                if (f.get(holder) == value) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return whether {@code type} or one of its superclasses has the given binary name */
    public static boolean isSubclassOf(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static Method declaredInPublicType(Class<?> type, String name, Class<?>[] types) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Modifier.isPublic(c.getModifiers())) {
                try {
                    Method method = c.getDeclaredMethod(name, types);
                    if (Modifier.isPublic(method.getModifiers())) {
                        return method;
                    }
                } catch (NoSuchMethodException e) {
                    // look further up
                }
            }
            for (Class<?> i : c.getInterfaces()) {
                Method method = declaredInPublicType(i, name, types);
                if (method != null) {
                    return method;
                }
            }
        }
        return null;
    }
}

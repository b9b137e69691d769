package dev.runtruth.agent.routes.jaxrs;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Calls public methods of JAX-RS implementation objects by name. The agent cannot link against the application's
 * framework classes (they live in the application's class loaders), so it uses their public API reflectively.
 */
public final class Reflect {

    private Reflect() {
    }

    /**
     * Calls a public method.
     *
     * @param target the receiver, not {@code null}
     * @param name   the method name
     * @param types  the parameter types
     * @param args   the arguments
     * @return what the method returned, or {@code null} when the receiver has no such public method
     * @throws Exception whatever the invoked method throws (wrapped in {@code InvocationTargetException})
     */
    public static Object call(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        Method method = find(target.getClass(), name, types);
        return method == null ? null : method.invoke(target, args);
    }

    /**
     * Calls a public no-argument method.
     *
     * @param target the receiver, not {@code null}
     * @param name   the method name
     * @return what the method returned, or {@code null} when the receiver has no such public method
     * @throws Exception whatever the invoked method throws
     */
    public static Object call(Object target, String name) throws Exception {
        return call(target, name, new Class<?>[0]);
    }

    /**
     * Calls a public static method of {@code type}.
     *
     * @return what the method returned, or {@code null} when there is no such method
     * @throws Exception whatever the invoked method throws
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
     * Loads a class by name through {@code context}'s class loader without initialising it.
     *
     * @return the class, or {@code null} when that loader cannot see it
     */
    public static Class<?> load(String name, Object context) {
        ClassLoader loader = context.getClass().getClassLoader();
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static Method find(Class<?> type, String name, Class<?>[] types) {
        Method method;
        try {
            method = type.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            // a public method declared in a non-public class (e.g. an injection manager implementation)
            try {
                method.setAccessible(true);
            } catch (RuntimeException e) {
                // refused by the module system: the call may still work through a public supertype
            }
        }
        return method;
    }
}

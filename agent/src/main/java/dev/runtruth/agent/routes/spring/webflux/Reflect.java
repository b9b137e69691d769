package dev.runtruth.agent.routes.spring.webflux;

import java.lang.reflect.Method;

/**
 * Calls public framework methods by name: the agent cannot link against the application's Spring classes. The same
 * contract as {@code routes.spring.Reflect}, which is package-private there.
 */
final class Reflect {

    private Reflect() {
    }

    /** Calls a public no-argument method, or returns {@code null} when the object has no such method. */
    static Object call(Object target, String name) throws Exception {
        return call(target, name, new Class<?>[0]);
    }

    /** Calls a public method with the given parameter types, or returns {@code null} when there is no such method. */
    static Object call(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        Method method;
        try {
            method = target.getClass().getMethod(name, types);
        } catch (NoSuchMethodException e) {
            return null;
        }
        try {
            method.setAccessible(true); // a public method of a non-public class (e.g. a lambda's) needs it
        } catch (RuntimeException e) {
            // module system refused: public methods of public types still work without it
        }
        return method.invoke(target, args);
    }

    /** @return whether {@code type} or one of its superclasses has the given fully qualified name */
    static boolean isSubclassOf(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** @return the class of that name as seen from {@code loader}, not initialised, or {@code null} when absent */
    static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (LinkageError e) {
            return null;
        }
    }
}

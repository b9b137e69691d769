package dev.runtruth.agent.routes.spring;

import java.lang.reflect.Method;

/**
 * Calls public framework methods by name. The agent is loaded by the system class loader and cannot link against the
 * application's Spring classes, so it uses their public API reflectively.
 */
final class Reflect {

    private Reflect() {
    }

    /** Calls a public no-argument method, or returns {@code null} when the object has no such method. */
    static Object call(Object target, String name) throws Exception {
        Method method = find(target.getClass(), name);
        return method == null ? null : method.invoke(target);
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
            method.setAccessible(true);
        } catch (RuntimeException e) {
            // module system refused: public methods of public types still work without it
        }
        return method.invoke(target, args);
    }

    /** Finds a public no-argument method by name on the class or its supertypes, or {@code null}. */
    static Method find(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (RuntimeException e) {
            // setAccessible refused (module system): public methods of public types still work without it
            try {
                return type.getMethod(name);
            } catch (NoSuchMethodException e2) {
                return null;
            }
        }
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
}

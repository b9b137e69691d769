package dev.runtruth.agent.routes.servlet;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Calls public no-argument methods of container objects by name. The agent cannot link against the application's
 * container or Servlet API classes (javax or jakarta, whichever the container uses), so it calls them reflectively;
 * because the implementing class may be non-public (a container's nested facade), the method is looked up on a public
 * type that declares it (e.g. the {@code ServletContext} interface), which needs no {@code setAccessible}.
 */
public final class PublicMethods {

    private PublicMethods() {
    }

    /**
     * @param target the object
     * @param name   a public no-argument method of its class, a superclass or an interface
     * @return what the method returns; {@code null} when it returns {@code null} or the object has no such method
     * @throws InvocationTargetException when the method throws
     * @throws IllegalAccessException    when no public declaration can be called
     */
    public static Object call(Object target, String name) throws InvocationTargetException, IllegalAccessException {
        Method method = find(target.getClass(), name);
        return method == null ? null : method.invoke(target);
    }

    /** Finds {@code name()} declared by a public type in the hierarchy of {@code type}, or {@code null}. */
    static Method find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method method = declared(c, name);
            if (method != null) {
                return method;
            }
            for (Class<?> i : c.getInterfaces()) {
                method = find(i, name);
                if (method != null) {
                    return method;
                }
            }
        }
        return null;
    }

    private static Method declared(Class<?> c, String name) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return null;
        }
        try {
            Method method = c.getDeclaredMethod(name);
            return Modifier.isPublic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}

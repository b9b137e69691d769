package dev.runtruth.agent.routes.grpc;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Calls public gRPC methods by name: the agent cannot link against the application's grpc-java classes. The
 * method is looked up on a public type (the class, a superclass or an interface), so objects of non-public
 * implementation classes work without {@code setAccessible}.
 */
final class Reflect {

    private Reflect() {
    }

    /**
     * @return the result of the public no-argument method {@code name}, or {@code null} when there is no such method
     * @throws Exception what the method throws, or a reflection failure
     */
    static Object call(Object target, String name) throws Exception {
        Method method = find(target.getClass(), name);
        return method == null ? null : method.invoke(target);
    }

    /** @return the public no-argument method {@code name} declared by a public type {@code type} is, or {@code null} */
    static Method find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method method = publicMethod(c, name);
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

    private static Method publicMethod(Class<?> type, String name) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return null;
        }
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}

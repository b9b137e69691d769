package dev.runtruth.agent.instrument;

import java.lang.reflect.Method;

/**
 * One framework type to hook, and the hook: a class with a {@code static void exit(Object)} method that is called
 * with the new object at the end of every constructor of the type, so a capture can remember each framework object
 * as it is created (and nothing else). Immutable.
 */
public final class TypeHook {

    private final String typeName;
    private final Class<?> hook;

    private TypeHook(String typeName, Class<?> hook) {
        this.typeName = typeName;
        this.hook = hook;
    }

    /**
     * @param typeName binary name of the exact type to hook, e.g. {@code org.springframework.web.servlet.DispatcherServlet}
     * @param hook     a class declaring {@code static void exit(Object)}; it may throw, the caller catches and
     *                 counts it
     * @return the hook of every constructor of {@code typeName}
     */
    public static TypeHook onConstructors(String typeName, Class<?> hook) {
        return new TypeHook(typeName, hook);
    }

    /** @return the binary type name */
    public String typeName() {
        return typeName;
    }

    /** @return the internal name used by {@code ClassFileTransformer}, e.g. {@code org/springframework/...} */
    public String internalName() {
        return typeName.replace('.', '/');
    }

    /**
     * @return the hook's {@code exit(Object)} method, made accessible
     * @throws NoSuchMethodException when the hook class lacks it (a programming error, caught by {@code FrameworksTest})
     */
    Method exitMethod() throws NoSuchMethodException {
        Method exit = hook.getDeclaredMethod("exit", Object.class);
        exit.setAccessible(true);
        return exit;
    }
}

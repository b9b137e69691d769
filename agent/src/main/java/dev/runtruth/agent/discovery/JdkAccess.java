package dev.runtruth.agent.discovery;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the walk needs from the JDK beyond public API, on JDK 9+: the {@code java.base} packages it reads opened to the
 * agent ({@code Instrumentation.redefineModule}, called by reflection since the agent is compiled for Java 8), and
 * {@code jdk.internal.misc.Unsafe.shouldBeInitialized(Class)}, so that reading statics never runs a class's static
 * initialiser. On Java 8 nothing needs opening and {@code sun.misc.Unsafe} answers the same question.
 */
final class JdkAccess {

    /** The {@code java.base} packages whose fields the walk reads, or whose internals it calls. */
    static final List<String> OPENED = Collections.unmodifiableList(Arrays.asList("java.lang", "java.lang.ref",
            "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "java.util.concurrent.locks",
            "java.util.function", "jdk.internal.misc"));

    private final Object unsafe;
    private final Method shouldBeInitialized;
    private final String problem;

    private JdkAccess(Object unsafe, Method shouldBeInitialized, String problem) {
        this.unsafe = unsafe;
        this.shouldBeInitialized = shouldBeInitialized;
        this.problem = problem;
    }

    /**
     * Opens {@link #OPENED} to the agent's module and finds {@code shouldBeInitialized}. Never throws.
     *
     * @param inst the JVM's instrumentation
     * @return the access; {@link #problem()} says what is missing (then statics are not walked)
     */
    static JdkAccess open(Instrumentation inst) {
        String problem = null;
        try {
            openJavaBase(inst);
        } catch (Throwable t) {
            problem = "could not open java.base to the agent: " + t;
        }
        for (String name : new String[] {"jdk.internal.misc.Unsafe", "sun.misc.Unsafe"}) {
            try {
                Class<?> type = Class.forName(name);
                Object unsafe;
                try {
                    Method get = type.getDeclaredMethod("getUnsafe");
                    get.setAccessible(true);
                    unsafe = get.invoke(null);
                } catch (Throwable t) {
                    Field field = type.getDeclaredField("theUnsafe");
                    field.setAccessible(true);
                    unsafe = field.get(null);
                }
                Method method = type.getMethod("shouldBeInitialized", Class.class);
                method.setAccessible(true);
                method.invoke(unsafe, JdkAccess.class); // answers, or throws here rather than in every walk
                return new JdkAccess(unsafe, method, problem);
            } catch (Throwable t) {
                problem = (problem == null ? "" : problem + "; ") + name + ".shouldBeInitialized unavailable: " + t;
            }
        }
        return new JdkAccess(null, null, problem);
    }

    private static void openJavaBase(Instrumentation inst) throws Exception {
        Method getModule;
        try {
            getModule = Class.class.getMethod("getModule");
        } catch (NoSuchMethodException e) {
            return; // Java 8: no modules, everything is readable by reflection
        }
        Object javaBase = getModule.invoke(Object.class);
        Object agent = getModule.invoke(JdkAccess.class);
        Class<?> moduleType = getModule.getReturnType();
        Map<String, Set<Object>> opens = new HashMap<String, Set<Object>>();
        for (String pkg : OPENED) {
            opens.put(pkg, Collections.singleton(agent));
        }
        Method redefine = Instrumentation.class.getMethod("redefineModule", moduleType, Set.class, Map.class,
                Map.class, Set.class, Map.class);
        redefine.invoke(inst, javaBase, Collections.emptySet(), Collections.emptyMap(), opens,
                Collections.emptySet(), Collections.emptyMap());
    }

    /**
     * @param type a loaded class
     * @return whether its static initialiser has run, so its statics can be read without running it; {@code false}
     *         when that cannot be told
     */
    boolean initialised(Class<?> type) {
        if (shouldBeInitialized == null) {
            return false;
        }
        try {
            return !((Boolean) shouldBeInitialized.invoke(unsafe, type));
        } catch (Throwable t) {
            return false;
        }
    }

    /** @return what could not be set up, {@code null} when everything was */
    String problem() {
        return problem;
    }
}

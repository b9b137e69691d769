package dev.runtruth.agent.instrument;

import dev.runtruth.agent.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Opens a JDK package to the agent, so that a capture can read private fields of JDK objects a framework runs on
 * (Jersey on the JDK's own HTTP server: {@code sun.net.httpserver}, module {@code jdk.httpserver}). On JDK 9+ this is
 * {@code Instrumentation#redefineModule} with an extra "opens", called by reflection (the agent is Java 8 bytecode);
 * on Java 8 everything is readable already. The agent's {@link Instrumentation} is installed once at start.
 */
public final class ModuleAccess {

    private static volatile Instrumentation instrumentation;

    private ModuleAccess() {
    }

    /** @param inst the agent's instrumentation, kept for {@link #openToAgent} */
    public static void install(Instrumentation inst) {
        instrumentation = inst;
    }

    /**
     * Opens package {@code pkg} of {@code member}'s module to the agent's module. Never throws.
     *
     * @param member a class of the module (a JDK class, e.g. {@code Thread.class})
     * @param pkg    the package name, e.g. {@code java.lang}
     * @return whether the package is open to the agent now (always on Java 8); {@code false} with one debug line when
     *         no instrumentation is installed or the JVM refused
     */
    public static boolean openToAgent(Class<?> member, String pkg) {
        try {
            Method getModule;
            try {
                getModule = Class.class.getMethod("getModule");
            } catch (NoSuchMethodException e) {
                return true; // Java 8: no modules
            }
            Object module = getModule.invoke(member);
            Object agent = getModule.invoke(ModuleAccess.class);
            Class<?> moduleType = getModule.getReturnType();
            if ((Boolean) moduleType.getMethod("isOpen", String.class, moduleType).invoke(module, pkg, agent)) {
                return true;
            }
            Instrumentation inst = instrumentation;
            if (inst == null) {
                AgentLog.debug("cannot open " + pkg + " to the agent: no instrumentation installed");
                return false;
            }
            Map<String, Set<Object>> opens = Collections.singletonMap(pkg, Collections.singleton(agent));
            Instrumentation.class.getMethod("redefineModule", moduleType, Set.class, Map.class, Map.class, Set.class,
                    Map.class).invoke(inst, module, Collections.emptySet(), Collections.emptyMap(), opens,
                    Collections.emptySet(), Collections.emptyMap());
            return true;
        } catch (Throwable t) {
            AgentLog.debug("cannot open " + pkg + " to the agent: " + t);
            return false;
        }
    }
}

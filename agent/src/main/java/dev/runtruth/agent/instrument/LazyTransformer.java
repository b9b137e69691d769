package dev.runtruth.agent.instrument;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * The only transformer the agent registers in {@code premain}, and only when a type to hook is on the class path
 * ({@link HookSelection}). For a class that is not a hooked type it costs a few
 * string tests and never waits; the capture classes are not even loaded until a framework shows up.
 *
 * <p>The first class under a framework's package prefix (say {@code org/springframework/}, loaded early in a Spring
 * app) starts naming the hooks on a daemon thread (creating the captures loads about fifty classes) while the
 * application goes on; when a hooked type itself is loaded (much later: {@code DispatcherServlet}), the transformer
 * waits for the hooks if need be and {@link ConstructorHookWriter} rewrites that one class.
 */
public final class LazyTransformer implements ClassFileTransformer {

    private final Callable<List<TypeHook>> hookSource;
    private final Set<String> hookedTypes;
    private final String[] warmUpPrefixes;
    private volatile FutureTask<Map<String, TypeHook>> hooks;

    /**
     * @param hookSource     the hooks to apply; called once, on a background thread, when the first class under a
     *                       warm-up prefix loads (creating the hooks loads the capture classes)
     * @param hookedTypes    binary names of the types {@code hookSource} will hook; only when one of these loads does
     *                       the transformer wait for the hooks
     * @param warmUpPrefixes internal-name prefixes (e.g. {@code org/springframework/}) whose first class starts the
     *                       background build of the hooks
     */
    public LazyTransformer(Callable<List<TypeHook>> hookSource, String[] hookedTypes, String... warmUpPrefixes) {
        this.hookSource = hookSource;
        this.hookedTypes = new HashSet<String>();
        for (String type : hookedTypes) {
            this.hookedTypes.add(type.replace('.', '/'));
        }
        this.warmUpPrefixes = warmUpPrefixes.clone();
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null) {
            return null;
        }
        if (hooks == null && startsWithAny(className)) {
            warmUp(); // starts naming the hooks in the background; this class does not wait for it
        }
        if (!hookedTypes.contains(className)) {
            return null;
        }
        Map<String, TypeHook> byName;
        try {
            // usually ready: named on a background thread since the framework's first class, long before this one
            byName = warmUp().get();
        } catch (Throwable t) {
            CaptureErrors.record("instrument.hooks", "could not prepare the framework hooks; no routes are reported", t);
            return null;
        }
        if (!byName.containsKey(className)) {
            return null;
        }
        if (!seesAgent(loader)) {
            ConstructorHooks.refused(className.replace('/', '.'));
            AgentLog.warn("instrument.loader." + className, "not hooking " + className.replace('/', '.')
                    + ": its class loader " + describe(loader) + " does not delegate to the one that holds the agent,"
                    + " so the hook could not call it; its routes will not be reported");
            return null;
        }
        try {
            TypeHook hook = byName.get(className);
            ConstructorHooks.register(hook);
            byte[] hooked = ConstructorHookWriter.apply(classfileBuffer, hook.typeName());
            ConstructorHooks.hooked(hook.typeName());
            return hooked;
        } catch (Throwable t) {
            CaptureErrors.record("instrument." + className, "could not hook " + className.replace('/', '.')
                    + "; its routes will not be reported", t);
            return null;
        }
    }

    /**
     * The rewritten framework class calls {@code dev.runtruth.agent.instrument.ConstructorHooks}, which resolves through
     * the framework's class loader. An isolated or child-first loader that does not delegate to the system loader
     * cannot find it; the {@code NoClassDefFoundError} would then break the framework's constructor. Checked once
     * per hooked class, not per loaded class.
     */
    static boolean seesAgent(ClassLoader loader) {
        if (loader == null || loader == AGENT_LOADER) {
            return true;
        }
        try {
            return Class.forName(CaptureErrors.class.getName(), false, loader) == CaptureErrors.class;
        } catch (Throwable t) {
            return false;
        }
    }

    private static final ClassLoader AGENT_LOADER = LazyTransformer.class.getClassLoader();

    private static String describe(ClassLoader loader) {
        String name = loader.getClass().getName();
        return name + "@" + Integer.toHexString(System.identityHashCode(loader));
    }

    private boolean startsWithAny(String className) {
        for (String prefix : warmUpPrefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private FutureTask<Map<String, TypeHook>> warmUp() {
        FutureTask<Map<String, TypeHook>> task = hooks;
        if (task == null) {
            synchronized (this) {
                task = hooks;
                if (task == null) {
                    task = new FutureTask<Map<String, TypeHook>>(new Callable<Map<String, TypeHook>>() {
                        @Override
                        public Map<String, TypeHook> call() throws Exception {
                            Map<String, TypeHook> byName = new HashMap<String, TypeHook>();
                            for (TypeHook hook : hookSource.call()) {
                                byName.put(hook.internalName(), hook);
                            }
                            return byName;
                        }
                    });
                    hooks = task;
                    Thread thread = new Thread(task, "runtruth-hooks-init");
                    thread.setDaemon(true);
                    thread.start();
                }
            }
        }
        return task;
    }
}

package dev.runtruth.agent.instrument;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.CaptureErrors;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * The only transformer the agent registers in {@code premain}. It costs one string prefix test and one hash lookup
 * per loaded class; ByteBuddy is not touched until a framework shows up.
 *
 * <p>Building a ByteBuddy {@code AgentBuilder} costs a few hundred milliseconds of class loading, so premain must not
 * do it. Instead the first class under a framework's package prefix (say {@code org/springframework/}, loaded early in
 * a Spring app) starts building the ByteBuddy transformer on a daemon thread, in parallel with the application's own
 * startup; when a hooked type itself is loaded (much later: {@code DispatcherServlet}), the transformer is ready and is
 * applied to that one class.
 */
public final class LazyTransformer implements ClassFileTransformer {

    private final Map<String, TypeHook> hooks = new HashMap<String, TypeHook>();
    private final String[] warmUpPrefixes;
    private volatile FutureTask<ClassFileTransformer> delegate;

    /**
     * @param hooks          the types to decorate
     * @param warmUpPrefixes internal-name prefixes (e.g. {@code org/springframework/}) whose first class starts the
     *                       background build of the ByteBuddy transformer
     */
    public LazyTransformer(List<TypeHook> hooks, String... warmUpPrefixes) {
        for (TypeHook hook : hooks) {
            this.hooks.put(hook.internalName(), hook);
        }
        this.warmUpPrefixes = warmUpPrefixes.clone();
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null) {
            return null;
        }
        if (delegate == null && startsWithAny(className)) {
            warmUp();
        }
        if (!hooks.containsKey(className)) {
            return null;
        }
        if (!seesAgent(loader)) {
            AgentLog.warn("instrument.loader." + className, "not hooking " + className.replace('/', '.')
                    + ": its class loader " + describe(loader) + " does not delegate to the one that holds the agent,"
                    + " so the hook could not call it; its routes will not be reported");
            return null;
        }
        try {
            return warmUp().get().transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
        } catch (Throwable t) {
            CaptureErrors.record("instrument." + className, "could not hook " + className.replace('/', '.')
                    + "; its routes will not be reported", t);
            return null;
        }
    }

    /**
     * Advice is inlined into the framework class and calls {@code dev.runtruth.agent...} helpers, which resolve through
     * the framework's class loader. An isolated or child-first loader that does not delegate to the system loader
     * cannot find them; the suppressed {@code NoClassDefFoundError} would then lose the routes silently. Checked once
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

    private FutureTask<ClassFileTransformer> warmUp() {
        FutureTask<ClassFileTransformer> task = delegate;
        if (task == null) {
            synchronized (this) {
                task = delegate;
                if (task == null) {
                    task = new FutureTask<ClassFileTransformer>(new Callable<ClassFileTransformer>() {
                        @Override
                        public ClassFileTransformer call() {
                            return build();
                        }
                    });
                    delegate = task;
                    Thread thread = new Thread(task, "runtruth-instrumentation-init");
                    thread.setDaemon(true);
                    thread.start();
                }
            }
        }
        return task;
    }

    private ClassFileTransformer build() {
        // On JDK 24+ ByteBuddy would print a sun.misc.Unsafe warning into the host's stderr; the agent never injects
        // classes, so it does not need Unsafe. (Shading renames the property together with ByteBuddy.)
        if (System.getProperty("net.bytebuddy.safe") == null) {
            System.setProperty("net.bytebuddy.safe", "true");
        }
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(new ErrorListener());
        AgentBuilder.Identified.Extendable extendable = null;
        for (TypeHook hook : hooks.values()) {
            final AsmVisitorWrapper visitor;
            try {
                visitor = hook.visitor();
            } catch (Exception e) {
                CaptureErrors.record("instrument." + hook.typeName(), "could not prepare the hook of "
                        + hook.typeName(), e);
                continue;
            }
            AgentBuilder.Transformer transformer = new AgentBuilder.Transformer() {
                @Override
                public DynamicType.Builder<?> transform(DynamicType.Builder<?> type, TypeDescription description,
                        ClassLoader classLoader, JavaModule module, ProtectionDomain domain) {
                    return type.visit(visitor);
                }
            };
            extendable = (extendable == null ? builder : extendable)
                    .type(ElementMatchers.named(hook.typeName()))
                    .transform(transformer);
        }
        return (extendable == null ? builder : extendable).makeRaw();
    }

    /** Records ByteBuddy's own transformation failures instead of letting them pass silently. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            CaptureErrors.record("instrument." + typeName, "could not hook " + typeName
                    + "; its routes will not be reported", throwable);
        }
    }
}

package dev.runtruth.agent.instrument;

import dev.runtruth.agent.CaptureErrors;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Collection;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * Builds the ByteBuddy transformer that applies the hooks. A class of its own so that ByteBuddy's types are loaded
 * only when it runs (on {@link LazyTransformer}'s background thread), never while premain links the agent's classes.
 */
final class HookTransformerFactory {

    private HookTransformerFactory() {
    }

    /**
     * @param hooks the hooks to apply, each to its exact type
     * @return a raw transformer (not installed) to call for the hooked classes only
     */
    static ClassFileTransformer build(Collection<TypeHook> hooks) {
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
        for (TypeHook hook : hooks) {
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

package dev.runtruth.agent.instrument;

import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * One framework type to decorate and how to build the ByteBuddy visitor (usually {@code Advice}) that decorates it.
 * The visitor is built only when the transformer is, so that creating a hook in premain loads no ByteBuddy code.
 * Immutable.
 */
public final class TypeHook {

    private final String typeName;
    private final Callable<AsmVisitorWrapper> visitor;

    /**
     * @param typeName binary name of the exact type to decorate, e.g. {@code org.springframework.web.servlet.DispatcherServlet}
     * @param visitor  builds what to apply to it; must not add fields or methods (class format changes are disabled)
     */
    public TypeHook(String typeName, Callable<AsmVisitorWrapper> visitor) {
        this.typeName = typeName;
        this.visitor = visitor;
    }

    /**
     * The usual hook: ByteBuddy {@code Advice} applied to every constructor of a type, so the advice can remember
     * each framework object as it is created. The advice class is read only when the transformer is built.
     *
     * @param typeName binary name of the exact type to decorate
     * @param advice   a class with {@code @Advice.OnMethodExit(suppress = Throwable.class)} methods
     * @return the hook
     */
    public static TypeHook onConstructors(String typeName, final Class<?> advice) {
        return new TypeHook(typeName, new Callable<AsmVisitorWrapper>() {
            @Override
            public AsmVisitorWrapper call() {
                return Advice.to(advice).on(ElementMatchers.isConstructor());
            }
        });
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
     * @return the visitor applied to the type, built now
     * @throws Exception when it cannot be built (e.g. the advice class cannot be read)
     */
    public AsmVisitorWrapper visitor() throws Exception {
        return visitor.call();
    }
}

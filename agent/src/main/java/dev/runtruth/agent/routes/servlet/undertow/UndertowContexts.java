package dev.runtruth.agent.routes.servlet.undertow;

import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.servlet.ContainerContexts;
import dev.runtruth.agent.routes.Reflect;

/**
 * Undertow's servlet contexts: {@code io.undertow.servlet.spec.ServletContextImpl} (same name in Undertow 2.2, javax,
 * and 2.3, jakarta). It is itself the {@code ServletContext}; it is read once its deployment is started
 * ({@code ServletContextImpl#getDeployment()}, {@code Deployment#getDeploymentState()} is {@code STARTED}), so an
 * undeployed context is no longer reported.
 */
public final class UndertowContexts extends ContainerContexts {

    /** Binary name of the hooked type. */
    public static final String TYPE = "io.undertow.servlet.spec.ServletContextImpl";

    /** The contexts of this JVM. */
    public static final UndertowContexts INSTANCE = new UndertowContexts();

    private UndertowContexts() {
    }

    /** @return the hook: called at the end of every constructor of {@link #TYPE} */
    public static TypeHook hook() {
        return TypeHook.onConstructors(TYPE, OnConstructor.class);
    }

    @Override
    protected String container() {
        return "undertow";
    }

    @Override
    protected Object startedServletContext(Object context) throws Exception {
        Object deployment = Reflect.call(context, "getDeployment");
        Object state = deployment == null ? null : Reflect.call(deployment, "getDeploymentState");
        return state != null && "STARTED".equals(state.toString()) ? context : null;
    }

    /** Called (through {@code ConstructorHooks}) at the end of each {@code ServletContextImpl} constructor. */
    public static final class OnConstructor {

        private OnConstructor() {
        }
        static void exit(Object context) {
            INSTANCE.remember(context);
        }
    }
}

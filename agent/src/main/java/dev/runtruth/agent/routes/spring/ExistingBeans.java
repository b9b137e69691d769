package dev.runtruth.agent.routes.spring;

import dev.runtruth.agent.routes.Reflect;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Spring beans that already exist, never creating one for the agent: bean names by type
 * ({@code ListableBeanFactory#getBeanNamesForType(type, true, false)}), then only instances already in the singleton
 * registry ({@code DefaultSingletonBeanRegistry#getSingleton(name)}), in the bean factory and its ancestors.
 * Shared by the Spring MVC and WebFlux captures.
 */
public final class ExistingBeans {

    private ExistingBeans() {
    }

    /**
     * @param beanFactory a {@code ConfigurableListableBeanFactory}
     * @return whether its configuration and that of every ancestor is frozen (all bean definitions are final, the
     *         singletons are being or have been created)
     * @throws Exception when the bean factory cannot be read
     */
    public static boolean frozen(Object beanFactory) throws Exception {
        for (Object factory = beanFactory; factory != null; factory = Reflect.call(factory, "getParentBeanFactory")) {
            if (!Boolean.TRUE.equals(Reflect.call(factory, "isConfigurationFrozen"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param beanFactory a {@code ListableBeanFactory}
     * @param type        the bean type; {@code null} (the type is not on the application's class path) gives none
     * @return the existing singletons of {@code type} in the bean factory and its ancestors, nearest factory first
     * @throws Exception when the bean factory cannot be read
     */
    public static List<Object> singletons(Object beanFactory, Class<?> type) throws Exception {
        return singletons(beanFactory, type, true);
    }

    /**
     * @param beanFactory a {@code ListableBeanFactory}
     * @param type        the bean type; {@code null} gives none
     * @param ancestors   whether the ancestors' singletons count too
     * @return the existing singletons of {@code type} in the bean factory (and its ancestors), nearest factory first
     * @throws Exception when the bean factory cannot be read
     */
    public static List<Object> singletons(Object beanFactory, Class<?> type, boolean ancestors) throws Exception {
        List<Object> beans = new ArrayList<Object>();
        if (type == null) {
            return beans;
        }
        for (Object factory = beanFactory; factory != null;
                factory = ancestors ? Reflect.call(factory, "getParentBeanFactory") : null) {
            String[] names = (String[]) Reflect.call(factory, "getBeanNamesForType",
                    new Class<?>[] {Class.class, boolean.class, boolean.class}, type, true, false);
            for (String name : names == null ? new String[0] : names) {
                Object bean = Reflect.call(factory, "getSingleton", new Class<?>[] {String.class}, name);
                if (type.isInstance(bean)) {
                    beans.add(bean);
                }
            }
        }
        return beans;
    }
}

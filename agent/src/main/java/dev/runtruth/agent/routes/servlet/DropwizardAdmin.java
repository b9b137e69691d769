package dev.runtruth.agent.routes.servlet;

import dev.runtruth.agent.routes.Reflect;
import dev.runtruth.agent.routes.ServletPrefixes;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Dropwizard's admin context (Dropwizard 2-4, {@code io.dropwizard.core.setup.AdminEnvironment}): the servlet context
 * that holds Dropwizard's {@code TaskServlet} on {@code /tasks/*} and Metrics' {@code AdminServlet} on {@code /*}.
 * <ul>
 *   <li>It is recognised by those servlets' class names.</li>
 *   <li>Its {@code TaskServlet} is reported as the tasks it runs, {@code POST <context path>/tasks/<task name>} per
 *       {@code TaskServlet#getTasks()} ({@code Task#getName()}), handler the task's class: the list Dropwizard logs
 *       at start-up under {@code tasks =}. While the servlet instance cannot be read it is reported as its mapping
 *       ({@code * /tasks/**}), as any servlet.</li>
 *   <li>Every route of the context carries the port of Dropwizard's admin connector ({@link Route#port()}) when the
 *       container serves the context on its own listener ({@link ContainerContexts#separateListenerPorts(Object)}):
 *       the admin servlet's {@code /*} is then {@code * /**} on the admin port, not on the application's.</li>
 * </ul>
 */
final class DropwizardAdmin {

    static final String TASK_SERVLET = "io.dropwizard.servlets.tasks.TaskServlet";
    /** Metrics 4 jakarta ({@code metrics-jakarta-servlets}, Dropwizard 3-4) and javax ({@code metrics-servlets}). */
    private static final String[] ADMIN_SERVLETS = {"io.dropwizard.metrics.servlets.AdminServlet",
        "com.codahale.metrics.servlets.AdminServlet", TASK_SERVLET};

    private DropwizardAdmin() {
    }

    /** @return whether a servlet class is one of the admin context's own servlets */
    static boolean isAdminServlet(String className) {
        for (String admin : ADMIN_SERVLETS) {
            if (admin.equals(className)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param taskServlet a {@code TaskServlet} instance
     * @param contextPath the servlet context path
     * @param mappings    the servlet's url-patterns, e.g. {@code /tasks/*}
     * @return one {@code POST} route per task and prefix mapping
     * @throws Exception when the tasks cannot be read
     */
    static List<Route> tasks(Object taskServlet, String contextPath, Collection<?> mappings) throws Exception {
        List<Route> routes = new ArrayList<Route>();
        Object tasks = Reflect.call(taskServlet, "getTasks");
        if (!(tasks instanceof Collection)) {
            throw new IllegalStateException("TaskServlet#getTasks() gave " + tasks);
        }
        for (Object mapping : mappings) {
            String prefix = ServletPrefixes.prefix(contextPath, String.valueOf(mapping));
            for (Object task : (Collection<?>) tasks) {
                String name = String.valueOf(Reflect.call(task, "getName"));
                routes.add(Route.of("POST", PathTemplate.join(prefix, name), ServletRoutes.FRAMEWORK,
                        task.getClass().getName()));
            }
        }
        return routes;
    }
}

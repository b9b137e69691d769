package dev.runtruth.agent.routes.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ServletRoutes} over stand-ins of the Servlet API, reached (like real containers' facades) via interfaces. */
class ServletRoutesTest {

    @Test
    void oneRoutePerUrlPatternOfStartedContexts() {
        Context shop = new Context("/shop", true);
        shop.register("legacy", "com.example.Legacy", "*.do", "/legacy/*");
        shop.register("unmapped", "com.example.Unmapped");
        shop.register("404", "org.eclipse.jetty.ee10.servlet.ServletHandler$Default404Servlet", "/");
        Context notStarted = new Context("/later", false);
        notStarted.register("x", "com.example.X", "/x");
        TestContexts contexts = new TestContexts(shop, notStarted);

        List<String> routes = describe(new ServletRoutes(contexts).routes());

        assertThat(routes).containsExactlyInAnyOrder(
                "* /shop/**/*.do <- com.example.Legacy servlet",
                "* /shop/legacy/** <- com.example.Legacy servlet");
    }

    @Test
    void aContextThatRefusesForNowIsReadAgainLaterWithoutAnError() {
        Context busy = new Context("", true);
        busy.refuse = new UnsupportedOperationException("listener running");
        long errors = CaptureErrors.count();

        assertThat(new ServletRoutes(new TestContexts(busy)).routes()).isEmpty();
        assertThat(CaptureErrors.count()).isEqualTo(errors);

        busy.refuse = null;
        busy.register("hello", "com.example.Hello", "/hello");
        assertThat(describe(new ServletRoutes(new TestContexts(busy)).routes()))
                .containsExactly("* /hello <- com.example.Hello servlet");
    }

    @Test
    void anUnreadableContextIsACaptureError() {
        Context broken = new Context("", true);
        broken.refuse = new IllegalArgumentException("boom");
        long errors = CaptureErrors.count();

        assertThat(new ServletRoutes(new TestContexts(broken)).routes()).isEmpty();
        assertThat(CaptureErrors.count()).isEqualTo(errors + 1);
    }

    @Test
    void javalinsOwnServletIsLeftOutOnlyWhileJavalinReportsRoutes() {
        Context root = new Context("", true);
        root.register("javalin", "io.javalin.jetty.JavalinJettyServlet", "/*");
        root.register("legacy", "com.example.Legacy", "/legacy/*");
        ServletRoutes routes = new ServletRoutes(new TestContexts(root));

        assertThat(describe(routes.routes(java.util.Collections.singleton("javalin"))))
                .containsExactly("* /legacy/** <- com.example.Legacy servlet");
        assertThat(describe(routes.routes(java.util.Collections.singleton("spring-webmvc")))).as("no Javalin routes: kept")
                .contains("* /** <- io.javalin.jetty.JavalinJettyServlet servlet");
    }

    /** Dropwizard's admin context on its own connector (port 8081): tasks as POST routes, every route with the port. */
    @Test
    void dropwizardsAdminContextGivesItsTasksAndItsPort() {
        Context admin = new Context("", true);
        admin.register("tasks", "io.dropwizard.servlets.tasks.TaskServlet", "/tasks/*");
        admin.register("admin", "io.dropwizard.metrics.servlets.AdminServlet", "/*");
        Context app = new Context("/app", true);
        app.register("assets", "io.dropwizard.servlets.assets.AssetServlet", "/assets/*");
        TestContexts contexts = new TestContexts(admin, app);
        contexts.separatePorts = "8081";
        contexts.instances.put("tasks", new io.dropwizard.servlets.tasks.TaskServlet("gc", "log-level"));

        assertThat(new ServletRoutes(contexts).routes()).extracting(r -> r + " " + r.handler() + " :" + r.port())
                .containsExactlyInAnyOrder(
                        "POST /tasks/gc io.dropwizard.servlets.tasks.TaskServlet$GcTask :8081",
                        "POST /tasks/log-level io.dropwizard.servlets.tasks.TaskServlet$GcTask :8081",
                        "* /** io.dropwizard.metrics.servlets.AdminServlet :8081",
                        "* /app/assets/** io.dropwizard.servlets.assets.AssetServlet :");

        contexts.instances.clear(); // the servlet instance cannot be read: its mapping, still on the admin port
        assertThat(new ServletRoutes(contexts).routes()).extracting(r -> r + " :" + r.port())
                .contains("* /tasks/** :8081");
    }

    @Test
    void contextsAreRememberedOnce() {
        Context context = new Context("", true);
        context.register("a", "com.example.A", "/a");
        TestContexts contexts = new TestContexts();
        contexts.remember(context);
        contexts.remember(context);

        assertThat(new ServletRoutes(contexts).routes()).hasSize(1);
    }

    private static List<String> describe(List<Route> routes) {
        List<String> lines = new ArrayList<>();
        routes.forEach(r -> lines.add(r + " <- " + r.handler() + " " + r.framework()));
        return lines;
    }

    /** The slice of {@code ServletContext} the agent calls. */
    public interface ServletContextApi {
        String getContextPath();

        Map<String, ? extends RegistrationApi> getServletRegistrations();

        ClassLoader getClassLoader();
    }

    /** The slice of {@code ServletRegistration} the agent calls. */
    public interface RegistrationApi {
        String getClassName();

        Collection<String> getMappings();
    }

    // not public, like Jetty's and Tomcat's implementation classes: methods are reached through the interfaces
    static final class Context implements ServletContextApi {
        final String path;
        final boolean started;
        final Map<String, Registration> registrations = new LinkedHashMap<>();
        RuntimeException refuse;

        Context(String path, boolean started) {
            this.path = path;
            this.started = started;
        }

        void register(String name, String className, String... mappings) {
            registrations.put(name, new Registration(className, Arrays.asList(mappings)));
        }

        @Override
        public String getContextPath() {
            return path;
        }

        @Override
        public Map<String, ? extends RegistrationApi> getServletRegistrations() {
            if (refuse != null) {
                throw refuse;
            }
            return registrations;
        }

        @Override
        public ClassLoader getClassLoader() {
            return getClass().getClassLoader();
        }
    }

    static final class Registration implements RegistrationApi {
        final String className;
        final Collection<String> mappings;

        Registration(String className, Collection<String> mappings) {
            this.className = className;
            this.mappings = mappings;
        }

        @Override
        public String getClassName() {
            return className;
        }

        @Override
        public Collection<String> getMappings() {
            return mappings;
        }
    }

    static final class TestContexts extends ContainerContexts {
        final Map<String, Object> instances = new LinkedHashMap<>();
        String separatePorts = "";

        TestContexts(Context... contexts) {
            for (Context context : contexts) {
                remember(context);
            }
        }

        @Override
        protected String container() {
            return "test";
        }

        @Override
        protected Object startedServletContext(Object context) {
            return ((Context) context).started ? context : null;
        }

        @Override
        protected Object servletInstance(Object context, String servletName) {
            return instances.get(servletName);
        }

        @Override
        protected String separateListenerPorts(Object context) {
            return separatePorts;
        }
    }
}

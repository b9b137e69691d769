package dev.runtruth.agent.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RouteRegistryTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void theLayeredSourceIsReadLastAndToldWhichFrameworksReportedEachSourceOnce() {
        List<Set<String>> told = new ArrayList<>();
        LayeredRouteSource servlet = new LayeredRouteSource() {
            @Override
            public List<Route> routes(Set<String> reporting) {
                reads.incrementAndGet();
                told.add(reporting);
                return Collections.singletonList(Route.of("*", "/static/*", "servlet", "DefaultServlet"));
            }

            @Override
            public List<Route> routes() {
                throw new AssertionError("the registry calls routes(Set)");
            }
        };
        RouteRegistry registry = RouteRegistry.of(() -> Arrays.asList(
                capture("servlet", servlet),
                capture("spring-webmvc", counted(Route.of("GET", "/orders", "spring-webmvc", "A#list"),
                        Route.of("GET", "/orders", "spring-webmvc", "A#list"))),
                capture("jaxrs", counted())));

        List<Route> routes = registry.routes();

        assertThat(told).containsExactly(Collections.singleton("spring-webmvc"));
        assertThat(reads).as("three sources, each read once").hasValue(3);
        assertThat(routes.stream().map(r -> r.method() + " " + r.template()).collect(Collectors.toList()))
                .containsExactly("GET /orders", "* /static/*");
    }

    @Test
    void theCapturesAreCreatedAtTheFirstReadOnlyAndAFailingSourceCostsOnlyItsRoutes() {
        AtomicInteger created = new AtomicInteger();
        RouteSource failing = () -> {
            throw new IllegalStateException("boom");
        };
        RouteRegistry registry = RouteRegistry.of(() -> {
            created.incrementAndGet();
            return Arrays.asList(capture("grpc", failing),
                    capture("micronaut", counted(Route.of("GET", "/a", "micronaut", "A#a"))));
        });
        assertThat(created).hasValue(0);
        long errors = CaptureErrors.count();

        assertThat(registry.routes()).extracting(Route::template).containsExactly("/a");
        assertThat(registry.routes()).extracting(Route::template).containsExactly("/a");

        assertThat(created).hasValue(1);
        assertThat(CaptureErrors.count() - errors).isEqualTo(2);
    }

    @Test
    void everyReadRunsTheLookBeforeItEvenThoughTheCapturesAreCreatedOnce() {
        AtomicInteger looks = new AtomicInteger();
        RouteRegistry registry = RouteRegistry.of(() -> Collections.singletonList(capture("micronaut",
                () -> Collections.singletonList(Route.of("GET", "/a", "micronaut", "A#a" + looks.get())))),
                looks::incrementAndGet);

        assertThat(registry.routes()).extracting(Route::handler).containsExactly("A#a1");
        assertThat(registry.routes()).extracting(Route::handler).containsExactly("A#a2");
    }

    private RouteSource counted(Route... routes) {
        return () -> {
            reads.incrementAndGet();
            return Arrays.asList(routes);
        };
    }

    private static FrameworkCapture capture(String framework, RouteSource source) {
        return new FrameworkCapture(framework, "org/example/", Collections.<TypeHook>emptyList(), source);
    }
}

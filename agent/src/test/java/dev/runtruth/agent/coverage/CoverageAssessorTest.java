package dev.runtruth.agent.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.instrument.ConstructorHooks;
import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.FrameworkCapture;
import dev.runtruth.agent.routes.RouteRegistry;
import dev.runtruth.agent.routes.RouteSource;
import dev.runtruth.model.FrameworkState;
import dev.runtruth.model.Route;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageAssessorTest {

    /** Loaded classes by name; every version is {@code 1.2.3}. */
    private final Map<String, Class<?>> loaded = new HashMap<>();
    private final CoverageAssessor assessor = new CoverageAssessor(new CoverageAssessor.Jvm() {
        @Override
        public Map<String, Class<?>> loaded(Collection<String> classNames) {
            Map<String, Class<?>> found = new HashMap<>(loaded);
            found.keySet().retainAll(classNames);
            return found;
        }

        @Override
        public String version(Class<?> type, List<String> pomProperties) {
            return "1.2.3";
        }
    });

    private static FrameworkCapture capture(String name, String type, RouteSource source) {
        return new FrameworkCapture(name, "x/", Collections.singletonList(TypeHook.onConstructors(type,
                CoverageAssessorTest.class)), source);
    }

    private List<FrameworkCoverage> assess(FrameworkCapture... captures) {
        return assessor.assess(RouteRegistry.of(() -> Arrays.asList(captures)).read());
    }

    @Test
    void routesReadWithoutFailureAreCaptured() {
        loaded.put("test.Served", String.class);
        List<FrameworkCoverage> coverage = assess(capture("served", "test.Served",
                () -> Collections.singletonList(Route.parse("GET /a"))));
        assertThat(coverage).extracting(FrameworkCoverage::toString).containsExactly("served 1.2.3 captured");
    }

    @Test
    void aFailureDuringTheReadMakesRoutesPartialAndNoRoutesFailed() {
        RouteSource partly = () -> {
            CaptureErrors.record("test.detail", "could not read a handler", new NoSuchFieldException("handler"));
            return Collections.singletonList(Route.parse("GET /a"));
        };
        RouteSource broken = () -> {
            throw new IllegalStateException("boom");
        };
        long before = CaptureErrors.count();
        List<FrameworkCoverage> coverage = assess(capture("partly", "test.Partly", partly),
                capture("broken", "test.Broken", broken));
        assertThat(coverage).extracting(FrameworkCoverage::framework, FrameworkCoverage::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("partly", FrameworkState.PARTIAL),
                org.assertj.core.groups.Tuple.tuple("broken", FrameworkState.FAILED));
        assertThat(coverage.get(0).reason()).contains("could not read a handler", "NoSuchFieldException");
        assertThat(coverage.get(1).reason()).contains("boom");
        assertThat(CaptureErrors.count() - before).isEqualTo(2);
    }

    @Test
    void aHookedTypeLoadedBeforeTheAgentCouldHookItIsFailed() {
        loaded.put("test.LoadedEarly", String.class);
        List<FrameworkCoverage> coverage = assess(capture("early", "test.LoadedEarly", Collections::emptyList));
        assertThat(coverage).hasSize(1);
        assertThat(coverage.get(0).state()).isEqualTo(FrameworkState.FAILED);
        assertThat(coverage.get(0).reason()).contains("test.LoadedEarly is loaded but not hooked");
    }

    @Test
    void aFrameworkWhoseObjectWasCreatedButHasNoRoutesYetIsCaptured() {
        ConstructorHooks.constructed(new Object(), "test.Constructed");
        List<FrameworkCoverage> coverage = assess(capture("empty", "test.Constructed", Collections::emptyList));
        assertThat(coverage).extracting(FrameworkCoverage::state).containsExactly(FrameworkState.CAPTURED);
    }

    @Test
    void aFrameworkNeverLoadedIsNotReported() {
        assertThat(assess(capture("absent", "test.Absent", Collections::emptyList))).isEmpty();
    }

    @Test
    void aKnownFrameworkThatIsNotReadIsUnsupported() {
        loaded.put("spark.Service", String.class);
        loaded.put("com.linecorp.armeria.server.Server", String.class);
        assertThat(assess()).extracting(FrameworkCoverage::toString).containsExactly(
                "armeria 1.2.3 unsupported: Runtruth does not read armeria routes "
                        + "(com.linecorp.armeria.server.Server is loaded): they are not reported",
                "spark 1.2.3 unsupported: Runtruth does not read spark routes "
                        + "(spark.Service is loaded): they are not reported");
    }

    @Test
    void springDataRestIsCapturedOnlyWhenSpringMvcReportsItsControllers() {
        loaded.put(KnownFrameworks.SPRING_DATA_REST_LANDMARK, String.class);
        loaded.put("test.Mvc", String.class);
        Route own = Route.of("GET", "/owners", "spring-webmvc", "com.example.OwnerController#list");
        Route repository = Route.of("GET", "/customers", "spring-webmvc",
                "org.springframework.data.rest.webmvc.RepositoryEntityController#getCollectionResource");
        assertThat(assess(capture("spring-webmvc", "test.Mvc", () -> Arrays.asList(own, repository))))
                .extracting(FrameworkCoverage::toString)
                .containsExactly("spring-webmvc 1.2.3 captured", "spring-data-rest 1.2.3 captured");
        List<FrameworkCoverage> blind = assess(capture("spring-webmvc", "test.Mvc",
                () -> Collections.singletonList(own)));
        assertThat(blind.get(1).framework()).isEqualTo("spring-data-rest");
        assertThat(blind.get(1).state()).isEqualTo(FrameworkState.FAILED);
    }
}

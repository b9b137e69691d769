package dev.runtruth.collector.expected;

import dev.runtruth.model.Route;
import java.util.List;
import java.util.function.Function;

/**
 * Spring WebFlux annotated controllers: the same annotations and the same mapping rules as Spring MVC (WebFlux's
 * {@code RequestMappingHandlerMapping} shares {@code @RequestMapping} semantics and combines paths with
 * {@code PathPattern} as MVC 6 does), so routes come from {@link SpringMvcRouteExtractor} and carry the framework
 * value {@value #FRAMEWORK}.
 *
 * <p>Which of the two a build output is follows Spring Boot's {@code WebApplicationType.deduceFromClasspath()}
 * (Boot 2.x to 4.x): reactive when {@code org.springframework.web.reactive.DispatcherHandler} is present and neither
 * {@code org.springframework.web.servlet.DispatcherServlet} nor Jersey's {@code ServletContainer} is; presence is
 * looked up among the application classes and the nested library jars ({@link #isReactive}). An output without
 * either dispatcher (a classes directory, a thin jar) is taken as Spring MVC. An application that forces the type
 * in code ({@code spring.main.web-application-type}) is not followed.
 */
final class SpringWebFluxRouteExtractor implements RouteExtractor {

    /** The framework value of every route this extractor produces, the same the agent exports. */
    static final String FRAMEWORK = "spring-webflux";

    private static final String WEBFLUX_INDICATOR = "org/springframework/web/reactive/DispatcherHandler";
    private static final String WEBMVC_INDICATOR = "org/springframework/web/servlet/DispatcherServlet";
    private static final String JERSEY_INDICATOR = "org/glassfish/jersey/servlet/ServletContainer";

    private final SpringMvcRouteExtractor annotations;

    /** @param annotations the Spring annotation reading shared with Spring MVC */
    SpringWebFluxRouteExtractor(SpringMvcRouteExtractor annotations) {
        this.annotations = annotations;
    }

    /**
     * @param classes finds a class model by internal name in the build output, {@code null} when absent
     * @return whether Spring Boot would start the output as a reactive web application
     */
    static boolean isReactive(Function<String, ClassModel> classes) {
        return classes.apply(WEBFLUX_INDICATOR) != null && classes.apply(WEBMVC_INDICATOR) == null
                && classes.apply(JERSEY_INDICATOR) == null;
    }

    @Override
    public boolean isHandler(ClassModel type) {
        return annotations.isHandler(type);
    }

    @Override
    public List<Route> routes(ClassModel handler) {
        return annotations.routes(handler).stream()
                .map(r -> Route.of(r.method(), r.template(), FRAMEWORK, r.handler()))
                .toList();
    }
}

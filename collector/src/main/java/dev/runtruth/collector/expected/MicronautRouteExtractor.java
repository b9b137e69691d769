package dev.runtruth.collector.expected;

import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Derives the routes Micronaut 4's router registers for one {@code @Controller} class, from class models only, as
 * {@code io.micronaut.web.router.AnnotatedMethodRouteBuilder} builds them:
 * <ul>
 *   <li>a controller is a concrete application class annotated with {@code io.micronaut.http.annotation.Controller}
 *       (directly or as a stereotype); its URI is the annotation's {@code value} (default {@code /});</li>
 *   <li>a route method carries one of micronaut-http's {@code @HttpMethodMapping} annotations: {@code @Get},
 *       {@code @Post}, ..., {@code @Trace}, whose simple name is the HTTP method (also through a composed annotation),
 *       or {@code @CustomHttpMethod}, whose {@code method} attribute is; the annotations of an overridden interface or superclass method apply when the
 *       method has none;</li>
 *   <li>its URIs are every {@code uris} entry plus {@code value} (alias {@code uri}, default {@code /}), each nested
 *       in the controller URI as {@code UriTemplate#nest} does: {@code /} adds nothing, a template starting with
 *       <code>{?</code>, <code>{&amp;</code>, <code>{#</code> or <code>{/</code> is appended as is, anything else
 *       after one {@code /};</li>
 *   <li>every {@code @Get} also gets a {@code HEAD} route unless {@code headRoute = false}, as in the running
 *       router (and the agent's report).</li>
 * </ul>
 * Templates are canonicalised by {@link dev.runtruth.model.PathTemplate} (RFC 6570 query expansions dropped,
 * {@code {/name}} as {@code /{*name}}). Not read: {@code micronaut.server.context-path} (use {@code check
 * --path-prefix}), routes added by a {@code RouteBuilder} (see {@link CodeBuiltRoutes}), management endpoints.
 */
final class MicronautRouteExtractor implements RouteExtractor {

    /** The framework value of every route this extractor produces, the same the agent exports. */
    static final String FRAMEWORK = "micronaut";

    static final String CONTROLLER = "io/micronaut/http/annotation/Controller";
    private static final String ANNOTATIONS = "io/micronaut/http/annotation/";
    private static final String CUSTOM_HTTP_METHOD = ANNOTATIONS + "CustomHttpMethod";
    private static final String GET = ANNOTATIONS + "Get";
    /** The method annotations of micronaut-http 4 ({@code @HttpMethodMapping} stereotypes) by simple name. */
    private static final Set<String> STANDARD = Set.of("Get", "Post", "Put", "Delete", "Patch", "Head", "Options",
            "Trace");

    private final MetaAnnotations meta;
    private final InheritedMethods inherited;

    /**
     * @param classes finds a class model by internal name, {@code null} when the input does not contain it
     * @param meta    meta-annotation lookup over the same input
     */
    MicronautRouteExtractor(Function<String, ClassModel> classes, MetaAnnotations meta) {
        this.meta = meta;
        this.inherited = new InheritedMethods(classes);
    }

    @Override
    public boolean isHandler(ClassModel type) {
        return !type.isInterface() && !type.isAbstract() && !type.isAnnotation()
                && meta.isAnnotated(type.annotations(), CONTROLLER);
    }

    @Override
    public List<Route> routes(ClassModel handler) {
        String root = controllerUri(handler);
        List<Route> routes = new ArrayList<>();
        for (InheritedMethods.Declared declared : inherited.methods(handler)) {
            Optional<ClassModel.MethodModel> annotated = inherited.annotatedDeclaration(declared,
                    m -> m.annotations().stream().anyMatch(a -> httpMethod(a) != null));
            if (annotated.isEmpty()) {
                continue;
            }
            String handlerText = handler.binaryName() + '#' + declared.method().name();
            for (AnnotationInstance annotation : annotated.get().annotations()) {
                String httpMethod = httpMethod(annotation);
                if (httpMethod == null) {
                    continue;
                }
                boolean head = annotation.type().equals(GET) && !Boolean.FALSE.equals(annotation.values().get("headRoute"));
                for (String uri : uris(annotation)) {
                    String template = nest(root, uri);
                    routes.add(Route.of(httpMethod, template, FRAMEWORK, handlerText));
                    if (head) {
                        routes.add(Route.of("HEAD", template, FRAMEWORK, handlerText));
                    }
                }
            }
        }
        return routes;
    }

    /**
     * Nests a method URI in the controller URI like {@code io.micronaut.http.uri.UriTemplate#nest} (Micronaut 4).
     *
     * @param root   the controller URI, e.g. {@code /books}
     * @param nested the method URI, e.g. {@code /{id}}, <code>{?max}</code> or {@code /}
     * @return the joined template, still in Micronaut syntax
     */
    static String nest(String root, String nested) {
        String base = root.startsWith("/") ? root : "/" + root;
        if (nested == null || nested.isEmpty() || nested.equals("/")) {
            return base;
        }
        if (nested.length() > 1 && nested.charAt(0) == '{' && "/#?&".indexOf(nested.charAt(1)) >= 0) {
            return base + nested;
        }
        if (nested.charAt(0) == '/') {
            return base.endsWith("/") ? base + nested.substring(1) : base + nested;
        }
        return base.endsWith("/") ? base + nested : base + "/" + nested;
    }

    private String controllerUri(ClassModel handler) {
        for (AnnotationInstance annotation : handler.annotations()) {
            if (annotation.type().equals(CONTROLLER) && annotation.values().get("value") instanceof String uri) {
                return uri.isEmpty() ? "/" : uri;
            }
        }
        return "/";
    }

    /**
     * @return the HTTP method an annotation maps to ({@code @Get} is {@code GET}, a composed annotation carrying
     *         {@code @Get} too), or {@code null} when it is not a route annotation
     */
    private String httpMethod(AnnotationInstance annotation) {
        String type = annotation.type();
        if (type.equals(CUSTOM_HTTP_METHOD)) {
            return annotation.values().get("method") instanceof String m ? m.toUpperCase(Locale.ROOT) : null;
        }
        if (type.startsWith(ANNOTATIONS)) {
            String simple = type.substring(ANNOTATIONS.length());
            return STANDARD.contains(simple) ? simple.toUpperCase(Locale.ROOT) : null;
        }
        for (String simple : STANDARD) {
            if (meta.find(type, ANNOTATIONS + simple).isPresent()) {
                return simple.toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** @return the {@code uris} entries, then {@code value} (or {@code uri}, default {@code /}) */
    private static Set<String> uris(AnnotationInstance annotation) {
        Set<String> uris = new LinkedHashSet<>();
        if (annotation.values().get("uris") instanceof List<?> list) {
            list.forEach(u -> uris.add(String.valueOf(u)));
        }
        Object value = annotation.values().get("value");
        if (value == null) {
            value = annotation.values().get("uri");
        }
        uris.add(value instanceof String s ? s : "/");
        return uris;
    }
}

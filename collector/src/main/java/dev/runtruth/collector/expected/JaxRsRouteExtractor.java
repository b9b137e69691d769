package dev.runtruth.collector.expected;

import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Derives the routes a JAX-RS runtime (Jersey 2/3, RESTEasy, Apache CXF) registers for one root resource class, from class models
 * only, for both {@code javax.ws.rs} (JAX-RS 2.x) and {@code jakarta.ws.rs} (Jakarta REST 3+):
 * <ul>
 *   <li>a root resource is a concrete application class annotated with {@code @Path} (JAX-RS 3.1 section 3.1); when
 *       the input contains Apache CXF's JAX-RS frontend ({@link #CXF_LANDMARK}), also a concrete class that inherits a
 *       class-level {@code @Path} from a superclass or an interface, the nearest first, as CXF reads it
 *       ({@code AnnotationUtils.getClassAnnotation}: CXF's own samples put every JAX-RS annotation on an interface);
 *       Jersey does not serve such a class, so without CXF it is not listed;</li>
 *   <li>its resource methods are its public methods (and inherited ones) whose annotations, or those of the method
 *       they override, include a request method designator: an annotation meta-annotated with {@code @HttpMethod}
 *       ({@code @GET}, ..., {@code @PATCH}, custom ones), whose value is the HTTP method (section 3.3);</li>
 *   <li>a method with {@code @Path} and no designator is a sub-resource locator: the resources of its declared
 *       return type (its own class {@code @Path} ignored) are listed under the locator's path, recursively, as
 *       Jersey's WADL and RESTEasy's registry list them; a return type of {@code Object} or {@code Class}, or one
 *       that is not in the input, is resolved per request and cannot be listed;</li>
 *   <li>paths join: {@code @ApplicationPath}, class {@code @Path}, method {@code @Path} ({@link PathTemplate#join});
 *       {@code {name: regex}} becomes {@code {name}}.</li>
 * </ul>
 * Not read: the servlet mapping or deployment context a container adds ({@code spring.jersey.application-path},
 * Dropwizard's {@code rootPath}, RESTEasy's deployment context; use {@code check --path-prefix}), resources built in
 * code ({@code Resource.builder}), and which root resources an {@code Application} actually registers: every
 * {@code @Path} class in the application is listed.
 */
final class JaxRsRouteExtractor implements RouteExtractor {

    /** The framework value of every route this extractor produces, the same the agent exports. */
    static final String FRAMEWORK = "jaxrs";

    /** The two API packages, as internal-name prefixes. */
    static final List<String> NAMESPACES = List.of("javax/ws/rs/", "jakarta/ws/rs/");

    /** The designators of JAX-RS 2.1 / Jakarta REST 3, used when the input lacks the API jar (a classes directory). */
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS",
            "PATCH");
    private static final int MAX_LOCATOR_DEPTH = 16;
    /** A class of CXF's JAX-RS frontend (cxf-rt-frontend-jaxrs 3.x and 4.x): the input runs on CXF. */
    static final String CXF_LANDMARK = "org/apache/cxf/jaxrs/JAXRSServerFactoryBean";

    private final Function<String, ClassModel> classes;
    private final MetaAnnotations meta;
    private final InheritedMethods inherited;
    private final String applicationPath;
    private final boolean classPathInherited;

    /**
     * @param classes         finds a class model by internal name, {@code null} when the input does not contain it
     * @param meta            meta-annotation lookup over the same input
     * @param applicationPath the {@code @ApplicationPath} prefix ({@link #applicationPath}), empty for none
     */
    JaxRsRouteExtractor(Function<String, ClassModel> classes, MetaAnnotations meta, String applicationPath) {
        this.classes = classes;
        this.meta = meta;
        this.inherited = new InheritedMethods(classes);
        this.applicationPath = applicationPath;
        this.classPathInherited = classes.apply(CXF_LANDMARK) != null;
    }

    /**
     * Finds the application path: the value of {@code @ApplicationPath} on the application's {@code Application}
     * subclasses (JAX-RS 3.1 section 2.3.2).
     *
     * @param application the application classes
     * @param warnings    receives a line when several different values are declared (then none is applied)
     * @return the one value declared, or empty when none or several
     */
    static String applicationPath(Collection<ClassModel> application, Consumer<String> warnings) {
        Set<String> values = new TreeSet<>();
        List<String> declaredBy = new ArrayList<>();
        for (ClassModel type : application) {
            for (AnnotationInstance annotation : type.annotations()) {
                if (isApi(annotation.type(), "ApplicationPath") && annotation.values().get("value") instanceof String v) {
                    values.add(PathTemplate.canonical(v));
                    declaredBy.add(type.binaryName());
                }
            }
        }
        if (values.size() > 1) {
            warnings.accept("several @ApplicationPath values " + values + " (" + String.join(", ", declaredBy)
                    + "): JAX-RS routes are listed without an application path");
            return "";
        }
        return values.isEmpty() ? "" : values.iterator().next();
    }

    @Override
    public boolean isHandler(ClassModel type) {
        return !type.isInterface() && !type.isAbstract() && !type.isAnnotation() && classPath(type) != null;
    }

    /**
     * @return the class-level {@code @Path} of a root resource: its own, else (on CXF) the nearest superclass's or
     *         interface's; {@code null} when none applies
     */
    private String classPath(ClassModel type) {
        String own = path(type.annotations());
        if (own != null || !classPathInherited) {
            return own;
        }
        for (ClassModel supertype : inherited.supertypes(type)) {
            String inheritedPath = path(supertype.annotations());
            if (inheritedPath != null) {
                return inheritedPath;
            }
        }
        return null;
    }

    @Override
    public List<Route> routes(ClassModel handler) {
        List<Route> routes = new ArrayList<>();
        Set<String> locatorTypes = new HashSet<>();
        locatorTypes.add(handler.name());
        resource(handler, PathTemplate.join(applicationPath, classPath(handler)), locatorTypes, routes);
        return routes;
    }

    private void resource(ClassModel type, String base, Set<String> locatorTypes, List<Route> out) {
        for (InheritedMethods.Declared declared : inherited.methods(type)) {
            if ((declared.method().access() & Opcodes.ACC_PUBLIC) == 0) {
                continue; // JAX-RS 3.1 section 3.3.1: only public methods may be resource methods
            }
            Optional<ClassModel.MethodModel> annotated = inherited.annotatedDeclaration(declared, this::hasJaxRs);
            if (annotated.isEmpty()) {
                continue;
            }
            List<AnnotationInstance> annotations = annotated.get().annotations();
            String methodPath = path(annotations);
            Set<String> httpMethods = httpMethods(annotations);
            String handlerText = type.binaryName() + '#' + declared.method().name();
            if (!httpMethods.isEmpty()) {
                String template = PathTemplate.join(base, methodPath);
                httpMethods.forEach(m -> out.add(Route.of(m, template, FRAMEWORK, handlerText)));
            } else if (methodPath != null) {
                locator(declared.method(), PathTemplate.join(base, methodPath), locatorTypes, out);
            }
        }
    }

    private void locator(ClassModel.MethodModel method, String base, Set<String> locatorTypes, List<Route> out) {
        Type returnType = Type.getReturnType(method.descriptor());
        if (returnType.getSort() != Type.OBJECT || locatorTypes.size() > MAX_LOCATOR_DEPTH) {
            return;
        }
        String name = returnType.getInternalName();
        ClassModel type = name.equals("java/lang/Object") || name.equals("java/lang/Class") ? null
                : classes.apply(name);
        if (type == null || locatorTypes.contains(name)) {
            return;
        }
        Set<String> nested = new HashSet<>(locatorTypes);
        nested.add(name);
        resource(type, base, nested, out);
    }

    private boolean hasJaxRs(ClassModel.MethodModel method) {
        return path(method.annotations()) != null || !httpMethods(method.annotations()).isEmpty();
    }

    /** @return the value of {@code @Path} among {@code annotations}, {@code null} when absent */
    private static String path(List<AnnotationInstance> annotations) {
        for (AnnotationInstance annotation : annotations) {
            if (isApi(annotation.type(), "Path")) {
                Object value = annotation.values().get("value");
                return value instanceof String s ? s : "";
            }
        }
        return null;
    }

    private Set<String> httpMethods(List<AnnotationInstance> annotations) {
        Set<String> methods = new TreeSet<>();
        for (AnnotationInstance annotation : annotations) {
            String type = annotation.type();
            for (String namespace : NAMESPACES) {
                Optional<AnnotationInstance> designator = meta.find(type, namespace + "HttpMethod");
                if (designator.isPresent() && designator.get().values().get("value") instanceof String m) {
                    methods.add(m.toUpperCase(Locale.ROOT));
                } else if (type.startsWith(namespace) && STANDARD_METHODS.contains(type.substring(namespace.length()))
                        && classes.apply(type) == null) {
                    methods.add(type.substring(namespace.length()));
                }
            }
        }
        return methods;
    }

    private static boolean isApi(String type, String simpleName) {
        for (String namespace : NAMESPACES) {
            if (type.length() == namespace.length() + simpleName.length() && type.startsWith(namespace)
                    && type.endsWith(simpleName)) {
                return true;
            }
        }
        return false;
    }
}

package dev.runtruth.collector.expected;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.objectweb.asm.Type;

/**
 * Says which routes of a build output are built by running code and therefore missing from the bytecode reading:
 * one note per framework family found. The routes themselves cannot be listed without running the application; the
 * agent reports them from the running service.
 *
 * <ul>
 *   <li>Javalin ({@code io.javalin.Javalin} in the output) and Vert.x Web ({@code io.vertx.ext.web.Router}): every
 *       route is registered by a method call;</li>
 *   <li>Spring functional endpoints: application methods that return a WebMvc.fn or WebFlux.fn
 *       {@code RouterFunction} (usually {@code @Bean}s);</li>
 *   <li>Micronaut {@code RouteBuilder}s: application classes that implement {@code io.micronaut.web.router.RouteBuilder}.
 *   </li>
 * </ul>
 * Classes of the frameworks themselves ({@code org.springframework}, {@code io.micronaut}), which a shaded jar holds
 * among the application classes, are not named.
 */
final class CodeBuiltRoutes {

    private static final String NOTE_SUFFIX = " cannot be read from bytecode and are not listed; the agent reports"
            + " them from the running service";
    /**
     * @param note a note of {@link ExpectedRoutes#notes()}
     * @return whether it names routes built in code (not the other notes, e.g. which build output of a checkout was
     *         read)
     */
    static boolean isCodeBuilt(String note) {
        return note.endsWith(NOTE_SUFFIX);
    }

    private static final Set<String> ROUTER_FUNCTIONS = Set.of(
            "org/springframework/web/servlet/function/RouterFunction",
            "org/springframework/web/reactive/function/server/RouterFunction");
    private static final String ROUTE_BUILDER = "io/micronaut/web/router/RouteBuilder";
    /**
     * Web frameworks whose routes exist only in code (no annotations to read), by the package prefix of the types
     * their handlers take: an application method whose descriptor names one (a handler lambda's synthetic method, a
     * routing method) uses the framework: the frameworks the agent reports {@code unsupported}, and Helidon SE and Ktor,
     * whose routes the agent reads at run time.
     */
    private static final Map<String, String> CODE_ONLY = new LinkedHashMap<>();

    static {
        CODE_ONLY.put("io/helidon/webserver/", "Helidon SE");
        CODE_ONLY.put("io/ktor/server/", "Ktor");
        CODE_ONLY.put("com/linecorp/armeria/server/", "Armeria");
        CODE_ONLY.put("spark/", "Spark");
        CODE_ONLY.put("io/jooby/", "Jooby");
        CODE_ONLY.put("ratpack/", "Ratpack");
        CODE_ONLY.put("play/api/routing/", "Play");
    }

    private CodeBuiltRoutes() {
    }

    /**
     * @param application the application classes
     * @param classes     finds a class model by internal name among application and library classes
     * @return one line per family found, e.g. {@code routes built in code (Javalin) cannot be read from bytecode
     *         ...}; empty when none
     */
    static List<String> notes(Collection<ClassModel> application, Function<String, ClassModel> classes) {
        List<String> notes = new ArrayList<>();
        if (classes.apply("io/javalin/Javalin") != null) {
            notes.add("routes built in code (Javalin)" + NOTE_SUFFIX);
        }
        if (classes.apply("io/vertx/ext/web/Router") != null) {
            notes.add("routes built in code (Vert.x Web)" + NOTE_SUFFIX);
        }
        Set<String> codeOnly = new TreeSet<>();
        for (ClassModel type : application) {
            for (ClassModel.MethodModel method : type.methods()) {
                for (Map.Entry<String, String> framework : CODE_ONLY.entrySet()) {
                    if (method.descriptor().contains("L" + framework.getKey())) {
                        codeOnly.add(framework.getValue());
                    }
                }
            }
        }
        codeOnly.forEach(name -> notes.add("routes built in code (" + name + ")" + NOTE_SUFFIX));
        Set<String> routerFunctions = new TreeSet<>();
        Set<String> routeBuilders = new TreeSet<>();
        InheritedMethods inherited = new InheritedMethods(classes);
        for (ClassModel type : application) {
            if (type.name().startsWith("org/springframework/") || type.name().startsWith("io/micronaut/")) {
                continue; // the frameworks' own builders, in a shaded jar: they build what the framework lists
            }
            for (ClassModel.MethodModel method : type.methods()) {
                Type returnType = Type.getReturnType(method.descriptor());
                if (returnType.getSort() == Type.OBJECT && ROUTER_FUNCTIONS.contains(returnType.getInternalName())) {
                    routerFunctions.add(type.binaryName() + '#' + method.name());
                }
            }
            if (!type.isInterface() && !type.isAbstract() && (type.interfaces().contains(ROUTE_BUILDER)
                    || inherited.supertypes(type).stream().anyMatch(t -> t.interfaces().contains(ROUTE_BUILDER)))) {
                routeBuilders.add(type.binaryName());
            }
        }
        if (!routerFunctions.isEmpty()) {
            notes.add("routes built in code (Spring functional endpoints: " + String.join(", ", routerFunctions) + ")"
                    + NOTE_SUFFIX);
        }
        if (!routeBuilders.isEmpty()) {
            notes.add("routes built in code (Micronaut RouteBuilder: " + String.join(", ", routeBuilders) + ")"
                    + NOTE_SUFFIX);
        }
        return notes;
    }
}

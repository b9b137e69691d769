package dev.runtruth.collector.expected;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.RouteLists;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The routes a build output declares, and which build it is: the repository side of a drift check.
 *
 * @param source   where the routes came from, as shown to the user (a path, or a manifest path and its source)
 * @param build    the build identity; components may be unknown
 * @param routes   the declared routes, one per {@linkplain Route#key() key}, in {@link RouteLists#ORDER}
 * @param warnings one line per input problem that was skipped (bad class, corrupt nested jar, placeholder kept)
 * @param notes    one line per limit of the list that is not an input problem, e.g. routes built in code (Javalin,
 *                 Vert.x Web, functional endpoints) that bytecode cannot show ({@link CodeBuiltRoutes})
 * @param paths    where the service serves Spring Boot's own routes (error page, actuator, static resources), as the
 *                 build's configuration says; {@link ServicePaths#DEFAULT} for manifests, specs and builds that set
 *                 none. The default ignore rules follow them ({@code drift/IgnoreRules#defaults(ServicePaths)})
 * @param libraries the classes the build ships as libraries ({@link LibraryClasses#NONE} for manifests and specs):
 *                  a served route whose handler is one of them comes with the build, it is not unexpected
 */
public record ExpectedRoutes(String source, BuildIdentity build, List<Route> routes, List<String> warnings,
                             List<String> notes, ServicePaths paths, LibraryClasses libraries) {

    /** Sorts and de-duplicates {@code routes}; copies the lists. */
    public ExpectedRoutes {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(libraries, "libraries");
        routes = RouteLists.sortedUnique(routes);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** Expected routes of a source that ships no library classes (a manifest, a spec, a class directory). */
    public ExpectedRoutes(String source, BuildIdentity build, List<Route> routes, List<String> warnings,
                          List<String> notes, ServicePaths paths) {
        this(source, build, routes, warnings, notes, paths, LibraryClasses.NONE);
    }

    /** Expected routes at Spring Boot's default paths. */
    public ExpectedRoutes(String source, BuildIdentity build, List<Route> routes, List<String> warnings,
                          List<String> notes) {
        this(source, build, routes, warnings, notes, ServicePaths.DEFAULT);
    }

    /** Expected routes without notes, at Spring Boot's default paths. */
    public ExpectedRoutes(String source, BuildIdentity build, List<Route> routes, List<String> warnings) {
        this(source, build, routes, warnings, List.of());
    }

    /**
     * Loads expected routes from a build output (see {@link BytecodeRouteScanner#scan(Path)}), a route manifest
     * (see {@link RouteManifest#read(Path)}) or an OpenAPI document; {@link ExpectedSource#load} says how the kind is
     * recognised.
     *
     * @param path a classes directory, class file, jar, fat jar, war, manifest JSON file or OpenAPI YAML/JSON file
     * @return the expected routes
     * @throws InputException if the path is missing, unreadable, corrupt, of an unknown kind or a malformed manifest
     *                        or spec
     */
    public static ExpectedRoutes load(Path path) throws InputException {
        return ExpectedSource.load(path, List.of()).routes();
    }

    /**
     * @return whether a note says the input holds routes built in code that bytecode cannot show (then an empty list
     *         is "cannot tell", not "no routes")
     */
    public boolean hasCodeBuiltRoutes() {
        return notes.stream().anyMatch(CodeBuiltRoutes::isCodeBuilt);
    }

    /**
     * Rebases every route under a path prefix, as a service deployed under a context path and servlet path serves
     * them ({@code server.servlet.context-path} + {@code spring.mvc.servlet.path}); the agent reports routes with
     * that prefix.
     *
     * @param prefix a path such as {@code /backoffice} or {@code /backoffice/api}; {@code null}, empty or {@code /}
     *               leaves the routes as they are
     * @return routes joined under the prefix ({@link PathTemplate#join}); the source names the prefix, and the
     *         {@link #paths()} move under it too
     */
    public ExpectedRoutes withPathPrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || PathTemplate.canonical(prefix).equals("/")) {
            return this;
        }
        String canonical = PathTemplate.canonical(prefix).replaceAll("/+$", "");
        List<Route> rebased = routes.stream().map(r -> Route.of(r.method(), PathTemplate.join(canonical, r.template()),
                r.framework(), r.handler())).toList();
        return new ExpectedRoutes(source + " under " + canonical, build, rebased, warnings, notes,
                paths.under(canonical), libraries);
    }
}

package dev.runtruth.collector.expected;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.model.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several inputs of the expected side at once, e.g. the build output and the OpenAPI spec of one repository
 * ({@code check --expected target/app.jar --expected src/main/resources/openapi.yaml}).
 *
 * @param sources the inputs in the order given, at least one
 */
public record ExpectedSources(List<ExpectedSource> sources) {

    /** Copies the list; rejects an empty one. */
    public ExpectedSources {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no expected source");
        }
    }

    /**
     * Loads every input ({@link ExpectedSource#load}).
     *
     * @param paths    the inputs, at least one
     * @param profiles Spring profiles for build outputs
     * @return the loaded sources
     * @throws InputException naming the first input that cannot be loaded
     */
    public static ExpectedSources load(List<Path> paths, List<String> profiles) throws InputException {
        List<ExpectedSource> loaded = new ArrayList<>();
        for (Path path : paths) {
            loaded.add(ExpectedSource.load(path, profiles));
        }
        return new ExpectedSources(loaded);
    }

    /**
     * Merges the sources into one expected side: every route of every source, once per {@linkplain Route#key() key};
     * the handler of a route several sources declare names every declaration, {@code ; } separated, in source order
     * (e.g. {@code a.OwnerController#show; openapi.yaml#showOwner}). The build identity is the first one that names a
     * commit (a spec names none), else the first source's; the service paths are the first that differ from Spring
     * Boot's defaults (a build output's configuration); the source text joins the inputs with {@code  + }.
     *
     * @return the merged routes with the warnings and notes of every source
     */
    public ExpectedRoutes combined() {
        if (sources.size() == 1) {
            return sources.get(0).routes();
        }
        Map<String, Route> first = new LinkedHashMap<>();
        Map<String, Set<String>> handlers = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        BuildIdentity build = null;
        ServicePaths paths = ServicePaths.DEFAULT;
        for (ExpectedSource source : sources) {
            ExpectedRoutes routes = source.routes();
            if (paths.equals(ServicePaths.DEFAULT)) {
                paths = routes.paths();
            }
            names.add(routes.source());
            warnings.addAll(routes.warnings());
            notes.addAll(routes.notes());
            if (build == null && routes.build().commit() != null) {
                build = routes.build();
            }
            for (Route route : routes.routes()) {
                first.putIfAbsent(route.key(), route);
                if (!route.handler().isEmpty()) {
                    handlers.computeIfAbsent(route.key(), k -> new LinkedHashSet<>()).add(route.handler());
                }
            }
        }
        List<Route> merged = new ArrayList<>();
        for (Map.Entry<String, Route> e : first.entrySet()) {
            Route route = e.getValue();
            Set<String> declaredBy = handlers.getOrDefault(e.getKey(), Set.of());
            merged.add(Route.of(route.method(), route.template(), route.framework(), String.join("; ", declaredBy)));
        }
        LibraryClasses libraries = LibraryClasses.NONE;
        for (ExpectedSource source : sources) {
            libraries = libraries.plus(source.routes().libraries());
        }
        return new ExpectedRoutes(String.join(" + ", names),
                build != null ? build : sources.get(0).routes().build(), merged, warnings, notes, paths, libraries);
    }
}

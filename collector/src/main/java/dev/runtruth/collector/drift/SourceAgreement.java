package dev.runtruth.collector.drift;

import dev.runtruth.collector.expected.ExpectedSource;
import dev.runtruth.collector.expected.ExpectedSources;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which expected sources declare each route, and where a repository disagrees with itself: an operation its OpenAPI
 * spec documents that neither its code (bytecode) nor a recorded manifest declares. Sources are compared with the
 * rules of {@link RouteMatcher} (a code route without a method condition implements every documented method of its
 * path; a wildcard segment matches any one segment).
 *
 * @param rows                    one row per route of {@link ExpectedSources#combined()}, in its order
 * @param documentedNotImplemented spec routes no code or manifest source covers; empty when the sources include no
 *                                spec, or nothing but specs
 */
public record SourceAgreement(List<Row> rows, List<Route> documentedNotImplemented) {

    /**
     * One route and the sources declaring it.
     *
     * @param route    the merged route (its handler names every declaration)
     * @param declared labels of the kinds of source that declare it, in source order, e.g. {@code [code, spec]}
     */
    public record Row(Route route, List<String> declared) {
    }

    /** Copies the lists. */
    public SourceAgreement {
        rows = List.copyOf(rows);
        documentedNotImplemented = List.copyOf(documentedNotImplemented);
    }

    /**
     * @param sources the expected sources
     * @return the per-route declarations and the documented operations no code serves
     */
    public static SourceAgreement of(ExpectedSources sources) {
        Map<ExpectedSource, RouteMatcher> matchers = new LinkedHashMap<>();
        for (ExpectedSource source : sources.sources()) {
            matchers.put(source, RouteMatcher.betweenDeclared(source.routes().routes()));
        }
        List<Row> rows = new ArrayList<>();
        for (Route route : sources.combined().routes()) {
            Set<String> labels = new LinkedHashSet<>();
            for (Map.Entry<ExpectedSource, RouteMatcher> e : matchers.entrySet()) {
                if (e.getValue().covers(route)) {
                    labels.add(e.getKey().kind().label());
                }
            }
            rows.add(new Row(route, List.copyOf(labels)));
        }
        List<Route> notImplemented = new ArrayList<>();
        boolean hasCode = sources.sources().stream().anyMatch(s -> s.kind() != ExpectedSource.Kind.SPEC);
        for (ExpectedSource source : sources.sources()) {
            if (!hasCode || source.kind() != ExpectedSource.Kind.SPEC) {
                continue;
            }
            for (Route documented : source.routes().routes()) {
                boolean implemented = false;
                for (Map.Entry<ExpectedSource, RouteMatcher> e : matchers.entrySet()) {
                    if (e.getKey().kind() != ExpectedSource.Kind.SPEC && e.getValue().covers(documented)) {
                        implemented = true;
                        break;
                    }
                }
                if (!implemented) {
                    notImplemented.add(documented);
                }
            }
        }
        return new SourceAgreement(rows, notImplemented);
    }
}

package dev.runtruth.collector.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.TextTable;
import dev.runtruth.collector.observed.Coverage;
import dev.runtruth.model.Route;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints a {@link DriftReport} for people ({@link #print}) or programs ({@link #printJson}).
 *
 * <p>Text layout: a line naming where the expected routes came from (path, service, version, commit), a line naming
 * where the observed routes came from (URL, service, version, commit, agent version), a table of {@code MISSING} rows
 * (method, route, declaring handler) and {@code UNEXPECTED} rows (method, route, serving handler), the commit line,
 * the blind spots of the observed side (what its agent could not see), and a one-line verdict starting with
 * {@code NO DRIFT}, {@code DRIFT} or {@code CANNOT TELL}.
 */
public final class DriftReportPrinter {

    /** The {@code format} field of the JSON report. */
    public static final String JSON_FORMAT = "runtruth-drift/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DriftReportPrinter() {
    }

    /**
     * Prints the human-readable report.
     *
     * @param report the report
     * @param out    where to print; flushed, not closed
     */
    public static void print(DriftReport report, PrintWriter out) {
        out.println("expected: " + report.expected().source() + " (" + report.expected().build().describe() + ")");
        String agent = report.observed().agentVersion() == null ? "" : "; agent " + report.observed().agentVersion();
        out.println("observed: " + report.observed().source() + " (" + report.observed().build().describe() + agent
                + ")");
        out.println();
        if (report.missing().isEmpty() && report.unexpected().isEmpty()) {
            out.println("no missing or unexpected routes");
        } else {
            TextTable table = new TextTable("STATUS", "METHOD", "ROUTE", "DECLARED BY / SERVED BY");
            report.missing().forEach(r -> table.row("MISSING", r.method(), r.template(), r.handler()));
            report.unexpected().forEach(r -> table.row("UNEXPECTED", r.method(), r.template(), r.handler()));
            table.print(out);
        }
        if (!report.fromLibraries().isEmpty()) {
            out.println(libraryLine(report));
        }
        out.println();
        out.println("commit: " + commitLine(report));
        printNotSeen(report.observed().coverage(), out);
        out.println(verdict(report));
        out.flush();
    }

    /**
     * Prints the report as JSON ({@value #JSON_FORMAT}): {@code verdict} ({@code no_drift}, {@code drift},
     * {@code cannot_tell}), {@code drift} (whether the verdict is drift), {@code notSeen} (one line per blind spot of
     * the agent), {@code commit} ({@code same}, {@code
     * different}, {@code unknown}), {@code expected} and {@code observed} (source and build identity), {@code missing},
     * {@code unexpected}, {@code ignored} and {@code fromLibraries} (served by a library class the build ships) route
     * lists, {@code matched} and the {@code ignoreRules}.
     *
     * @param report the report
     * @param out    where to print; flushed, not closed
     */
    public static void printJson(DriftReport report, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("verdict", report.verdict().name().toLowerCase(Locale.ROOT));
        root.put("drift", report.hasDrift());
        root.put("commit", report.commit().name().toLowerCase(Locale.ROOT));
        side(root.putObject("expected"), report.expected().source(), report.expected().build());
        ObjectNode observed = side(root.putObject("observed"), report.observed().source(), report.observed().build());
        observed.put("agentVersion", report.observed().agentVersion());
        root.put("matched", report.matched());
        routes(root.putArray("missing"), report.missing());
        routes(root.putArray("unexpected"), report.unexpected());
        routes(root.putArray("ignored"), report.ignored());
        routes(root.putArray("fromLibraries"), report.fromLibraries());
        ArrayNode blind = root.putArray("notSeen");
        report.observed().coverage().blindSpots().forEach(blind::add);
        ArrayNode rules = root.putArray("ignoreRules");
        report.rules().rules().forEach(rules::add);
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e); // a tree of strings always serialises
        }
        out.flush();
    }

    /**
     * Prints the JSON answer for an agent whose application is still starting: {@code format}, {@code verdict}
     * {@code "not_ready"}, {@code drift} false, {@code observed} (source and build) and {@code notSeen} (its blind
     * spots, the first one saying it is still starting); no route lists.
     *
     * @param observed the agent's answer, {@link dev.runtruth.collector.observed.Coverage#starting()} true
     * @param out      where to print; flushed, not closed
     */
    public static void printNotReadyJson(dev.runtruth.collector.observed.ObservedRoutes observed, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("verdict", "not_ready");
        root.put("drift", false);
        side(root.putObject("observed"), observed.source(), observed.build());
        ArrayNode blind = root.putArray("notSeen");
        observed.coverage().blindSpots().forEach(blind::add);
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /**
     * Prints the blind spots of an agent, under one {@code not seen: ...} line; nothing when it has none.
     *
     * @param coverage what the agent could see
     * @param out      where to print; not flushed
     */
    public static void printNotSeen(Coverage coverage, PrintWriter out) {
        List<String> blind = coverage.blindSpots();
        if (!blind.isEmpty()) {
            out.println("not seen: the agent could not see everything in the running process:");
            blind.forEach(line -> out.println("  " + line));
        }
    }

    /**
     * @return {@code N served routes come with libraries the build ships (not compared): <jar> (n), ...}, the libraries
     *         by file name and route count, most routes first
     */
    static String libraryLine(DriftReport report) {
        Map<String, Long> byLibrary = report.fromLibraries().stream().collect(Collectors.groupingBy(
                r -> report.expected().libraries().libraryOf(r.handler()), TreeMap::new, Collectors.counting()));
        String libraries = byLibrary.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
        int n = report.fromLibraries().size();
        return n + " served route" + (n == 1 ? " comes" : "s come") + " with libraries the build ships (its own"
                + " classes do not declare them; not compared): " + libraries;
    }

    /** @return the commit line without its {@code commit: } label */
    static String commitLine(DriftReport report) {
        String expected = report.expected().build().commit();
        String running = report.observed().build().commit();
        return switch (report.commit()) {
            case SAME -> "same (" + running + ")";
            case DIFFERENT -> "DIFFERENT: running " + running + ", expected " + expected;
            case UNKNOWN -> "unknown: " + (expected == null && running == null
                    ? "neither the build nor the agent names one"
                    : expected == null ? "the build names none (no git.properties), running " + running
                    : "the agent names none, expected " + expected);
        };
    }

    /** @return the one-line verdict */
    static String verdict(DriftReport report) {
        String counts = report.matched() + " route" + (report.matched() == 1 ? "" : "s") + " match"
                + (report.matched() == 1 ? "es" : "") + ", " + report.ignored().size() + " served route"
                + (report.ignored().size() == 1 ? "" : "s") + " ignored"
                + (report.fromLibraries().isEmpty() ? "" : ", " + report.fromLibraries().size() + " from libraries");
        Verdict verdict = report.verdict();
        if (verdict == Verdict.NO_DRIFT) {
            return "NO DRIFT (" + counts + ")";
        }
        if (verdict == Verdict.CANNOT_TELL) {
            int blind = report.observed().coverage().blindSpots().size();
            return "CANNOT TELL: the agent could not see everything (" + blind + " blind spot" + (blind == 1 ? "" : "s")
                    + " above)" + (report.missing().isEmpty() ? "" : "; the " + report.missing().size()
                    + " missing route" + (report.missing().size() == 1 ? "" : "s") + " may be served unseen") + " ("
                    + counts + ")";
        }
        List<String> parts = new ArrayList<>();
        if (!report.missing().isEmpty()) {
            parts.add(report.missing().size() + " missing");
        }
        if (!report.unexpected().isEmpty()) {
            parts.add(report.unexpected().size() + " unexpected");
        }
        if (report.commit() == CommitComparison.DIFFERENT) {
            parts.add("commit differs");
        }
        return "DRIFT: " + String.join(", ", parts) + " (" + counts + ")";
    }

    private static ObjectNode side(ObjectNode node, String source, BuildIdentity build) {
        node.put("source", source);
        node.put("service", build.service());
        node.put("version", build.version());
        node.put("commit", build.commit());
        node.put("branch", build.branch());
        node.put("buildTime", build.buildTime());
        return node;
    }

    private static void routes(ArrayNode array, List<Route> routes) {
        for (Route route : routes) {
            array.addObject()
                    .put("method", route.method())
                    .put("route", route.template())
                    .put("framework", route.framework())
                    .put("handler", route.handler());
        }
    }
}

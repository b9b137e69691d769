package dev.runtruth.collector.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtruth.collector.TextTable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Prints probe results as a table or as JSON ({@value #JSON_FORMAT}). Request headers are never printed. */
public final class ProbeReportPrinter {

    /**
     * The {@code format} value of the JSON output; bumped on an incompatible change (2: outcome {@code failing}
     * became {@code present-failing}, no longer a problem; {@code ignored} added).
     */
    public static final String JSON_FORMAT = "runtruth-probe/2";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProbeReportPrinter() {
    }

    /**
     * Prints one row per route ({@code OUTCOME ROUTE REQUEST STATUS EVIDENCE}) and a summary line.
     *
     * @param base    the base URL probed
     * @param results the results
     * @param ignored how many routes were not requested because an ignore rule matched them
     * @param out     where to print; flushed
     */
    public static void print(URI base, List<ProbeResult> results, int ignored, PrintWriter out) {
        out.println("PROBE " + base + " (sends only GET, HEAD, OPTIONS)");
        TextTable table = new TextTable("OUTCOME", "ROUTE", "REQUEST", "STATUS", "EVIDENCE");
        for (ProbeResult r : results) {
            table.row(r.outcome().label(), r.route().toString(), r.request(),
                    r.status() < 0 ? "-" : Integer.toString(r.status()), r.evidence());
        }
        table.print(out);
        out.println("SUMMARY: " + summary(results) + ignoredText(ignored));
        out.flush();
    }

    /**
     * @param ignored how many routes an ignore rule kept from being requested
     * @return {@code "; N routes not requested (ignore rules)"}, or {@code ""} for none
     */
    public static String ignoredText(int ignored) {
        return ignored == 0 ? "" : "; " + ignored + (ignored == 1 ? " route" : " routes")
                + " not requested (ignore rules)";
    }

    /**
     * @param results probe results
     * @return counts per outcome in {@link ProbeOutcome} order, zero counts left out, e.g. {@code 8 present, 3
     *         protected}
     */
    public static String summary(List<ProbeResult> results) {
        Map<ProbeOutcome, Integer> counts = counts(results);
        List<String> parts = new ArrayList<>();
        counts.forEach((outcome, n) -> parts.add(n + " " + outcome.label()));
        return parts.isEmpty() ? "no routes" : String.join(", ", parts);
    }

    /**
     * Prints {@code {"format", "base", "problem", "counts": {outcome: n}, "ignored": n, "results": [{"route",
     * "method", "path", "status", "outcome", "evidence"}]}}; {@code method}, {@code path} are null and {@code status}
     * is -1 when no request was sent or no answer came.
     *
     * @param base    the base URL probed
     * @param results the results
     * @param ignored how many routes were not requested because an ignore rule matched them
     * @param out     where to print; flushed
     */
    public static void printJson(URI base, List<ProbeResult> results, int ignored, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("base", base.toString());
        root.put("problem", results.stream().anyMatch(r -> r.outcome().isProblem()));
        ObjectNode counts = root.putObject("counts");
        counts(results).forEach((outcome, n) -> counts.put(outcome.label(), n));
        root.put("ignored", ignored);
        root.set("results", toJson(results));
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /**
     * @param results probe results
     * @return them as a JSON array of the objects {@link #printJson} describes
     */
    public static ArrayNode toJson(List<ProbeResult> results) {
        ArrayNode array = MAPPER.createArrayNode();
        for (ProbeResult r : results) {
            ObjectNode node = array.addObject();
            node.put("route", r.route().toString());
            node.put("method", r.method());
            node.put("path", r.path());
            node.put("status", r.status());
            node.put("outcome", r.outcome().label());
            node.put("evidence", r.evidence());
        }
        return array;
    }

    private static Map<ProbeOutcome, Integer> counts(List<ProbeResult> results) {
        Map<ProbeOutcome, Integer> counts = new EnumMap<>(ProbeOutcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }
}

package dev.runtruth.collector.ladder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/** Prints a {@link LadderReport}: one row per rung with its evidence, then the diagnosis; or JSON. */
public final class LadderPrinter {

    /**
     * The {@code format} value of the JSON output; bumped on an incompatible change (2: the probe results use
     * {@code runtruth-probe/2}'s outcomes; a commit difference breaks a rung).
     */
    public static final String JSON_FORMAT = "runtruth-ladder/2";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String DETAIL_INDENT = " ".repeat(22);

    private LadderPrinter() {
    }

    /**
     * Prints {@code RUNG STATUS EVIDENCE} rows, each rung's details indented under it, and a last line: the
     * diagnosis of the first broken rung, or {@code LADDER HOLDS}.
     *
     * @param report the walked ladder
     * @param out    where to print; flushed
     */
    public static void print(LadderReport report, PrintWriter out) {
        out.println(String.format("%-9s %-11s %s", "RUNG", "STATUS", "EVIDENCE"));
        for (RungResult r : report.rungs()) {
            out.println(String.format("%-9s %-11s %s", r.rung().label(), status(r), r.evidence()));
            r.details().forEach(d -> out.println(DETAIL_INDENT + d));
        }
        out.println(verdict(report));
        out.flush();
    }

    /**
     * @param report the walked ladder
     * @return {@code BROKEN AT <rung>: <diagnosis>}; else {@code CANNOT TELL AT <rung>: <diagnosis>} for the first
     *         rung that could not be decided; else {@code LADDER HOLDS: ...}
     */
    public static String verdict(LadderReport report) {
        Optional<RungResult> broken = report.firstBroken();
        if (broken.isPresent()) {
            return "BROKEN AT " + broken.get().rung().label().toUpperCase(Locale.ROOT) + ": "
                    + broken.get().diagnosis();
        }
        Optional<RungResult> unknown = report.rungs().stream().filter(r -> r.status() == RungStatus.UNKNOWN)
                .findFirst();
        if (unknown.isPresent()) {
            return "CANNOT TELL AT " + unknown.get().rung().label().toUpperCase(Locale.ROOT) + ": "
                    + unknown.get().diagnosis();
        }
        long skipped = report.rungs().stream().filter(r -> r.status() == RungStatus.SKIPPED).count();
        return "LADDER HOLDS: no rung is broken" + (skipped == 0 ? "" : " (" + skipped + " skipped)");
    }

    /**
     * Prints {@code {"format", "broken": rung or null, "diagnosis": text or null, "rungs": [{"rung", "question",
     * "status", "evidence", "details": [], "diagnosis", "facts": {}}]}}. {@code facts} per rung: source {@code head},
     * {@code dirty}, {@code buildCommit}, {@code routes}; artifact {@code commit}, {@code routes}, {@code missing},
     * {@code extra}; runtime {@code commit}, {@code routes}, {@code missing}; route and auth {@code base},
     * {@code results} (the objects of {@code runtruth probe --json}), auth {@code credentials} (header names and
     * sources, never values).
     *
     * @param report the walked ladder
     * @param out    where to print; flushed
     */
    public static void printJson(LadderReport report, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", JSON_FORMAT);
        Optional<RungResult> broken = report.firstBroken();
        root.put("broken", broken.map(r -> r.rung().label()).orElse(null));
        root.put("diagnosis", broken.map(RungResult::diagnosis).orElse(null));
        var rungs = root.putArray("rungs");
        for (RungResult r : report.rungs()) {
            ObjectNode node = rungs.addObject();
            node.put("rung", r.rung().label());
            node.put("question", r.rung().question());
            node.put("status", r.status().name().toLowerCase(Locale.ROOT));
            node.put("evidence", r.evidence());
            r.details().forEach(node.putArray("details")::add);
            if (r.details().isEmpty()) {
                node.putArray("details");
            }
            node.put("diagnosis", r.diagnosis());
            node.set("facts", MAPPER.valueToTree(r.facts()));
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static String status(RungResult r) {
        return r.status() == RungStatus.NOT_CHECKED ? "-" : r.status().name();
    }
}

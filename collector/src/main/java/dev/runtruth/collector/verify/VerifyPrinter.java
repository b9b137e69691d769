package dev.runtruth.collector.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtruth.collector.TextTable;
import dev.runtruth.collector.cli.ExitCodes;
import dev.runtruth.collector.drift.DriftReport;
import dev.runtruth.collector.drift.DriftReportPrinter;
import dev.runtruth.model.Route;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code verify} prints: one progress line per poll ({@link #progress}), and the final report as text ({@link
 * #print}) or JSON ({@link #printJson}, {@value #JSON_FORMAT}).
 */
final class VerifyPrinter {

    /** The {@code format} field of the JSON report. */
    static final String JSON_FORMAT = "runtruth-verify/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int SHORT_COMMIT = 12;

    /**
     * The verdict of a finished run.
     *
     * @param result   {@code converged}, {@code drift} or {@code cannot_tell}
     * @param exitCode the command's exit code
     * @param line     the last line of the text report
     */
    record Result(String result, int exitCode, String line) {
    }

    private VerifyPrinter() {
    }

    /**
     * @param s       one poll
     * @param elapsed since the first poll started
     * @return e.g. {@code [  12.3s] 1/3 instances on commit 1a2b3c4d5e6f, 1/3 converged; 5 routes missing on 2
     *         instances}
     */
    static String progress(FleetStatus s, Duration elapsed) {
        int n = s.instances().size();
        String commit = s.expected().build().commit();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%6.1fs] ", elapsed.toMillis() / 1000.0));
        if (commit == null || commit.isBlank()) {
            line.append(n).append(n == 1 ? " instance" : " instances").append(" (the build names no commit), ");
        } else {
            line.append(s.onExpectedCommit()).append('/').append(n).append(" instances on commit ")
                    .append(shortCommit(commit)).append(", ");
        }
        line.append(s.count(InstanceStatus.State.CONVERGED)).append('/').append(n).append(" converged");
        int missing = s.missingRoutes().size();
        if (missing > 0) {
            line.append("; ").append(plural(missing, "route")).append(" missing on ")
                    .append(plural(s.lackingInstances(), "instance"));
        }
        if (s.unexpectedInstances() > 0) {
            line.append("; unexpected routes on ").append(plural(s.unexpectedInstances(), "instance"));
        }
        if (s.count(InstanceStatus.State.BLIND) > 0) {
            line.append("; ").append(s.count(InstanceStatus.State.BLIND)).append(" blind (agent could not see"
                    + " everything)");
        }
        if (s.count(InstanceStatus.State.UNREADABLE) > 0) {
            line.append("; ").append(s.count(InstanceStatus.State.UNREADABLE)).append(" unreadable");
        }
        if (n < s.minInstances()) {
            line.append("; fewer than --min-instances ").append(s.minInstances());
        }
        if (s.problem() != null) {
            line.append("; ").append(s.problem());
        }
        return line.toString();
    }

    /**
     * @param outcome how the polling ended
     * @param timeout the timeout given
     * @return the verdict: converged ({@link ExitCodes#OK}); when not, {@link ExitCodes#DRIFT} when an instance drifts
     *         for certain, else {@link ExitCodes#CANNOT_TELL} (no instance, too few, unreadable or blind ones)
     */
    static Result result(Verifier.Outcome outcome, Duration timeout) {
        FleetStatus s = outcome.last();
        int n = s.instances().size();
        if (outcome.converged()) {
            String commit = s.expected().build().commit();
            return new Result("converged", ExitCodes.OK, "CONVERGED: " + n + "/" + n + " instances"
                    + (commit == null || commit.isBlank() ? "" : " run commit " + shortCommit(commit) + " and")
                    + " serve all " + plural(s.expected().routes().size(), "expected route") + " ("
                    + seconds(outcome.elapsed()) + ", " + plural(outcome.polls(), "poll") + ")");
        }
        String after = "timed out after " + seconds(timeout) + " (" + plural(outcome.polls(), "poll") + "): ";
        if (s.anyDrift()) {
            return new Result("drift", ExitCodes.DRIFT, "DRIFT: " + after + s.count(InstanceStatus.State.DRIFT) + " of "
                    + plural(n, "instance") + " do not run what the build declares (listed above)");
        }
        List<String> why = new ArrayList<>();
        if (s.problem() != null) {
            why.add(s.problem());
        }
        if (n < Math.max(1, s.minInstances())) {
            why.add(plural(n, "instance") + " found, fewer than --min-instances " + Math.max(1, s.minInstances()));
        }
        if (s.count(InstanceStatus.State.UNREADABLE) > 0) {
            why.add(plural(s.count(InstanceStatus.State.UNREADABLE), "instance") + " could not be read");
        }
        if (s.count(InstanceStatus.State.BLIND) > 0) {
            why.add(plural(s.count(InstanceStatus.State.BLIND), "instance") + " whose agent could not see everything");
        }
        return new Result("cannot_tell", ExitCodes.CANNOT_TELL, "CANNOT TELL: " + after + String.join("; ", why));
    }

    /**
     * Prints the final text report: the source, a table of the instances (commit, state, routes lacking), a block per
     * instance that has not converged (its missing and unexpected routes, what its agent could not see, why it could
     * not be read), the ladder's diagnosis when given, and the verdict line.
     */
    static void print(InstanceSource source, FleetStatus s, String ladder, Result result, PrintWriter out) {
        out.println();
        out.println("expected: " + s.expected().source() + " (" + s.expected().build().describe() + ")");
        out.println("observed: " + source.describe() + ", " + plural(s.instances().size(), "instance"));
        if (!s.instances().isEmpty()) {
            TextTable table = new TextTable("INSTANCE", "COMMIT", "STATE", "MISSING", "UNEXPECTED");
            for (InstanceStatus i : s.instances()) {
                DriftReport r = i.report();
                table.row(i.name(), i.commit() == null ? "-" : shortCommit(i.commit()),
                        i.state().name().toLowerCase(Locale.ROOT), r == null ? "-" : Integer.toString(r.missing()
                                .size()), r == null ? "-" : Integer.toString(r.unexpected().size()));
            }
            table.print(out);
        }
        for (InstanceStatus i : s.instances()) {
            if (i.state() == InstanceStatus.State.CONVERGED) {
                continue;
            }
            out.println();
            if (i.report() == null) {
                out.println(i.name() + ": cannot read: " + i.problem());
                continue;
            }
            DriftReport r = i.report();
            out.println(i.name() + ": commit " + commitText(r));
            r.missing().forEach(route -> out.println("  MISSING     " + route));
            r.unexpected().forEach(route -> out.println("  UNEXPECTED  " + route));
            DriftReportPrinter.printNotSeen(r.observed().coverage(), out);
        }
        if (s.problem() != null) {
            out.println();
            out.println("last poll: " + s.problem());
        }
        if (ladder != null) {
            out.println();
            out.println(ladder);
        }
        out.println();
        out.println(result.line());
        out.flush();
    }

    /**
     * Prints {@code {"format", "result": converged|drift|cannot_tell, "exitCode", "message", "elapsedSeconds",
     * "polls", "minInstances", "source", "expected": {source, service, version, commit}, "missingRoutes": [text],
     * "instances": [{"name", "agent", "state": converged|drift|blind|unreadable, "commit", "commitComparison":
     * same|different|unknown, "missing": [text], "unexpected": [text], "notSeen": [text], "problem"}], "ladder"}};
     * absent values are {@code null}.
     */
    static void printJson(InstanceSource source, Verifier.Outcome outcome, String ladder, Result result,
                          PrintWriter out) {
        FleetStatus s = outcome.last();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("result", result.result());
        root.put("exitCode", result.exitCode());
        root.put("message", result.line());
        root.put("elapsedSeconds", outcome.elapsed().toMillis() / 1000.0);
        root.put("polls", outcome.polls());
        root.put("minInstances", s.minInstances());
        root.put("source", source.describe());
        ObjectNode expected = root.putObject("expected");
        expected.put("source", s.expected().source());
        expected.put("service", s.expected().build().service());
        expected.put("version", s.expected().build().version());
        expected.put("commit", s.expected().build().commit());
        routes(root.putArray("missingRoutes"), List.copyOf(s.missingRoutes()));
        ArrayNode instances = root.putArray("instances");
        for (InstanceStatus i : s.instances()) {
            ObjectNode node = instances.addObject();
            node.put("name", i.name());
            node.put("agent", i.agent() == null ? null : i.agent().toString());
            node.put("state", i.state().name().toLowerCase(Locale.ROOT));
            node.put("commit", i.commit());
            DriftReport r = i.report();
            node.put("commitComparison", r == null ? null : r.commit().name().toLowerCase(Locale.ROOT));
            routes(node.putArray("missing"), r == null ? List.of() : r.missing());
            routes(node.putArray("unexpected"), r == null ? List.of() : r.unexpected());
            ArrayNode notSeen = node.putArray("notSeen");
            if (r != null) {
                r.observed().coverage().blindSpots().forEach(notSeen::add);
            }
            node.put("problem", i.problem());
        }
        root.put("problem", s.problem());
        root.put("ladder", ladder);
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e); // a tree of strings always serialises
        }
        out.flush();
    }

    private static void routes(ArrayNode array, List<Route> routes) {
        routes.forEach(r -> array.add(r.toString()));
    }

    private static String commitText(DriftReport r) {
        String running = r.observed().build().commit();
        return switch (r.commit()) {
            case SAME -> running + " (expected)";
            case DIFFERENT -> running + ", expected " + r.expected().build().commit();
            case UNKNOWN -> running == null ? "unknown (the agent names none)" : running
                    + " (the build names no commit)";
        };
    }

    static String shortCommit(String commit) {
        return commit.length() > SHORT_COMMIT ? commit.substring(0, SHORT_COMMIT) : commit;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}

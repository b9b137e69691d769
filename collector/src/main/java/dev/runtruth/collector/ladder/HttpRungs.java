package dev.runtruth.collector.ladder;

import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.collector.probe.ProbeOutcome;
import dev.runtruth.collector.probe.ProbeReportPrinter;
import dev.runtruth.collector.probe.ProbeResult;
import dev.runtruth.collector.probe.ProbeSettings;
import dev.runtruth.collector.probe.Prober;
import dev.runtruth.collector.probe.SecretHeader;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The two rungs that ask the live service ({@link Prober}, safe requests only): the route rung probes every route
 * without credentials; the auth rung probes again, with the credential headers, the routes that answered 401 or 403.
 * Neither requests a route an ignore rule matches ({@link LadderInputs#ignore()}, the same rules as {@code check}) nor
 * a state-dumping management endpoint; a 5xx (present-failing) shows the route is exposed: the rung warns.
 */
final class HttpRungs {

    private final LadderInputs in;
    private final List<Route> routes;
    private final int ignored;
    private final ServicePaths paths;
    private final ObservedRoutes observed;
    private List<ProbeResult> anonymous;

    /**
     * @param in        the inputs (base URL, probe settings and credentials)
     * @param reference the routes the rungs below declare, or {@code null}
     * @param observed  the running process's routes, or {@code null} when the runtime rung was skipped or failed
     */
    HttpRungs(LadderInputs in, ExpectedRoutes reference, ObservedRoutes observed) {
        this.in = in;
        List<Route> all = reference != null ? reference.routes() : observed != null ? observed.routes() : List.of();
        // the same default rules as check, where the build's configuration puts Spring Boot's own routes
        this.paths = reference != null ? reference.paths() : ServicePaths.DEFAULT.under(in.pathPrefix());
        this.routes = Prober.notIgnored(all, in.ignore().apply(paths));
        this.ignored = all.size() - routes.size();
        this.observed = observed;
    }

    RungResult route() throws InterruptedException {
        if (in.base() == null) {
            return RungResult.skipped(Rung.ROUTE, "no --base-url given");
        }
        if (routes.isEmpty()) {
            return RungResult.skipped(Rung.ROUTE, ignored > 0 ? "every route is under an ignore rule"
                    : "no routes to probe: give --expected, --artifact or --agent");
        }
        ProbeSettings settings = in.probe().withHeaders(List.of());
        anonymous = new Prober(settings, paths).probe(in.base(), routes,
                observed == null ? null : observed.completeRoutes());
        Map<String, Object> facts = facts(anonymous);
        facts.put("ignored", ignored);
        String evidence = "GET/HEAD/OPTIONS to " + in.base() + ": " + ProbeReportPrinter.summary(anonymous)
                + ProbeReportPrinter.ignoredText(ignored);
        List<String> details = rows(anonymous, r -> r.outcome() != ProbeOutcome.PRESENT);
        List<ProbeResult> problems = anonymous.stream().filter(r -> r.outcome().isProblem()).toList();
        if (problems.isEmpty()) {
            // a 500 shows the route is exposed, which is what this rung asks; worth knowing, not a break
            boolean failing = anonymous.stream().anyMatch(r -> r.outcome() == ProbeOutcome.PRESENT_FAILING);
            return new RungResult(Rung.ROUTE, failing ? RungStatus.WARN : RungStatus.OK, evidence, details, null,
                    facts);
        }
        return Ladder.broken(Rung.ROUTE, evidence, details, facts, diagnose(problems, anonymous.size(), ""));
    }

    RungResult auth() throws InterruptedException {
        if (in.base() == null || anonymous == null) {
            return RungResult.skipped(Rung.AUTH, in.base() == null ? "no --base-url given" : "no routes probed");
        }
        List<Route> locked = anonymous.stream().filter(r -> r.outcome() == ProbeOutcome.PROTECTED)
                .map(ProbeResult::route).toList();
        if (locked.isEmpty()) {
            return new RungResult(Rung.AUTH, RungStatus.OK, "no route answered 401 or 403: none requires"
                    + " authentication", List.of(), null, Map.of());
        }
        List<SecretHeader> credentials = in.probe().headers();
        if (credentials.isEmpty()) {
            return new RungResult(Rung.AUTH, RungStatus.SKIPPED, Ladder.count(locked) + " answer 401/403 without"
                    + " credentials; give --header NAME=env:VARIABLE to check them with credentials", List.of(),
                    null, Map.of("protected", locked.stream().map(Route::toString).toList()));
        }
        List<ProbeResult> signedIn = new Prober(in.probe(), paths).probe(in.base(), locked,
                observed == null ? null : observed.completeRoutes());
        Map<String, Object> facts = facts(signedIn);
        String with = credentials.stream().map(SecretHeader::toString).collect(Collectors.joining(", "));
        facts.put("credentials", with); // header names and where the values come from, never the values
        String evidence = "with " + with + ": " + ProbeReportPrinter.summary(signedIn);
        List<String> details = new ArrayList<>();
        for (ProbeResult after : signedIn) {
            ProbeResult before = anonymous.stream().filter(r -> r.route().equals(after.route())).findFirst()
                    .orElseThrow();
            String asked = after.request().equals(after.route().toString()) ? "" : " (asked with " + after.request()
                    + ")";
            details.add(after.route() + asked + ": " + status(before) + " without credentials, " + status(after)
                    + " with them (" + after.outcome().label() + ")");
        }
        List<ProbeResult> refused = signedIn.stream().filter(r -> r.outcome() == ProbeOutcome.PROTECTED).toList();
        if (!refused.isEmpty()) {
            ProbeResult first = refused.get(0);
            String diagnosis = first.status() == 403
                    ? "authenticated, but forbidden (403) on " + first.route() + ": the account lacks a role or"
                            + " permission the route needs"
                    : "the credentials (" + with + ") are refused: " + status(first) + " with them on "
                            + first.route() + "; check the user and password or the token";
            return Ladder.broken(Rung.AUTH, evidence, details, facts, diagnosis);
        }
        List<ProbeResult> problems = signedIn.stream().filter(r -> r.outcome().isProblem()).toList();
        if (!problems.isEmpty()) {
            return Ladder.broken(Rung.AUTH, evidence, details, facts,
                    diagnose(problems, signedIn.size(), "after authentication, "));
        }
        return new RungResult(Rung.AUTH, RungStatus.OK, evidence, details, null, facts);
    }

    private String diagnose(List<ProbeResult> problems, int total, String when) {
        ProbeResult first = problems.get(0);
        String example = first.route() + " (" + first.request() + " -> " + status(first) + ")";
        long unreachable = problems.stream().filter(r -> r.outcome() == ProbeOutcome.UNREACHABLE).count();
        if (unreachable == total) {
            return "nothing answers at " + in.base() + " (" + first.evidence() + "): a wrong URL, or the service's"
                    + " port is not published or not routed";
        }
        String lead = when + Ladder.count(problems) + " of " + total + " do not answer as present, first "
                + example + ": ";
        return lead + switch (first.outcome()) {
            case ABSENT -> "the framework answers 404 although the running process has the rest; is " + in.base()
                    + " the same deployment as the agent? Check the proxy or ingress routes and the context path"
                    + " (--path-prefix)";
            case NOT_FOUND -> "the service at " + in.base() + " does not serve it: a stale deployment behind that"
                    + " URL, or a proxy that does not route it (give --agent to tell an application's own 404)";
            case METHOD_MISMATCH -> "the path exists, not with this method: a changed mapping, or a proxy that"
                    + " restricts methods";
            case UNREACHABLE -> "no answer (" + first.evidence() + "): the service is overloaded or restarting";
            default -> first.evidence();
        };
    }

    private static List<String> rows(List<ProbeResult> results, Predicate<ProbeResult> shown) {
        List<String> lines = new ArrayList<>();
        for (ProbeResult r : results) {
            if (shown.test(r)) {
                lines.add(String.format("%-15s %s -> %s%s", r.outcome().label(), r.request(), status(r),
                        r.evidence().isEmpty() ? "" : "  (" + r.evidence() + ")")
                        + (r.request().equals(r.route().toString()) ? "" : "  for " + r.route()));
            }
        }
        return lines;
    }

    private static String status(ProbeResult r) {
        return r.status() < 0 ? "no answer" : Integer.toString(r.status());
    }

    private Map<String, Object> facts(List<ProbeResult> results) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("base", in.base().toString());
        facts.put("results", ProbeReportPrinter.toJson(results));
        return facts;
    }
}

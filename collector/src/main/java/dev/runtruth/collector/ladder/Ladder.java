package dev.runtruth.collector.ladder;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.drift.CommitComparison;
import dev.runtruth.collector.drift.RouteDifference;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.ExpectedSource;
import dev.runtruth.collector.observed.AgentScraper;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the ladder source, artifact, runtime, route, auth for one service and stops at the first broken rung (unless
 * {@link LadderInputs#walkAll()}). Each rung compares its routes with the nearest rung below that has routes: the
 * artifact with the source, the running process with the artifact (or the source), and the route and auth rungs probe
 * those routes at the service's URL ({@link HttpRungs}).
 */
public final class Ladder {

    private final LadderInputs in;
    private GitHead head;
    private ExpectedRoutes source;
    private ArtifactRoutes artifact;
    private ObservedRoutes observed;
    private InputException scrapeError;
    private HttpRungs http;

    private Ladder(LadderInputs inputs) {
        this.in = inputs;
    }

    /**
     * @param inputs what to walk with
     * @return one result per rung
     * @throws InputException when a given input cannot be read at all (a missing file, a corrupt jar or image, a
     *                        directory that is not a git checkout); an agent or service that does not answer is a
     *                        broken rung, not an input error
     */
    public static LadderReport walk(LadderInputs inputs) throws InputException, InterruptedException {
        return new Ladder(inputs).run();
    }

    private LadderReport run() throws InputException, InterruptedException {
        List<RungResult> results = new ArrayList<>();
        boolean broken = false;
        for (Rung rung : Rung.values()) {
            if (broken && !in.walkAll()) {
                results.add(RungResult.notChecked(rung));
                continue;
            }
            RungResult result = switch (rung) {
                case SOURCE -> source();
                case ARTIFACT -> artifact();
                case RUNTIME -> runtime();
                case ROUTE -> http().route();
                case AUTH -> http().auth();
            };
            results.add(result);
            broken |= result.status() == RungStatus.BROKEN;
        }
        return new LadderReport(results);
    }

    private HttpRungs http() {
        if (http == null) {
            http = new HttpRungs(in, reference(), observed);
        }
        return http;
    }

    private RungResult source() throws InputException {
        if (in.repo() == null && in.expected() == null) {
            return RungResult.skipped(Rung.SOURCE, "no --repo or --expected given");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        head = in.repo() == null ? null : GitHead.of(in.repo());
        if (head != null) {
            facts.put("head", head.commit());
            facts.put("dirty", head.dirty());
        }
        String headText = head == null ? "" : "HEAD " + shortId(head.commit()) + (head.dirty()
                ? " (uncommitted changes)" : "") + "; ";
        if (in.expected() == null) {
            String evidence = headText + "no build output given (--expected): the source's routes are not read";
            if (head != null && in.artifact() == null && in.agent() != null) {
                // nothing between the checkout and the process: compare HEAD with what runs here
                String running = runningCommit();
                facts.put("runningCommit", running);
                if (CommitComparison.of(head.commit(), running).isDrift()) {
                    return broken(Rung.SOURCE, evidence + "; the service runs commit " + shortId(running), List.of(),
                            facts, "HEAD " + shortId(head.commit()) + " of " + in.repo() + " is not the commit the"
                                    + " service runs (" + shortId(running) + "): --repo is another repository or"
                                    + " checkout, or the deployment is stale; check out " + shortId(running)
                                    + " (or give --expected, its build output) to tell which");
                }
            }
            return new RungResult(Rung.SOURCE, RungStatus.WARN, evidence, List.of(), null, facts);
        }
        source = prefixed(ExpectedSource.load(in.expected(), in.profiles()).routes());
        String built = source.build().commit();
        facts.put("buildOutput", in.expected().toString());
        facts.put("buildCommit", built);
        facts.put("routes", source.routes().size());
        String evidence = headText + "build output " + in.expected().getFileName() + " from commit "
                + shortOrUnknown(built) + ": " + source.routes().size() + " routes";
        if (source.routes().isEmpty()) {
            // a build whose routes all come from libraries (Spring Boot Admin's server) or are built in code declares
            // none Runtruth can read: nothing to compare with, which is not a broken rung (a path that is no build
            // output at all was refused by ExpectedSource already)
            return new RungResult(Rung.SOURCE, RungStatus.UNKNOWN, evidence, source.notes(), "the build output"
                    + " declares no route Runtruth can read from its own classes (routes from libraries or built"
                    + " in code are not read, see runtruth expected); compare with the agent's routes instead: drop"
                    + " --expected", facts);
        }
        if (head != null) {
            CommitComparison same = CommitComparison.of(head.commit(), built);
            if (same.isDrift()) {
                return broken(Rung.SOURCE, evidence, List.of(), facts, "the build output was built from commit "
                        + shortId(built) + ", not from HEAD " + shortId(head.commit()) + ": rebuild it (e.g. ./mvnw"
                        + " package) so the ladder starts from the source you have");
            }
            if (same == CommitComparison.UNKNOWN || head.dirty()) {
                return new RungResult(Rung.SOURCE, RungStatus.WARN, evidence + (same == CommitComparison.UNKNOWN
                        ? " (the build output does not say its commit: no git.properties)" : ""), List.of(), null,
                        facts);
            }
        }
        return new RungResult(Rung.SOURCE, RungStatus.OK, evidence, List.of(), null, facts);
    }

    private RungResult artifact() throws InputException {
        if (in.artifact() == null) {
            return RungResult.skipped(Rung.ARTIFACT, "no --artifact given");
        }
        artifact = ArtifactRoutes.load(in.artifact());
        ExpectedRoutes routes = prefixed(artifact.routes());
        artifact = new ArtifactRoutes(artifact.display(), artifact.description(), routes);
        String commit = routes.build().commit();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("artifact", artifact.display());
        facts.put("kind", artifact.description());
        facts.put("commit", commit);
        facts.put("routes", routes.routes().size());
        String evidence = artifact.description() + ", commit " + shortOrUnknown(commit) + ": "
                + routes.routes().size() + " routes";
        if (source == null) {
            if (routes.routes().isEmpty()) {
                return broken(Rung.ARTIFACT, evidence, List.of(), facts, "the artifact declares no routes");
            }
            if (head != null && CommitComparison.of(head.commit(), commit).isDrift()) {
                return broken(Rung.ARTIFACT, evidence + "; HEAD is " + shortId(head.commit()), List.of(), facts,
                        "the artifact was built from commit " + shortId(commit) + ", not from HEAD "
                                + shortId(head.commit()) + ": rebuild the artifact (and its image) from the source");
            }
            return new RungResult(Rung.ARTIFACT, RungStatus.OK, evidence, List.of(), null, facts);
        }
        List<Route> missing = RouteDifference.notDeclared(source.routes(), routes.routes());
        List<Route> extra = RouteDifference.notDeclared(routes.routes(), source.routes());
        facts.put("missing", texts(missing));
        facts.put("extra", texts(extra));
        CommitComparison same = CommitComparison.of(source.build().commit(), commit);
        if (!missing.isEmpty()) {
            return broken(Rung.ARTIFACT, evidence + ", " + missing.size() + " missing", lines("MISSING", missing),
                    facts, "the artifact lacks " + count(missing) + " that the source declares: it was built from "
                            + (commit == null ? "an unknown commit" : "commit " + shortId(commit)) + ", not from "
                            + shortOrUnknown(source.build().commit()) + "; rebuild the artifact (and its image)"
                            + " from the source");
        }
        if (same.isDrift()) {
            return broken(Rung.ARTIFACT, evidence + "; built from another commit than the source's "
                    + shortId(source.build().commit()), lines("EXTRA", extra), facts, "the artifact was built from"
                    + " commit " + shortId(commit) + ", the source's build output from " + shortId(source.build()
                    .commit()) + " (a commit difference is drift, as in check): rebuild the artifact (and its"
                    + " image) from the source");
        }
        if (!extra.isEmpty()) {
            return new RungResult(Rung.ARTIFACT, RungStatus.WARN, evidence + "; " + extra.size()
                    + " routes the source does not declare", lines("EXTRA", extra), null, facts);
        }
        return new RungResult(Rung.ARTIFACT, RungStatus.OK, evidence + ", all " + source.routes().size()
                + " routes of the source", List.of(), null, facts);
    }

    private RungResult runtime() throws InputException {
        if (in.agent() == null) {
            return RungResult.skipped(Rung.RUNTIME, "no --agent or --pid given");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("agent", in.agent().toString());
        scrape();
        if (observed == null) {
            return broken(Rung.RUNTIME, "no route list from the agent: " + scrapeError.getMessage(), List.of(),
                    facts, "cannot see inside the running process: it is down, or the agent is not attached to it"
                            + " (add -javaagent:runtruth-agent.jar), or --agent names the wrong port");
        }
        BuildIdentity running = observed.build();
        facts.put("commit", running.commit());
        facts.put("routes", observed.routes().size());
        String evidence = "agent: commit " + shortOrUnknown(running.commit()) + ", " + observed.routes().size()
                + " routes served";
        ExpectedRoutes reference = reference();
        if (reference == null) {
            return new RungResult(Rung.RUNTIME, RungStatus.OK, evidence, List.of(), null, facts);
        }
        String below = artifact != null ? "the artifact" : "the source";
        String belowCommit = reference.build().commit();
        String commitOf = below;
        if (belowCommit == null && head != null) {
            commitOf = "HEAD"; // the build below does not say its commit: the checkout's is the next best
            belowCommit = head.commit();
        }
        List<Route> missing = RouteDifference.notServed(reference.routes(), observed.routes());
        facts.put("missing", texts(missing));
        List<String> notSeen = observed.coverage().blindSpots();
        facts.put("notSeen", notSeen);
        if (!missing.isEmpty() && !notSeen.isEmpty()) {
            List<String> details = new ArrayList<>(lines("MISSING", missing));
            notSeen.forEach(line -> details.add("NOT SEEN  " + line));
            return new RungResult(Rung.RUNTIME, RungStatus.UNKNOWN, evidence + ", " + missing.size() + " routes of "
                    + below + " not seen", details, "cannot tell whether the running process lacks " + count(missing)
                    + ": its agent could not see everything (NOT SEEN above), so they may be served unseen", facts);
        }
        CommitComparison same = CommitComparison.of(belowCommit, running.commit());
        String commits = same.isDrift() ? " (it runs commit " + shortId(running.commit())
                + ", " + commitOf + " is " + shortId(belowCommit) + ")" : "";
        String routesOf = below;
        if (!missing.isEmpty()) {
            return broken(Rung.RUNTIME, evidence + ", " + missing.size() + " routes of " + routesOf + " missing",
                    lines("MISSING", missing), facts, "the running process lacks " + count(missing) + " that "
                            + routesOf + " has" + commits + ": the deployment is stale; rebuild and recreate the"
                            + " container (or restart the service) from " + routesOf);
        }
        if (same.isDrift()) {
            // the same answer as check: a commit difference is drift, even when the routes agree
            return broken(Rung.RUNTIME, evidence + ", all " + reference.routes().size() + " routes of " + routesOf
                    + ", but another commit" + commits, List.of(), facts, "the running process runs another commit"
                    + " than " + commitOf + commits + ": the deployment is stale, or --repo/--expected/--artifact name"
                    + " another build; redeploy from " + routesOf + " or point the ladder at what runs");
        }
        return new RungResult(Rung.RUNTIME, RungStatus.OK, evidence + ", all " + reference.routes().size() + " routes of "
                + below, List.of(), null, facts);
    }

    /** Reads the agent once (the source rung may need the running commit before the runtime rung is walked). */
    private void scrape() {
        if (observed == null && scrapeError == null) {
            try {
                observed = new AgentScraper(in.probe().timeout()).scrape(in.agent());
            } catch (InputException e) {
                scrapeError = e;
            }
        }
    }

    /** @return the running commit, or {@code null} when the agent does not answer or does not say */
    private String runningCommit() {
        scrape();
        return observed == null ? null : observed.build().commit();
    }

    /** @return the routes the upper rungs are held against: the artifact's, else the source's, else none */
    private ExpectedRoutes reference() {
        return artifact != null ? artifact.routes() : source;
    }

    private ExpectedRoutes prefixed(ExpectedRoutes routes) {
        return in.pathPrefix() == null ? routes : routes.withPathPrefix(in.pathPrefix());
    }

    static RungResult broken(Rung rung, String evidence, List<String> details, Map<String, Object> facts,
                             String diagnosis) {
        return new RungResult(rung, RungStatus.BROKEN, evidence, details, diagnosis, facts);
    }

    private static List<String> texts(List<Route> routes) {
        return routes.stream().map(Route::toString).toList();
    }

    private static List<String> lines(String label, List<Route> routes) {
        return routes.stream().map(r -> label + "  " + r).toList();
    }

    static String count(List<?> routes) {
        return routes.size() + (routes.size() == 1 ? " route" : " routes");
    }

    static String shortId(String commit) {
        return commit == null ? "unknown" : commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    private static String shortOrUnknown(String commit) {
        return commit == null ? "unknown" : shortId(commit);
    }
}

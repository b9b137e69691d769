package dev.runtruth.collector.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.expected.LibraryClasses;
import dev.runtruth.collector.observed.Coverage;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.FrameworkState;
import dev.runtruth.model.Route;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matching, commit comparison and both printed forms of the report. */
class DriftComparatorTest {

    private static final String FULL = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final String OTHER = "0123456789abcdef0123456789abcdef01234567";

    @ParameterizedTest
    @CsvSource(value = {
        FULL + "," + FULL + ",SAME",
        "4b825dc," + FULL + ",SAME",
        FULL + ",4B825DC642,SAME",
        "4b82," + FULL + ",DIFFERENT",
        OTHER + "," + FULL + ",DIFFERENT",
        "," + FULL + ",UNKNOWN",
        FULL + ",,UNKNOWN",
        ",,UNKNOWN",
    })
    void commitComparison(String expected, String running, CommitComparison comparison) {
        assertThat(CommitComparison.of(expected, running)).isEqualTo(comparison);
    }

    @Test
    void reportsMissingUnexpectedAndIgnoredRoutes() {
        ExpectedRoutes expected = expected(FULL,
                "GET /owners/{ownerId} a.Owners#show", "POST /owners a.Owners#create", "* /files/{name} a.Files#get",
                "GET /error a.MyErrors#error");
        ObservedRoutes observed = observed(OTHER,
                "GET /owners/{id} a.Owners#show", "GET /files/{name} a.Files#get", "GET /legacy a.Legacy#old",
                "GET /error o.s.b.BasicErrorController#error", "GET /actuator/health x#y", "* /** resources#handle");

        DriftReport report = DriftComparator.compare(expected, observed, IgnoreRules.defaults());

        assertThat(report.missing()).extracting(Route::toString).containsExactly("* /files/{name}", "POST /owners");
        assertThat(report.missing()).extracting(Route::handler).containsExactly("a.Files#get", "a.Owners#create");
        // a declared route without a method condition answers GET too: the served GET is declared, the * is missing
        assertThat(report.unexpected()).extracting(Route::toString).containsExactly("GET /legacy");
        assertThat(report.ignored()).extracting(Route::toString).containsExactly("* /**", "GET /actuator/health");
        assertThat(report.matched()).isEqualTo(2); // variable names do not matter; /error is declared and served
        assertThat(report.commit()).isEqualTo(CommitComparison.DIFFERENT);
        assertThat(report.hasDrift()).isTrue();
    }

    @Test
    void aRouteServedByALibraryTheBuildShipsIsNotUnexpectedOneTheBuildDoesNotShipIs() {
        ExpectedRoutes own = expected(FULL, "GET /owners a.Owners#list");
        ExpectedRoutes expected = new ExpectedRoutes(own.source(), own.build(), own.routes(), List.of(), List.of(),
                own.paths(), LibraryClasses.of(java.util.Map.of("lib.admin.Instances", "admin-server-3.5.9.jar",
                        "lib.admin.Instances$Events", "admin-server-3.5.9.jar")));
        ObservedRoutes observed = observed(FULL, "GET /owners a.Owners#list",
                "GET /instances lib.admin.Instances#instances(..)", "GET /instances/events lib.admin.Instances$Events#get",
                "GET /legacy lib.old.Legacy#get", "GET /fn/hello a.App$$Lambda/0x1234#handle");

        DriftReport report = DriftComparator.compare(expected, observed, IgnoreRules.defaults());

        assertThat(report.fromLibraries()).extracting(Route::toString)
                .containsExactly("GET /instances", "GET /instances/events");
        assertThat(report.unexpected()).extracting(Route::toString).containsExactly("GET /fn/hello", "GET /legacy");
        assertThat(print(report)).contains("2 served routes come with libraries the build ships (its own classes do"
                + " not declare them; not compared): admin-server-3.5.9.jar (2)");
    }

    @Test
    void oneComparatorForAFleetGivesTheReportsOfSeparateComparisons() {
        ExpectedRoutes expected = expected(FULL, "GET /owners/{ownerId} a.Owners#show", "POST /owners a.Owners#create",
                "* /files/{name} a.Files#get");
        ObservedRoutes full = observed(FULL, "GET /owners/{id} a.Owners#show", "POST /owners a.Owners#create",
                "GET /files/{name} a.Files#get", "GET /legacy a.Legacy#old", "GET /actuator/health x#y");
        // a second instance on the same build shares the first one's route list, as serve's Prometheus reader does
        ObservedRoutes sameList = new ObservedRoutes("other", full.build(), null, full.routes(), List.of(),
                Coverage.none());
        ObservedRoutes partial = observed(OTHER, "GET /owners/{id} a.Owners#show");
        DriftComparator fleet = new DriftComparator(expected, IgnoreRules.defaults());

        for (ObservedRoutes instance : List.of(full, sameList, partial, full)) {
            DriftReport once = DriftComparator.compare(expected, instance, IgnoreRules.defaults());
            DriftReport reused = fleet.compare(instance);
            assertThat(reused.observed()).isSameAs(instance);
            assertThat(print(reused)).isEqualTo(print(once));
            assertThat(reused.matched()).isEqualTo(once.matched());
            assertThat(reused.commit()).isEqualTo(once.commit());
        }
        assertThat(sameList.routes()).isSameAs(full.routes());
        assertThat(fleet.compare(sameList).unexpected()).isSameAs(fleet.compare(full).unexpected());
    }

    @Test
    void sameRoutesAndCommitIsNoDrift() {
        DriftReport report = DriftComparator.compare(expected("4b825dc", "GET /a h#a"),
                observed(FULL, "GET /a h#a", "GET /error x#y"), IgnoreRules.defaults());

        assertThat(report.hasDrift()).isFalse();
        assertThat(print(report)).containsSubsequence(
                "expected: build.jar (service backoffice, version 1.0, commit 4b825dc, branch main)",
                "observed: http://127.0.0.1:1/metrics (service backoffice, commit " + FULL + "; agent 0.1.0)",
                "no missing or unexpected routes",
                "commit: same (" + FULL + ")",
                "NO DRIFT (1 route matches, 1 served route ignored)");
    }

    @Test
    void onlyADifferentCommitIsDrift() {
        DriftReport report = DriftComparator.compare(expected(OTHER, "GET /a h#a"), observed(FULL, "GET /a h#a"),
                IgnoreRules.defaults());

        assertThat(report.hasDrift()).isTrue();
        assertThat(print(report)).contains("commit: DIFFERENT: running " + FULL + ", expected " + OTHER,
                "DRIFT: commit differs (1 route matches, 0 served routes ignored)");
    }

    @Test
    void unknownCommitIsNotDrift() {
        DriftReport report = DriftComparator.compare(expected(null, "GET /a h#a"), observed(FULL, "GET /a h#a"),
                IgnoreRules.defaults());

        assertThat(report.hasDrift()).isFalse();
        assertThat(print(report)).contains("commit: unknown: the build names none (no git.properties), running "
                + FULL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "spring-data-rest failed | spring-data-rest 5.0.0 failed: not read",
        "helidon-se unsupported  | helidon-se 4.1.2 unsupported: not read",
        "javalin partial         | javalin 6.0.0 partial: not read",
        "capture errors          | the agent counted 1 capture error",
        "unknown listener        | the process listens on 0.0.0.0:4567 and no route is known to be served there",
    })
    void aMissingRouteWhileTheAgentIsBlindIsCannotTellNeverNoDriftOrDrift(String blindSpot, String line) {
        Coverage coverage = switch (blindSpot.trim()) {
            case "capture errors" -> new Coverage(List.of(), 1, List.of());
            case "unknown listener" -> new Coverage(List.of(), 0, List.of("0.0.0.0:4567"));
            default -> {
                String[] parts = line.split("[ :]");
                yield new Coverage(List.of(new Coverage.Framework(parts[0], parts[1],
                        FrameworkState.ofLabel(parts[2]), "not read")), 0, List.of());
            }
        };
        DriftReport missing = DriftComparator.compare(expected(FULL, "GET /a h#a", "GET /customers r#list"),
                observed(coverage, FULL, "GET /a h#a"), IgnoreRules.defaults());
        DriftReport complete = DriftComparator.compare(expected(FULL, "GET /a h#a"),
                observed(coverage, FULL, "GET /a h#a"), IgnoreRules.defaults());

        assertThat(missing.verdict()).isEqualTo(Verdict.CANNOT_TELL);
        assertThat(missing.hasDrift()).isFalse();
        assertThat(print(missing)).contains("MISSING  GET     /customers  r#list", "not seen: the agent could not see",
                "  " + line, "CANNOT TELL: the agent could not see everything (1 blind spot above); the 1 missing"
                        + " route may be served unseen (1 route matches, 0 served routes ignored)");
        // nothing missing is still not "no drift": an unseen route could be one the build no longer declares
        assertThat(complete.verdict()).isEqualTo(Verdict.CANNOT_TELL);
    }

    @Test
    void certainDriftStaysDriftWhileTheAgentIsBlind() {
        Coverage blind = new Coverage(List.of(), 2, List.of());
        assertThat(DriftComparator.compare(expected(OTHER, "GET /a h#a"), observed(blind, FULL, "GET /a h#a"),
                IgnoreRules.defaults()).verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(DriftComparator.compare(expected(FULL, "GET /a h#a"),
                observed(blind, FULL, "GET /a h#a", "DELETE /legacy l#d"), IgnoreRules.defaults()).verdict())
                .isEqualTo(Verdict.DRIFT);
    }

    @Test
    void madeUpRoutesAreMissingBesideCatchAlls() {
        // what Quarkus' internal Vert.x handlers and a router.route() handler register (docs/path-templates.md)
        DriftReport report = DriftComparator.compare(
                expected(FULL, "GET /doesnotexist x#a", "PATCH /nothing x#b", "DELETE /orders x#c", "POST /admin x#d"),
                observed(FULL, "* /** io.vertx.ext.web.handler.impl.BodyHandlerImpl", "GET /* q#static",
                        "* /* q#internal"), IgnoreRules.none());

        assertThat(report.missing()).extracting(Route::toString).containsExactlyInAnyOrder("DELETE /orders",
                "GET /doesnotexist",
                "PATCH /nothing", "POST /admin");
        assertThat(report.verdict()).isEqualTo(Verdict.DRIFT);
    }

    @Test
    void printsATableOfMissingAndUnexpectedRows() {
        DriftReport report = DriftComparator.compare(expected(FULL, "GET /owners/{id} a.Owners#show"),
                observed(FULL, "DELETE /legacy a.Legacy#delete"), IgnoreRules.defaults());

        assertThat(print(report)).contains(""
                + "STATUS      METHOD  ROUTE         DECLARED BY / SERVED BY\n"
                + "MISSING     GET     /owners/{id}  a.Owners#show\n"
                + "UNEXPECTED  DELETE  /legacy       a.Legacy#delete\n"
                + "\n"
                + "commit: same (" + FULL + ")\n"
                + "DRIFT: 1 missing, 1 unexpected (0 routes match, 0 served routes ignored)\n");
    }

    @Test
    void jsonReportNamesEverything() throws Exception {
        DriftReport report = DriftComparator.compare(expected(FULL, "GET /owners/{id} a.Owners#show"),
                observed(OTHER, "DELETE /legacy a.Legacy#delete", "GET /error e#e"), IgnoreRules.defaults());
        StringWriter out = new StringWriter();

        DriftReportPrinter.printJson(report, new PrintWriter(out));

        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString());
        assertThat(json.get("format").asText()).isEqualTo("runtruth-drift/1");
        assertThat(json.get("drift").asBoolean()).isTrue();
        assertThat(json.get("commit").asText()).isEqualTo("different");
        assertThat(json.at("/expected/commit").asText()).isEqualTo(FULL);
        assertThat(json.at("/observed/agentVersion").asText()).isEqualTo("0.1.0");
        assertThat(json.at("/missing/0/route").asText()).isEqualTo("/owners/{id}");
        assertThat(json.at("/unexpected/0/handler").asText()).isEqualTo("a.Legacy#delete");
        assertThat(json.at("/ignored/0/route").asText()).isEqualTo("/error");
        assertThat(json.get("ignoreRules")).hasSize(IgnoreRules.DEFAULT_RULES.size());
    }

    private static String print(DriftReport report) {
        StringWriter out = new StringWriter();
        DriftReportPrinter.print(report, new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    private static ExpectedRoutes expected(String commit, String... routes) {
        return new ExpectedRoutes("build.jar", new BuildIdentity("backoffice", "1.0", commit, "main", null),
                routes(routes), List.of());
    }

    private static ObservedRoutes observed(String commit, String... routes) {
        return observed(Coverage.none(), commit, routes);
    }

    private static ObservedRoutes observed(Coverage coverage, String commit, String... routes) {
        return new ObservedRoutes("http://127.0.0.1:1/metrics",
                new BuildIdentity("backoffice", null, commit, null, null), "0.1.0", routes(routes), List.of(),
                coverage);
    }

    /** {@code "METHOD /template handler"} lines. */
    private static List<Route> routes(String... lines) {
        return java.util.Arrays.stream(lines).map(line -> {
            String[] parts = line.split(" ");
            return Route.of(parts[0], parts[1], "spring-webmvc", parts[2]);
        }).toList();
    }
}

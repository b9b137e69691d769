package dev.runtruth.collector.probe;

import dev.runtruth.model.Route;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one HTTP answer as a {@link ProbeOutcome}. The table (also in {@code docs/ladder.md}):
 * <pre>
 * 401, 403                      protected
 * 3xx to a login page           protected   (Location path has login, signin, sso, oauth2/authorization, authorize)
 * 2xx, other 3xx                present     (for an OPTIONS or HEAD stand-in: method-mismatch when an Allow header
 *                                            lists methods and not the route's)
 * 404                           absent when the agent's routes lack the path, app-not-found when they have it,
 *                               not-found without an agent route list
 * 405                           method-mismatch for the route's own method; for a stand-in OPTIONS or HEAD the
 *                               path is mapped: present, unless an Allow header lacks the route's method
 * other 4xx (400, 406, 415...)  present     (a handler rejected the placeholder request)
 * 502, 503, 504                 unreachable (a gateway's or an overloaded service's answer: proves nothing), unless
 *                               the service answered another route itself: then present-failing
 *                               ({@link #withServiceAnswering(List)})
 * other 5xx                     present-failing (the route exists; its handler failed)
 * </pre>
 */
final class ProbeClassifier {

    private static final Pattern LOGIN = Pattern.compile(
            "(?i)(^|/)(login|signin|sign-in|sso|oauth2/authorization|authorize)(/|$)");

    private ProbeClassifier() {
    }

    /**
     * @param route      the expected route
     * @param sent       the method sent
     * @param status     the status received
     * @param allow      the {@code Allow} header, or {@code null}
     * @param location   the {@code Location} header, or {@code null}
     * @param registered whether the running process registered the route's path (agent route list), {@code null}
     *                   when unknown
     * @return the outcome and its evidence
     */
    static ProbeResult classify(Route route, String sent, String path, int status, String allow, String location,
                                Boolean registered) {
        boolean standIn = !sent.equals(route.method()) && !Route.ANY_METHOD.equals(route.method());
        String allowed = allow == null ? "" : "Allow: " + allow;
        if (status == 401 || status == 403) {
            return result(route, sent, path, status, ProbeOutcome.PROTECTED,
                    "the route exists behind authentication");
        }
        if (status >= 300 && status < 400) {
            String target = location == null ? "no Location" : "to " + location + " (not followed)";
            boolean login = location != null && LOGIN.matcher(pathOf(location)).find();
            return result(route, sent, path, status, login ? ProbeOutcome.PROTECTED : ProbeOutcome.PRESENT,
                    (login ? "redirect to a login page " : "redirect ") + target);
        }
        if (status >= 200 && status < 300 || status == 405 && standIn) {
            if (standIn && allow != null && !allows(allow, route.method())) {
                return result(route, sent, path, status, ProbeOutcome.METHOD_MISMATCH,
                        allowed + " lacks " + route.method());
            }
            String why = !standIn ? allowed
                    : allow != null ? allowed
                    : status == 405 ? "the path is mapped for other methods; " + route.method() + " not confirmed"
                    : route.method() + " not confirmed (no Allow header)";
            return result(route, sent, path, status, ProbeOutcome.PRESENT, why);
        }
        if (status == 404) {
            if (registered == null) {
                return result(route, sent, path, status, ProbeOutcome.NOT_FOUND,
                        "absent, or the application's own 404 for the placeholder (give --agent to tell)");
            }
            return registered
                    ? result(route, sent, path, status, ProbeOutcome.APP_NOT_FOUND,
                            "the process registered the route: the application's own 404 for the placeholder")
                    : result(route, sent, path, status, ProbeOutcome.ABSENT,
                            "no handler: the running process did not register the route");
        }
        if (status == 405) {
            return result(route, sent, path, status, ProbeOutcome.METHOD_MISMATCH,
                    allow == null ? "the path is mapped for other methods" : allowed);
        }
        if (status == 502 || status == 503 || status == 504) {
            return result(route, sent, path, status, ProbeOutcome.UNREACHABLE, "a gateway or the service says it is"
                    + " unavailable (" + status + "): the route is not shown to exist");
        }
        if (status >= 500) {
            return result(route, sent, path, status, ProbeOutcome.PRESENT_FAILING,
                    "the route exists and its handler failed; see the service's log");
        }
        return result(route, sent, path, status, ProbeOutcome.PRESENT, "a handler rejected the placeholder request");
    }

    private static ProbeResult result(Route route, String sent, String path, int status, ProbeOutcome outcome,
                                      String evidence) {
        return new ProbeResult(route, sent, path, status, outcome, evidence);
    }

    private static boolean allows(String allow, String method) {
        return Arrays.stream(allow.split(",")).map(m -> m.trim().toUpperCase(Locale.ROOT))
                .anyMatch(m -> m.equals(method));
    }

    private static String pathOf(String location) {
        int scheme = location.indexOf("://");
        String rest = scheme < 0 ? location : location.substring(location.indexOf('/', scheme + 3) < 0
                ? location.length() : location.indexOf('/', scheme + 3));
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    /**
     * A 502, 503 or 504 is "unreachable" on its own: a gateway in front of a stopped service answers that way. But
     * when the same service answered another route with a status of its own (any status but 502/503/504), the service
     * is up, and its 503 for one route comes from that route's handler (Spring Boot Admin answers 503 from
     * {@code /instances/{id}/actuator/**} for an instance it does not know): the route exists and fails, as a 500 does.
     *
     * @param results one probe result per route, as classified one by one
     * @return the same results, in the same order, with such answers {@link ProbeOutcome#PRESENT_FAILING}
     */
    static List<ProbeResult> withServiceAnswering(List<ProbeResult> results) {
        boolean answering = results.stream().anyMatch(r -> r.status() > 0 && !gatewayStatus(r.status()));
        if (!answering) {
            return results;
        }
        return results.stream().map(r -> r.outcome() == ProbeOutcome.UNREACHABLE && gatewayStatus(r.status())
                ? new ProbeResult(r.route(), r.method(), r.path(), r.status(), ProbeOutcome.PRESENT_FAILING,
                        r.status() + " while the service answers other routes: the route's handler failed")
                : r).toList();
    }

    private static boolean gatewayStatus(int status) {
        return status == 502 || status == 503 || status == 504;
    }
}

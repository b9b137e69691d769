package dev.runtruth.agent.coverage;

import dev.runtruth.agent.AgentLog;
import dev.runtruth.agent.discovery.Discovery;
import dev.runtruth.agent.instrument.ConstructorHooks;
import dev.runtruth.agent.instrument.TypeHook;
import dev.runtruth.agent.routes.FrameworkCapture;
import dev.runtruth.agent.routes.RouteRead;
import dev.runtruth.model.FrameworkState;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, after each read of the routes, which web frameworks are present in this JVM and whether the agent could
 * read them ({@link FrameworkState}). A framework is present when one of its landmark classes is loaded: for a
 * capture, the types it hooks; for the others, {@link KnownFrameworks}. The rules, per capture:
 * <ol>
 *   <li>routes read: {@code captured}, or {@code partial} when a failure was recorded during the read;</li>
 *   <li>no routes and a failure recorded: {@code failed};</li>
 *   <li>no routes, no failure, and an object of a hooked type was created or found by hook-free discovery:
 *       {@code captured} (it has no routes yet);</li>
 *   <li>no routes, and a hooked type was loaded but not hooked (hook-free discovery finds it, the agent was attached
 *       after it loaded, or its class loader cannot see the agent) and discovery found no object of it: {@code
 *       failed}, with what the walk did; unless a complete walk (no budget cut, JDK internals readable) made while
 *       the type was loaded and not yet initialised found none and the walk is proven for the type ({@link
 *       Discovery#ruledOut}): then it is not in use, as a hooked type never constructed (a type whose static
 *       initialiser ran had an object made: missing it stays {@code failed});</li>
 *   <li>otherwise (a hooked type loaded and hooked, no object ever created) the framework is not in use: not
 *       reported.</li>
 * </ol>
 * Each framework that is not {@code captured} is named in one warning line, once per state: the line of the failure
 * recorded during the read, or else one logged here saying what could not be read and why. Thread-safe: called
 * from the scrape thread.
 */
public final class CoverageAssessor {

    /** What the assessor asks of the JVM. */
    public interface Jvm {

        /**
         * @param classNames binary class names
         * @return the loaded classes among them, by name (one class per name when several loaders hold one)
         */
        Map<String, Class<?>> loaded(Collection<String> classNames);

        /**
         * @param type          a loaded class
         * @param pomProperties resource names of the {@code pom.properties} that name the framework's version, most
         *                      specific first
         * @return the {@code version} of the first of them the class's loader finds; else the version of the jar the
         *         class came from (the classpath inventory's) unless that jar is the application's own; {@code ""}
         *         when unknown
         */
        String version(Class<?> type, List<String> pomProperties);
    }

    private final Jvm jvm;

    /** @param jvm the JVM's loaded classes and jar versions */
    public CoverageAssessor(Jvm jvm) {
        this.jvm = jvm;
    }

    /**
     * @param read one read of every route source
     * @return the frameworks present, in capture order then {@link KnownFrameworks} order; never throws
     */
    public List<FrameworkCoverage> assess(RouteRead read) {
        Map<String, Class<?>> loaded = jvm.loaded(landmarks(read));
        List<FrameworkCoverage> out = new ArrayList<FrameworkCoverage>();
        // what no earlier line named: a failure recorded during the read, or a type the transformer refused to hook,
        // was logged when it happened (one line per framework, not two)
        List<FrameworkCoverage> unlogged = new ArrayList<FrameworkCoverage>();
        for (RouteRead.Outcome outcome : read.outcomes()) {
            FrameworkCoverage coverage = assess(outcome, loaded);
            if (coverage != null) {
                out.add(coverage);
                if (outcome.failures() == 0 && !refusedHook(outcome.capture())) {
                    unlogged.add(coverage);
                }
            }
            if (outcome.capture().name().equals(KnownFrameworks.SPRING_DATA_REST_PARENT)) {
                FrameworkCoverage sdr = springDataRest(outcome, coverage, loaded);
                if (sdr != null) {
                    out.add(sdr);
                    unlogged.add(sdr);
                }
            }
        }
        for (KnownFrameworks.Known known : KnownFrameworks.UNSUPPORTED) {
            String landmark = first(known.landmarks, loaded);
            if (landmark != null && first(known.unlessLoaded, loaded) == null) {
                String version = jvm.version(loaded.get(landmark), MavenCoordinates.pomProperties(known.name));
                FrameworkCoverage coverage = new FrameworkCoverage(known.name, version, FrameworkState.UNSUPPORTED,
                        "Runtruth does not read " + known.name + " routes (" + landmark + " is loaded): they are not"
                                + " reported");
                out.add(coverage);
                unlogged.add(coverage);
            }
        }
        for (FrameworkCoverage coverage : unlogged) {
            if (coverage.state().blind()) {
                AgentLog.warn("coverage." + coverage.framework() + "." + coverage.state().label(),
                        coverage.framework() + (coverage.version().isEmpty() ? "" : " " + coverage.version()) + " "
                                + coverage.state().label() + ": " + coverage.reason());
            }
        }
        return out;
    }

    /** @return whether the transformer refused to hook one of the capture's types for its class loader (logged) */
    private static boolean refusedHook(FrameworkCapture capture) {
        for (TypeHook hook : capture.hooks()) {
            if (ConstructorHooks.wasRefused(hook.typeName())) {
                return true;
            }
        }
        return false;
    }

    private FrameworkCoverage assess(RouteRead.Outcome outcome, Map<String, Class<?>> loaded) {
        FrameworkCapture capture = outcome.capture();
        Class<?> landmark = null;
        String notHooked = null;
        boolean constructed = false;
        for (TypeHook hook : capture.hooks()) {
            Class<?> type = loaded.get(hook.typeName());
            if (type != null) {
                landmark = landmark == null ? type : landmark;
                // loaded before the agent (or refused): blind unless a complete discovery walk rules objects out
                if (!ConstructorHooks.isHooked(hook.typeName()) && (ConstructorHooks.wasRefused(hook.typeName())
                        || !Discovery.ruledOut(hook.typeName()))) {
                    notHooked = hook.typeName();
                }
            }
            constructed |= ConstructorHooks.wasConstructed(hook.typeName())
                    || ConstructorHooks.wasDiscovered(hook.typeName());
        }
        String name = capture.name();
        String version = landmark == null ? "" : jvm.version(landmark, MavenCoordinates.pomProperties(name));
        if (!outcome.routes().isEmpty()) {
            return outcome.failures() == 0 ? new FrameworkCoverage(name, version, FrameworkState.CAPTURED, "")
                    : new FrameworkCoverage(name, version, FrameworkState.PARTIAL, "routes read, but a part failed"
                            + " and routes may be missing: " + outcome.firstFailure());
        }
        if (outcome.failures() > 0) {
            return new FrameworkCoverage(name, version, FrameworkState.FAILED, "no routes read: "
                    + outcome.firstFailure());
        }
        if (constructed) {
            return new FrameworkCoverage(name, version, FrameworkState.CAPTURED, "");
        }
        if (notHooked != null) {
            return new FrameworkCoverage(name, version, FrameworkState.FAILED, ConstructorHooks.wasRefused(notHooked)
                    ? notHooked + " is loaded by a class loader that cannot see the agent: not hooked, no routes read"
                    : notHooked + " is loaded but not hooked (found by discovery, or loaded before the agent was"
                            + " attached) and discovery found no live object of it" + discovered() + ": no routes read");
        }
        return null;
    }

    private static String discovered() {
        String summary = Discovery.summary();
        return summary.isEmpty() ? " (no walk ran yet)" : " (" + summary + ")";
    }

    private FrameworkCoverage springDataRest(RouteRead.Outcome mvc, FrameworkCoverage mvcCoverage,
            Map<String, Class<?>> loaded) {
        Class<?> landmark = loaded.get(KnownFrameworks.SPRING_DATA_REST_LANDMARK);
        if (landmark == null) {
            return null;
        }
        String version = jvm.version(landmark, MavenCoordinates.pomProperties(KnownFrameworks.SPRING_DATA_REST));
        for (Route route : mvc.routes()) {
            if (route.handler().startsWith(KnownFrameworks.SPRING_DATA_REST_HANDLERS)) {
                return mvcCoverage != null && mvcCoverage.state() == FrameworkState.PARTIAL
                        ? new FrameworkCoverage(KnownFrameworks.SPRING_DATA_REST, version, FrameworkState.PARTIAL,
                                "read through spring-webmvc, which is partial")
                        : new FrameworkCoverage(KnownFrameworks.SPRING_DATA_REST, version, FrameworkState.CAPTURED,
                                "");
            }
        }
        return new FrameworkCoverage(KnownFrameworks.SPRING_DATA_REST, version, FrameworkState.FAILED,
                KnownFrameworks.SPRING_DATA_REST_LANDMARK + " is loaded, but no route handled by "
                        + KnownFrameworks.SPRING_DATA_REST_HANDLERS + "* was read from Spring MVC's handler mappings"
                        + " (its delegating handler mapping not found in this version?)");
    }

    private static Set<String> landmarks(RouteRead read) {
        Set<String> names = new LinkedHashSet<String>();
        for (RouteRead.Outcome outcome : read.outcomes()) {
            for (TypeHook hook : outcome.capture().hooks()) {
                names.add(hook.typeName());
            }
        }
        names.add(KnownFrameworks.SPRING_DATA_REST_LANDMARK);
        for (KnownFrameworks.Known known : KnownFrameworks.UNSUPPORTED) {
            names.addAll(known.landmarks);
            names.addAll(known.unlessLoaded);
        }
        return names;
    }

    /** @return the first of {@code names} that is loaded, {@code null} when none is */
    private static String first(List<String> names, Map<String, Class<?>> loaded) {
        for (String name : names) {
            if (loaded.containsKey(name)) {
                return name;
            }
        }
        return null;
    }
}

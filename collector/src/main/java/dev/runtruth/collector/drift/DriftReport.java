package dev.runtruth.collector.drift;

import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.util.List;

/**
 * The result of comparing expected with observed routes ({@link DriftComparator}).
 *
 * @param expected   what the build declares
 * @param observed   what the running service serves
 * @param missing    expected routes the service does not serve, in route order
 * @param unexpected served routes the build does not declare and no ignore rule covers, in route order
 * @param ignored    served routes the build does not declare that an ignore rule covers, in route order
 * @param fromLibraries served routes the build's own classes do not declare, no ignore rule covers, and whose handler
 *                   class a library of the build ships ({@code expected.LibraryClasses}: Spring Boot Admin's server,
 *                   Eureka's resources): part of the build, neither matched nor unexpected; in route order
 * @param matched    how many expected routes are served
 * @param commit     how the running commit compares with the expected one
 * @param rules      the ignore rules applied
 */
public record DriftReport(ExpectedRoutes expected, ObservedRoutes observed, List<Route> missing,
                          List<Route> unexpected, List<Route> ignored, List<Route> fromLibraries, int matched,
                          CommitComparison commit, IgnoreRules rules) {

    /** Copies the lists. */
    public DriftReport {
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        ignored = List.copyOf(ignored);
        fromLibraries = List.copyOf(fromLibraries);
    }

    /**
     * The verdict: {@link Verdict#DRIFT} for a different commit or an unexpected route that is not a catch-all
     * (certain whatever the agent could not see; an unexpected catch-all such as a framework's dispatcher servlet
     * {@code * /**} is often what stands in for routes the agent could not read), else {@link Verdict#CANNOT_TELL} when the observed side has a blind spot ({@link
     * dev.runtruth.collector.observed.Coverage#blind()}), else {@link Verdict#DRIFT} for a missing route, else
     * {@link Verdict#NO_DRIFT}.
     *
     * @return the verdict
     */
    public Verdict verdict() {
        boolean concreteUnexpected = unexpected.stream().anyMatch(r -> !PathTemplate.isCatchAll(r.template()));
        if (concreteUnexpected || commit.isDrift()) {
            return Verdict.DRIFT;
        }
        if (observed.coverage().blind()) {
            return Verdict.CANNOT_TELL;
        }
        return missing.isEmpty() && unexpected.isEmpty() ? Verdict.NO_DRIFT : Verdict.DRIFT;
    }

    /** @return whether the verdict is {@link Verdict#DRIFT} */
    public boolean hasDrift() {
        return verdict() == Verdict.DRIFT;
    }
}

package dev.runtruth.collector;

import java.util.ArrayList;
import java.util.List;

/**
 * Which build a set of routes belongs to: the service name, its version, the git commit and branch it was built from,
 * and when. The expected side reads it from the build output ({@code git.properties} written by the
 * git-commit-id-maven-plugin, {@code META-INF/build-info.properties} written by Spring Boot's {@code build-info} goal);
 * the observed side reads it from the agent's {@code runtruth_build_info} metric.
 *
 * <p>Every component may be {@code null} when unknown; blank strings are stored as {@code null}.
 *
 * @param service   the service or artifact name, e.g. {@code backoffice}
 * @param version   the build version, e.g. {@code 1.4.0-SNAPSHOT}
 * @param commit    the git commit id, full (40 hex digits) or abbreviated
 * @param branch    the git branch
 * @param buildTime the build time as written by the build, unparsed
 */
public record BuildIdentity(String service, String version, String commit, String branch, String buildTime) {

    /** Stores blank components as {@code null}. */
    public BuildIdentity {
        service = blankToNull(service);
        version = blankToNull(version);
        commit = blankToNull(commit);
        branch = blankToNull(branch);
        buildTime = blankToNull(buildTime);
    }

    /** @return an identity with every component unknown */
    public static BuildIdentity unknown() {
        return new BuildIdentity(null, null, null, null, null);
    }

    /**
     * @param fallback the service name to use when this identity has none
     * @return this identity, or a copy with {@code fallback} as service name
     */
    public BuildIdentity withDefaultService(String fallback) {
        return service != null ? this : new BuildIdentity(fallback, version, commit, branch, buildTime);
    }

    /**
     * @return a short human description such as {@code service backoffice, version 1.2.0, commit 1a2b3c4d5e6f, branch
     *         main}; the commit is always named, as {@code commit unknown} when it is
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (service != null) {
            parts.add("service " + service);
        }
        if (version != null) {
            parts.add("version " + version);
        }
        parts.add("commit " + (commit == null ? "unknown" : commit));
        if (branch != null) {
            parts.add("branch " + branch);
        }
        return String.join(", ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package dev.runtruth.collector.ladder;

import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.collector.probe.ProbeSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the ladder is walked with; every input may be {@code null}, and a rung without its input is skipped.
 *
 * @param repo       a git checkout: HEAD is the source commit (source rung)
 * @param expected   the build output or manifest of the source: the routes the source declares (source rung)
 * @param artifact   the artifact to deploy: jar, war or container image tar (artifact rung)
 * @param agent      the running process's agent metrics URL (runtime rung)
 * @param base       the service's base URL (route and auth rungs)
 * @param pathPrefix prefix for declared routes (context path and servlet path), or {@code null}
 * @param probe      probe limits and placeholders; its headers are the credentials of the auth rung only, the route
 *                   rung probes without them
 * @param walkAll    walk every rung even after a broken one
 * @param ignore     the ignore rules for the service's paths (those of the source's or artifact's configuration, under
 *                   {@code pathPrefix}): the route and auth rungs do not request the routes they match
 * @param profiles   Spring profiles for the configuration of {@code expected} (as {@code check --profile})
 */
public record LadderInputs(Path repo, Path expected, Path artifact, URI agent, URI base, String pathPrefix,
                           ProbeSettings probe, boolean walkAll, Function<ServicePaths, IgnoreRules> ignore,
                           List<String> profiles) {

    /** Copies the profiles. */
    public LadderInputs {
        profiles = List.copyOf(profiles);
    }

    /** Inputs with check's default ignore rules and no others, no profile given. */
    public LadderInputs(Path repo, Path expected, Path artifact, URI agent, URI base, String pathPrefix,
                        ProbeSettings probe, boolean walkAll) {
        this(repo, expected, artifact, agent, base, pathPrefix, probe, walkAll, IgnoreRules::defaults, List.of());
    }
}

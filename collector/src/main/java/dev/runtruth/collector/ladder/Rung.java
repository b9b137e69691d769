package dev.runtruth.collector.ladder;

import java.util.Locale;

/** The rungs of the ladder, bottom first: each asks where the feature got to. */
public enum Rung {
    /** Is it in the source: the repository's HEAD and its build output. */
    SOURCE("is it in the source (HEAD and its build output)?"),
    /** Is it in the artifact to deploy: a jar, war or container image. */
    ARTIFACT("is it in the artifact to deploy?"),
    /** Is it inside the running process: the agent's route list. */
    RUNTIME("is it inside the running process?"),
    /** Is it exposed: what the service's URL answers. */
    ROUTE("is the route exposed at the service's URL?"),
    /** Does it work after authentication: the protected routes with credentials. */
    AUTH("does it answer after authentication?");

    private final String question;

    Rung(String question) {
        this.question = question;
    }

    /** @return the question the rung answers, e.g. {@code is it inside the running process?} */
    public String question() {
        return question;
    }

    /** @return the name as printed and in JSON, e.g. {@code runtime} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

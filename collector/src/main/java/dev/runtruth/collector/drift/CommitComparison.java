package dev.runtruth.collector.drift;

import java.util.Locale;

/** How the commit of the running build compares with the commit of the expected build. */
public enum CommitComparison {

    /** Both known and the same commit (a full id and an abbreviation of it of at least 7 digits count as the same). */
    SAME,

    /** Both known and different: drift. */
    DIFFERENT,

    /** At least one side does not say which commit it is. */
    UNKNOWN;

    /**
     * The one answer to "is this commit difference drift?", for every command ({@code check}'s verdict, each rung of
     * {@code ladder}, {@code serve}): a known, different commit is drift (exit 1); an unknown one is not, by itself.
     *
     * @return whether this comparison alone is drift: {@link #DIFFERENT}
     */
    public boolean isDrift() {
        return this == DIFFERENT;
    }

    /** Shortest abbreviation accepted as naming a commit, git's default {@code core.abbrev}. */
    static final int MIN_ABBREVIATION = 7;

    /**
     * @param expected the expected commit id, full or abbreviated, or {@code null}
     * @param running  the running commit id, full or abbreviated, or {@code null}
     * @return the comparison
     */
    public static CommitComparison of(String expected, String running) {
        if (expected == null || running == null || expected.isBlank() || running.isBlank()) {
            return UNKNOWN;
        }
        String a = expected.trim().toLowerCase(Locale.ROOT);
        String b = running.trim().toLowerCase(Locale.ROOT);
        if (a.equals(b)) {
            return SAME;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_ABBREVIATION && longer.startsWith(shorter) ? SAME : DIFFERENT;
    }
}

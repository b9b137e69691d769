package dev.runtruth.agent.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one discovery walk did: objects descended into per root kind, objects met, what it found, its cost. Immutable. */
public final class WalkResult {

    private final String reason;
    private final Map<String, Integer> phases;
    private final int met;
    private final Map<String, Integer> found;
    private final boolean cut;
    private final boolean limited;
    private final long wallMillis;
    private final long cpuMillis;

    WalkResult(String reason, Map<String, Integer> phases, int met, Map<String, Integer> found, boolean cut,
            boolean limited, long wallMillis, long cpuMillis) {
        this.reason = reason;
        this.phases = Collections.unmodifiableMap(new LinkedHashMap<String, Integer>(phases));
        this.met = met;
        this.found = Collections.unmodifiableMap(new LinkedHashMap<String, Integer>(found));
        this.cut = cut;
        this.limited = limited;
        this.wallMillis = wallMillis;
        this.cpuMillis = cpuMillis;
    }

    /** @return objects descended into, all root kinds together */
    public int expanded() {
        int sum = 0;
        for (Integer n : phases.values()) {
            sum += n;
        }
        return sum;
    }

    /** @return objects met (descended into or only matched) */
    public int met() {
        return met;
    }

    /** @return live objects found per hooked type name (a subclass instance counts for its hooked superclass) */
    public Map<String, Integer> found() {
        return found;
    }

    /** @return whether a budget or the deadline stopped a root kind before its graph was exhausted */
    public boolean cut() {
        return cut;
    }

    /** @return whether every root kind was walked to its end: no budget cut, JDK internals readable */
    public boolean complete() {
        return !cut && !limited;
    }

    /** @return wall time, milliseconds */
    public long wallMillis() {
        return wallMillis;
    }

    /** @return CPU time of the walking thread, milliseconds; -1 when the JVM cannot tell */
    public long cpuMillis() {
        return cpuMillis;
    }

    @Override
    public String toString() {
        return "walk (" + reason + ") descended into " + expanded() + " objects " + phases + ", met " + met + ", in "
                + wallMillis + " ms (" + cpuMillis + " ms CPU)" + (cut ? ", cut short by its budget" : "")
                + (limited ? ", without JDK internals" : "") + "; found " + found;
    }
}

package dev.runtruth.agent.discovery;

import java.util.List;
import java.util.Map;

/**
 * How framework objects are found (agent option {@code discovery}) and the bounds of one discovery walk (options
 * {@code walk_objects}, {@code walk_array}, {@code walk_millis}). Immutable.
 *
 * <p>{@code discovery=on} (the default): the families whose walk an attach IT proves ({@link WalkProven}) are found
 * by walks only, no class transformer; the others keep their constructor hooks when their classes are on the class
 * path. {@code discovery=hooks}: the behaviour before hook-free discovery, for diagnosis: the transformer hooks every
 * family, walks run only after a late attach and at a scrape for a type loaded before its hook. {@code
 * discovery=off}: hooks for every family and no walk at all.
 *
 * <p>Defaults come from the hook-free spike (2026-12-02, 20 apps, JDK 17 and 25): the largest strict graph reachable
 * from all roots together was 79,576 objects, the largest framework array 4,096 non-null entries, a Spring Boot walk
 * 0.1 to 1.6 s wall on a loaded 2-core machine. Each root kind (named anchors, shutdown hooks, threads, statics) gets
 * {@code walk_objects} of its own, because one shared budget is crowded out by the ~1,600 static roots of a Boot app.
 */
public final class WalkBudget {

    /** Default objects expanded per root kind. */
    public static final int DEFAULT_OBJECTS = 50000;
    /** Default non-null entries read per array (a framework's collection of application data is cut there). */
    public static final int DEFAULT_ARRAY = 10000;
    /**
     * Default wall time of one whole walk (all root kinds), milliseconds. Generous: wall time follows the machine's
     * load, not the walk's work (a Boot app's 41,000-object walk took 319 ms of CPU and 12 s of wall time at a load of
     * 19 on 2 cores), and a walk cut short leaves frameworks {@code failed}.
     */
    public static final int DEFAULT_MILLIS = 30000;

    private final boolean enabled;
    private final boolean hookFree;
    private final int objects;
    private final int arrayEntries;
    private final long millis;

    private WalkBudget(boolean enabled, boolean hookFree, int objects, int arrayEntries, long millis) {
        this.enabled = enabled;
        this.hookFree = enabled && hookFree;
        this.objects = objects;
        this.arrayEntries = arrayEntries;
        this.millis = millis;
    }

    /** @return the defaults: on, {@value #DEFAULT_OBJECTS} objects, {@value #DEFAULT_ARRAY} per array, {@value #DEFAULT_MILLIS} ms */
    public static WalkBudget defaults() {
        return new WalkBudget(true, true, DEFAULT_OBJECTS, DEFAULT_ARRAY, DEFAULT_MILLIS);
    }

    /**
     * @param objects      objects expanded per root kind, at least 1
     * @param arrayEntries non-null entries read per array, at least 1
     * @param millis       wall time of one walk, ms, at least 1
     * @return a budget, on (hook-free)
     */
    public static WalkBudget of(int objects, int arrayEntries, long millis) {
        return new WalkBudget(true, true, Math.max(1, objects), Math.max(1, arrayEntries), Math.max(1, millis));
    }

    /**
     * @param values   the resolved agent option values by key (only keys that were given)
     * @param problems receives one message per bad value, naming it
     * @return the budget; a bad value falls back to its default
     */
    public static WalkBudget parse(Map<String, String> values, List<String> problems) {
        boolean enabled = true;
        boolean hookFree = true;
        String discovery = values.get("discovery");
        if (discovery != null) {
            if ("off".equalsIgnoreCase(discovery)) {
                enabled = false;
            } else if ("hooks".equalsIgnoreCase(discovery)) {
                hookFree = false;
            } else if (!"on".equalsIgnoreCase(discovery)) {
                problems.add("discovery='" + discovery + "' is not 'on', 'hooks' or 'off'");
            }
        }
        return new WalkBudget(enabled, hookFree, positive(values, "walk_objects", DEFAULT_OBJECTS, problems),
                positive(values, "walk_array", DEFAULT_ARRAY, problems),
                positive(values, "walk_millis", DEFAULT_MILLIS, problems));
    }

    private static int positive(Map<String, String> values, String key, int fallback, List<String> problems) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + "='" + value + "' is not a number > 0");
        return fallback;
    }

    /** @return whether discovery runs at all ({@code discovery=on}, the default, or {@code hooks}) */
    public boolean enabled() {
        return enabled;
    }

    /**
     * @return whether the {@link WalkProven} families are found by walks only, without a class transformer ({@code
     *         discovery=on}, the default); {@code false} for {@code hooks} and {@code off}
     */
    public boolean hookFree() {
        return hookFree;
    }

    /** @return objects expanded per root kind */
    public int objects() {
        return objects;
    }

    /** @return non-null entries read per array */
    public int arrayEntries() {
        return arrayEntries;
    }

    /** @return wall time of one whole walk, milliseconds */
    public long millis() {
        return millis;
    }

    @Override
    public String toString() {
        return "discovery=" + (hookFree ? "on" : enabled ? "hooks" : "off") + ",walk_objects=" + objects + ",walk_array=" + arrayEntries
                + ",walk_millis=" + millis;
    }
}

package dev.runtruth.collector.serve;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.RouteLists;
import dev.runtruth.collector.observed.Coverage;
import dev.runtruth.collector.observed.ObservedRoutes;
import dev.runtruth.model.InventoryState;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instances of one answer, keyed by their {@code job} and {@code instance} labels, each with the numbers
 * ({@link RouteTable}) of the routes it serves. Instances that serve the same set of routes share one sorted,
 * de-duplicated route list, so a fleet on one build costs one sort, not one per instance; likewise for their coverage
 * ({@link CoverageTable}). Not thread-safe.
 */
final class InstanceTable {

    private record Key(String job, String instance) {
    }

    /** One instance being read. */
    static final class Instance {

        private int[] routes = new int[16];
        private int count;
        private BuildIdentity build = BuildIdentity.unknown();
        private String agentVersion;
        private List<Coverage.Framework> frameworks = List.of();
        private List<String> unknownPorts = List.of();
        private long captureErrors;
        private InventoryState inventory = InventoryState.UNKNOWN;
        private String inventoryReason = "";

        void addRoute(int id) {
            if (count == routes.length) {
                routes = Arrays.copyOf(routes, count * 2);
            }
            routes[count++] = id;
        }

        void build(BuildIdentity identity) {
            build = identity;
        }

        void agentVersion(String version) {
            agentVersion = version;
        }

        void addFramework(Coverage.Framework framework) {
            if (frameworks.isEmpty()) {
                frameworks = new ArrayList<>(2); // most instances have one or two frameworks, many none
            }
            frameworks.add(framework);
        }

        void addUnknownPort(String port) {
            if (unknownPorts.isEmpty()) {
                unknownPorts = new ArrayList<>(2);
            }
            unknownPorts.add(port);
        }

        void inventory(InventoryState state, String reason) {
            inventory = state;
            inventoryReason = reason == null ? "" : reason;
        }

        void addCaptureErrors(long errors) {
            captureErrors += errors;
        }

        private Coverage coverage(CoverageTable table) {
            List<Coverage.Framework> sortedFrameworks = new ArrayList<>(frameworks);
            sortedFrameworks.sort(CoverageTable.ORDER);
            List<String> sortedPorts = new ArrayList<>(unknownPorts);
            sortedPorts.sort(null);
            return table.coverage(sortedFrameworks, captureErrors, sortedPorts, inventory, inventoryReason);
        }

        /** @return the distinct route numbers, ascending */
        private int[] distinctRoutes() {
            int[] sorted = Arrays.copyOf(routes, count);
            Arrays.sort(sorted);
            int n = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[n++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, n);
        }
    }

    /** A set of route numbers as a hash key. */
    private record RouteSet(int[] ids, int hash) {

        RouteSet(int[] ids) {
            this(ids, Arrays.hashCode(ids));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RouteSet other && hash == other.hash && Arrays.equals(ids, other.ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, Instance> instances = new HashMap<>();
    private Key lastKey;
    private Instance last;

    /**
     * @param job      the {@code job} label, empty when absent
     * @param instance the {@code instance} label, empty when absent
     * @return the instance, created on first use
     */
    Instance get(String job, String instance) {
        // series of one instance usually come together: skip the map while the (interned) labels stay the same
        if (last != null && lastKey.job() == job && lastKey.instance() == instance) {
            return last;
        }
        lastKey = new Key(job, instance);
        last = instances.computeIfAbsent(lastKey, k -> new Instance());
        return last;
    }

    /**
     * @param table    the routes the instances' numbers refer to
     * @param coverage where equal coverages are shared
     * @return one entry per instance, source {@code job/instance}, in order of that name; an instance's coverage lists
     *         its frameworks by name and its unknown listeners in string order
     */
    List<ObservedRoutes> toObserved(RouteTable table, CoverageTable coverage) {
        Map<String, Instance> byName = new TreeMap<>();
        instances.forEach((key, instance) -> byName.put(key.job() + "/" + key.instance(), instance));
        Map<RouteSet, List<Route>> shared = new HashMap<>();
        List<ObservedRoutes> list = new ArrayList<>(byName.size());
        byName.forEach((name, instance) -> {
            List<Route> routes = shared.computeIfAbsent(new RouteSet(instance.distinctRoutes()), set -> {
                List<Route> distinct = new ArrayList<>(set.ids().length);
                for (int id : set.ids()) {
                    distinct.add(table.route(id));
                }
                // one route per key: the application listener's wins over a separate listener's (as AgentSamples)
                distinct.sort(java.util.Comparator.comparing(Route::onSeparateListener));
                return RouteLists.sortedUnique(distinct);
            });
            list.add(new ObservedRoutes(name, instance.build, instance.agentVersion, routes, List.of(),
                    instance.coverage(coverage)));
        });
        return list;
    }
}

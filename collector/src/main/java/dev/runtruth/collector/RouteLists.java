package dev.runtruth.collector;

import dev.runtruth.model.Route;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.RandomAccess;

/** The one order in which the collector lists routes: by template, then method, then handler. */
public final class RouteLists {

    /** Orders routes by canonical template, then method, then handler (all lexicographic). */
    public static final Comparator<Route> ORDER = Comparator.comparing(Route::template)
            .thenComparing(Route::method)
            .thenComparing(Route::handler);

    private RouteLists() {
    }

    /**
     * @param routes any routes, possibly with duplicates (same {@linkplain Route#key() key})
     * @return an unmodifiable list in {@link #ORDER}, one route per key (the first given wins); {@code routes} itself
     *         when it is a list this method returned (so a list shared by many instances is sorted once)
     */
    public static List<Route> sortedUnique(Collection<Route> routes) {
        if (routes instanceof SortedUnique sorted) {
            return sorted;
        }
        List<Route> list = new ArrayList<>(new LinkedHashSet<>(routes));
        list.sort(ORDER);
        return new SortedUnique(list.toArray(new Route[0]));
    }

    /** A list {@link #sortedUnique} made: unmodifiable, in {@link #ORDER}, one route per key, no nulls. */
    private static final class SortedUnique extends AbstractList<Route> implements RandomAccess {

        private final Route[] routes;

        SortedUnique(Route[] routes) {
            this.routes = routes;
        }

        @Override
        public Route get(int index) {
            return routes[index];
        }

        @Override
        public int size() {
            return routes.length;
        }
    }
}

package dev.runtruth.collector;

import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

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
     * @return an unmodifiable list in {@link #ORDER}, one route per key (the first given wins)
     */
    public static List<Route> sortedUnique(Collection<Route> routes) {
        List<Route> list = new ArrayList<>(new LinkedHashSet<>(routes));
        list.sort(ORDER);
        return List.copyOf(list);
    }
}

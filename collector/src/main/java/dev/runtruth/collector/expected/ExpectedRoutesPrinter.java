package dev.runtruth.collector.expected;

import dev.runtruth.collector.TextTable;
import dev.runtruth.model.Route;
import java.io.PrintWriter;

/** Prints {@link ExpectedRoutes} as a table for people; {@link RouteManifest} is the form for programs. */
public final class ExpectedRoutesPrinter {

    private ExpectedRoutesPrinter() {
    }

    /**
     * Prints a header line naming the input and its build ({@code # <source> (service ..., commit ...)}), then a
     * table with the columns {@code METHOD}, {@code ROUTE}, {@code DECLARED BY}, then a count line.
     *
     * @param routes the routes
     * @param out    where to print; flushed, not closed
     */
    public static void print(ExpectedRoutes routes, PrintWriter out) {
        out.println("# " + routes.source() + " (" + routes.build().describe() + ")");
        TextTable table = new TextTable("METHOD", "ROUTE", "DECLARED BY");
        for (Route route : routes.routes()) {
            table.row(route.method(), route.template(), route.handler());
        }
        table.print(out);
        out.println("# " + routes.routes().size() + " route" + (routes.routes().size() == 1 ? "" : "s"));
        out.flush();
    }
}

package dev.runtruth.collector.drift;

import dev.runtruth.collector.TextTable;
import dev.runtruth.collector.expected.ExpectedSource;
import dev.runtruth.collector.expected.ExpectedSources;
import java.io.PrintWriter;

/**
 * Prints a {@link SourceAgreement} for people, before the drift report when {@code check} or {@code expected} got
 * several {@code --expected} inputs:
 * <pre>
 * expected sources:
 *   code      target/app.jar (12 routes)
 *   spec      src/main/resources/openapi.yaml (11 routes)
 *
 * METHOD  ROUTE                 DECLARED IN  DECLARED BY
 * GET     /api/v1/orders        code, spec   a.OrderController#list; openapi.yaml#listOrders
 *
 * DOCUMENTED, NOT IMPLEMENTED: 1 operation the spec documents and no code declares
 * METHOD  ROUTE                 DECLARED BY
 * GET     /api/v1/refunds       openapi.yaml#listRefunds
 * </pre>
 */
public final class SourceAgreementPrinter {

    private SourceAgreementPrinter() {
    }

    /**
     * @param sources   the inputs
     * @param agreement their agreement
     * @param out       where to print; flushed, not closed
     */
    public static void print(ExpectedSources sources, SourceAgreement agreement, PrintWriter out) {
        out.println("expected sources:");
        for (ExpectedSource source : sources.sources()) {
            out.printf("  %-9s %s (%d routes)%n", source.kind().label(), source.routes().source(),
                    source.routes().routes().size());
        }
        out.println();
        TextTable table = new TextTable("METHOD", "ROUTE", "DECLARED IN", "DECLARED BY");
        for (SourceAgreement.Row row : agreement.rows()) {
            table.row(row.route().method(), row.route().template(), String.join(", ", row.declared()),
                    row.route().handler());
        }
        table.print(out);
        if (!agreement.documentedNotImplemented().isEmpty()) {
            out.println();
            int n = agreement.documentedNotImplemented().size();
            out.println("DOCUMENTED, NOT IMPLEMENTED: " + n + " operation" + (n == 1 ? "" : "s")
                    + " the spec documents and no code declares");
            TextTable missing = new TextTable("METHOD", "ROUTE", "DECLARED BY");
            agreement.documentedNotImplemented().forEach(r -> missing.row(r.method(), r.template(), r.handler()));
            missing.print(out);
        }
        out.println();
        out.flush();
    }
}

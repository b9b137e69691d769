package dev.runtruth.collector;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with left-aligned columns separated by two spaces, as the collector prints route lists. The last
 * column is not padded, so lines carry no trailing blanks. Used by the printers of more than one package; not meant
 * for other callers.
 */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    /** @param header the column titles, e.g. {@code METHOD}, {@code ROUTE}, {@code DECLARED BY} */
    public TextTable(String... header) {
        rows.add(header.clone());
    }

    /**
     * @param cells one value per column; {@code null} prints as empty
     * @return this table
     */
    public TextTable row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    /**
     * Prints the header and the rows, one line each.
     *
     * @param out where to print; not flushed
     */
    public void print(PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns && i < row.length; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = cell(row, i);
                line.append(cell);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String cell(String[] row, int i) {
        return i < row.length && row[i] != null ? row[i] : "";
    }
}

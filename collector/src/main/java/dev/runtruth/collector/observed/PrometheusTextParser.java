package dev.runtruth.collector.observed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition formats: the Prometheus text format 0.0.4 and OpenMetrics 1.0
 * text ({@link ExpositionFormat}). It returns samples only; metadata lines are checked and dropped.
 *
 * <p>Checked in both formats: metric and label name syntax; label values in double quotes with only the escapes
 * {@code \\}, {@code \"} and {@code \n}; no label twice in one sample; a number or {@code NaN}/{@code +Inf}/{@code
 * -Inf} as value; an integer (0.0.4) or number (OpenMetrics) as timestamp; at most one {@code TYPE} and one {@code
 * HELP} per metric, before its first sample; known metric types. OpenMetrics adds: single spaces, no blank lines,
 * comments only {@code # HELP}, {@code # TYPE}, {@code # UNIT}, exemplars after {@code " # "}, and a final {@code
 * # EOF} with nothing after it. Prometheus 3's quoted UTF-8 metric names are not accepted.
 */
final class PrometheusTextParser {

    /** One sample line: metric name, labels in written order, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** The text is not in the expected format; {@link #line()} is 1-based. */
    static final class ParseException extends Exception {

        private static final long serialVersionUID = 1L;
        private final int line;

        ParseException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Set<String> TEXT_TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final Set<String> OPENMETRICS_TYPES = Set.of("counter", "gauge", "histogram", "gaugehistogram",
            "stateset", "info", "summary", "unknown");
    private static final List<String> TEXT_SUFFIXES = List.of("_bucket", "_count", "_sum");
    private static final List<String> OPENMETRICS_SUFFIXES = List.of("_total", "_created", "_bucket", "_count", "_sum",
            "_gcount", "_gsum", "_info");

    private final boolean openMetrics;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> declaredTypes = new HashMap<>();
    private final Set<String> described = new HashSet<>();
    private final Set<String> units = new HashSet<>();
    private final Set<String> familiesWithSamples = new HashSet<>();

    private PrometheusTextParser(ExpositionFormat format) {
        this.openMetrics = format == ExpositionFormat.OPENMETRICS_1_0;
    }

    /**
     * Parses a whole exposition.
     *
     * @param text   the response body
     * @param format the format to hold it to
     * @return the samples in order
     * @throws ParseException at the first line that breaks the format, naming the line and the problem
     */
    static List<Sample> parse(String text, ExpositionFormat format) throws ParseException {
        return new PrometheusTextParser(format).parseAll(text);
    }

    private List<Sample> parseAll(String text) throws ParseException {
        String[] lines = text.split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--; // the newline that ends the last line
        }
        boolean eof = false;
        for (int i = 0; i < count; i++) {
            int number = i + 1;
            String line = lines[i];
            if (eof) {
                throw new ParseException(number, "content after '# EOF'");
            }
            if (line.indexOf('\r') >= 0) {
                throw new ParseException(number, "carriage return in line (lines must end with \\n only)");
            }
            if (openMetrics) {
                if (line.equals("# EOF")) {
                    eof = true;
                } else if (line.startsWith("#")) {
                    openMetricsDescriptor(line, number);
                } else if (line.isEmpty()) {
                    throw new ParseException(number, "empty line (not allowed in OpenMetrics)");
                } else {
                    sample(line, number);
                }
            } else {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("#")) {
                    textComment(trimmed, number);
                } else {
                    sample(trimmed, number);
                }
            }
        }
        if (openMetrics && !eof) {
            throw new ParseException(Math.max(count, 1), "missing '# EOF' at the end (required by OpenMetrics)");
        }
        return List.copyOf(samples);
    }

    /** Text format: {@code # HELP name text}, {@code # TYPE name type}, any other comment is ignored. */
    private void textComment(String line, int number) throws ParseException {
        String[] tokens = line.substring(1).strip().split("[ \t]+", 3);
        if (tokens.length == 0 || !tokens[0].equals("HELP") && !tokens[0].equals("TYPE")) {
            return;
        }
        if (tokens.length < 2 || !METRIC_NAME.matcher(tokens[1]).matches()) {
            throw new ParseException(number, "# " + tokens[0] + " without a valid metric name");
        }
        if (tokens[0].equals("HELP")) {
            help(tokens[1], tokens.length > 2 ? tokens[2] : "", number);
        } else {
            type(tokens[1], tokens.length > 2 ? tokens[2].strip() : "", TEXT_TYPES, number);
        }
    }

    /** OpenMetrics: {@code # HELP}, {@code # TYPE} and {@code # UNIT} only, single spaces. */
    private void openMetricsDescriptor(String line, int number) throws ParseException {
        String[] tokens = line.split(" ", 4);
        if (tokens.length < 3 || !tokens[0].equals("#")) {
            throw new ParseException(number, "not a metric descriptor ('# HELP', '# TYPE', '# UNIT' or '# EOF')");
        }
        if (!METRIC_NAME.matcher(tokens[2]).matches()) {
            throw new ParseException(number, "invalid metric name '" + tokens[2] + "'");
        }
        String rest = tokens.length > 3 ? tokens[3] : "";
        switch (tokens[1]) {
            case "HELP" -> help(tokens[2], rest, number);
            case "TYPE" -> type(tokens[2], rest, OPENMETRICS_TYPES, number);
            case "UNIT" -> {
                if (!units.add(tokens[2])) {
                    throw new ParseException(number, "second # UNIT for " + tokens[2]);
                }
            }
            default -> throw new ParseException(number, "unknown descriptor '# " + tokens[1] + "'");
        }
    }

    private void help(String name, String text, int number) throws ParseException {
        if (!described.add(name)) {
            throw new ParseException(number, "second # HELP for " + name);
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                if (next != '\\' && next != 'n' && !(openMetrics && next == '"')) {
                    throw new ParseException(number, "invalid escape in # HELP text of " + name);
                }
                i++;
            }
        }
    }

    private void type(String name, String type, Set<String> known, int number) throws ParseException {
        if (!known.contains(type)) {
            throw new ParseException(number, "unknown metric type '" + type + "' for " + name);
        }
        if (declaredTypes.putIfAbsent(name, type) != null) {
            throw new ParseException(number, "second # TYPE for " + name);
        }
        if (familiesWithSamples.contains(name)) {
            throw new ParseException(number, "# TYPE for " + name + " after its samples");
        }
    }

    private void sample(String line, int number) throws ParseException {
        Cursor cursor = new Cursor(line, number);
        String name = cursor.token(METRIC_NAME, "metric name");
        Map<String, String> labels = new LinkedHashMap<>();
        if (!openMetrics) {
            cursor.blanksBefore('{'); // the text format (Go's expfmt) allows blanks between name and label set
        }
        if (cursor.peek() == '{') {
            labels(cursor, labels);
        }
        cursor.separator(openMetrics);
        String rawValue = cursor.word();
        double value = number(rawValue, cursor);
        if (!cursor.atEnd()) {
            cursor.separator(openMetrics);
            if (openMetrics && cursor.peek() == '#') {
                exemplar(cursor);
            } else {
                String timestamp = cursor.word();
                boolean valid = (openMetrics ? NUMBER : INTEGER).matcher(timestamp).matches();
                if (!valid) {
                    throw cursor.error("invalid timestamp '" + timestamp + "'");
                }
                if (!cursor.atEnd()) {
                    cursor.separator(openMetrics);
                    if (openMetrics && cursor.peek() == '#') {
                        exemplar(cursor);
                    } else if (!openMetrics && cursor.atEnd()) {
                        // trailing blanks after the timestamp
                    } else {
                        throw cursor.error("unexpected text after the timestamp");
                    }
                }
            }
        }
        familiesWithSamples.add(family(name));
        samples.add(new Sample(name, Map.copyOf(labels), value));
    }

    /** OpenMetrics exemplar: {@code # {labels} value [timestamp]}, parsed and dropped. */
    private void exemplar(Cursor cursor) throws ParseException {
        cursor.expect('#');
        cursor.separator(true);
        if (cursor.peek() != '{') {
            throw cursor.error("exemplar without a label set");
        }
        labels(cursor, new LinkedHashMap<>());
        cursor.separator(true);
        number(cursor.word(), cursor);
        if (!cursor.atEnd()) {
            cursor.separator(true);
            String timestamp = cursor.word();
            if (!NUMBER.matcher(timestamp).matches()) {
                throw cursor.error("invalid exemplar timestamp '" + timestamp + "'");
            }
        }
        if (!cursor.atEnd()) {
            throw cursor.error("unexpected text after the exemplar");
        }
    }

    private void labels(Cursor cursor, Map<String, String> labels) throws ParseException {
        cursor.expect('{');
        boolean first = true;
        while (true) {
            cursor.blanks(openMetrics);
            if (cursor.peek() == '}' && (first || !openMetrics)) {
                cursor.expect('}');
                return;
            }
            String label = cursor.token(LABEL_NAME, "label name");
            cursor.blanks(openMetrics);
            cursor.expect('=');
            cursor.blanks(openMetrics);
            String value = cursor.quoted();
            if (labels.putIfAbsent(label, value) != null) {
                throw cursor.error("label '" + label + "' given twice");
            }
            cursor.blanks(openMetrics);
            if (cursor.peek() == ',') {
                cursor.expect(',');
                first = false;
            } else if (cursor.peek() == '}') {
                cursor.expect('}');
                return;
            } else {
                throw cursor.error("expected ',' or '}' after the value of label '" + label + "'");
            }
        }
    }

    private static double number(String raw, Cursor cursor) throws ParseException {
        switch (raw) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!NUMBER.matcher(raw).matches()) {
                    throw cursor.error(raw.isEmpty() ? "missing value" : "invalid value '" + raw + "'");
                }
                return Double.parseDouble(raw);
        }
    }

    /** The metric family a sample belongs to: a declared family it extends by a known suffix, else its own name. */
    private String family(String sampleName) {
        if (declaredTypes.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : openMetrics ? OPENMETRICS_SUFFIXES : TEXT_SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (declaredTypes.containsKey(base)) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    /** Walks one sample line. */
    private static final class Cursor {

        private final String line;
        private final int number;
        private int pos;

        Cursor(String line, int number) {
            this.line = line;
            this.number = number;
        }

        char peek() {
            return pos < line.length() ? line.charAt(pos) : '\0';
        }

        boolean atEnd() {
            return pos >= line.length();
        }

        void expect(char c) throws ParseException {
            if (peek() != c) {
                throw error("expected '" + c + "'" + (atEnd() ? " but the line ends" : " at '" + peek() + "'"));
            }
            pos++;
        }

        /** One space (OpenMetrics) or a run of blanks (text format). */
        void separator(boolean single) throws ParseException {
            if (peek() != ' ' && peek() != '\t' || single && peek() != ' ') {
                throw error(atEnd() ? "the line ends before the value" : "expected a space at '" + peek() + "'");
            }
            pos++;
            if (single) {
                if (peek() == ' ') {
                    throw error("more than one space (OpenMetrics separates by single spaces)");
                }
            } else {
                blanks(false);
            }
        }

        /** Skips blanks in the text format; none are allowed inside label sets in OpenMetrics. */
        void blanks(boolean none) {
            while (!none && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        /** Skips blanks only when {@code next} follows them. */
        void blanksBefore(char next) {
            int start = pos;
            blanks(false);
            if (peek() != next) {
                pos = start;
            }
        }

        String word() {
            int start = pos;
            while (!atEnd() && peek() != ' ' && peek() != '\t') {
                pos++;
            }
            return line.substring(start, pos);
        }

        String token(Pattern syntax, String what) throws ParseException {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == ':')) {
                pos++;
            }
            String token = line.substring(start, pos);
            if (!syntax.matcher(token).matches()) {
                throw error(token.isEmpty() ? "expected a " + what + (atEnd() ? "" : " at '" + peek() + "'")
                        : "invalid " + what + " '" + token + "'");
            }
            return token;
        }

        String quoted() throws ParseException {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unterminated label value");
                }
                char c = line.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = peek();
                    pos++;
                    switch (escaped) {
                        case '\\' -> out.append('\\');
                        case '"' -> out.append('"');
                        case 'n' -> out.append('\n');
                        default -> throw error("invalid escape '\\" + (escaped == '\0' ? "" : escaped)
                                + "' in label value (only \\\\, \\\" and \\n)");
                    }
                } else {
                    out.append(c);
                }
            }
        }

        ParseException error(String message) {
            return new ParseException(number, message);
        }
    }
}

package dev.runtruth.collector;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one form of a duration a user writes to the collector: {@code serve}'s configuration and {@code verify}. */
public final class Durations {

    /** What the parse error says a duration looks like. */
    public static final String FORM = "a positive duration such as 500ms, 30s, 5m or 1h";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    /**
     * @param text a whole number followed by {@code ms}, {@code s}, {@code m} or {@code h}, e.g. {@code 90s}; surrounding
     *             blanks are ignored
     * @return the duration, positive
     * @throws IllegalArgumentException if {@code text} is not of that form, is zero, or overflows; the message is
     *                                  {@code '<text>' is not } + {@link #FORM}
     */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        try {
            long n = m.matches() ? Long.parseLong(m.group(1)) : 0;
            if (n > 0) {
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // too large: reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not " + FORM);
    }
}

package dev.runtruth.agent.classpath;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Name and version read from a Maven-style file name {@code <artifactId>-<version>[-<classifier>].jar}, the last
 * resort when a jar carries neither {@code pom.properties} nor manifest entries.
 *
 * <p>The version starts at the first {@code -<digit>} whose remainder does not contain an unknown word followed by
 * another {@code -<digit>} segment: {@code log4j-1.2-api-2.20.0.jar} is {@code log4j-1.2-api} {@code 2.20.0}, while
 * {@code x-1.0.0-beta-2.jar} is {@code x} {@code 1.0.0-beta-2} and {@code x-1.0-20240101.123456-1.jar} (a timestamped
 * snapshot) is {@code x} {@code 1.0-20240101.123456-1}.
 */
final class JarFileName {

    /** Version qualifiers that may be followed by a number segment ({@code -beta-2}, {@code -M1}). */
    private static final Set<String> QUALIFIERS = new HashSet<>(Arrays.asList(
            "alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "snapshot", "release", "final", "ga", "sp",
            "pre", "preview", "ea", "dev", "patch", "build", "incubating", "jre", "jdk", "android"));

    final String name;
    final String version;

    private JarFileName(String name, String version) {
        this.name = name;
        this.version = version;
    }

    /**
     * Splits a file name.
     *
     * @param fileName a file name such as {@code spring-core-6.2.1.jar}, not null; a path is not expected
     * @return name {@code spring-core} and version {@code 6.2.1}; version {@code ""} when there is none
     */
    static JarFileName parse(String fileName) {
        String stem = stripExtension(fileName);
        for (int i = stem.indexOf('-'); i >= 0 && i < stem.length() - 1; i = stem.indexOf('-', i + 1)) {
            if (i > 0 && Character.isDigit(stem.charAt(i + 1)) && isVersion(stem.substring(i + 1))) {
                return new JarFileName(stem.substring(0, i), stem.substring(i + 1));
            }
        }
        return new JarFileName(stem, "");
    }

    /**
     * Strips {@code .jar}, {@code .war} or {@code .zip}, ignoring case.
     *
     * @param fileName a file name, not null
     * @return the name without that extension
     */
    static String stripExtension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".zip")) {
            return fileName.substring(0, fileName.length() - 4);
        }
        return fileName;
    }

    /** False when an unknown word is followed by another number segment, i.e. the word belongs to the name. */
    private static boolean isVersion(String candidate) {
        boolean unknownWord = false;
        for (String segment : candidate.split("-")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (Character.isDigit(segment.charAt(0))) {
                if (unknownWord) {
                    return false;
                }
            } else if (!QUALIFIERS.contains(wordOf(segment))) {
                unknownWord = true;
            }
        }
        return true;
    }

    /** "RC1" -> "rc", "M2" -> "m", "beta.3" -> "beta". */
    private static String wordOf(String segment) {
        int end = 0;
        while (end < segment.length() && Character.isLetter(segment.charAt(end))) {
            end++;
        }
        return segment.substring(0, end).toLowerCase(Locale.ROOT);
    }
}

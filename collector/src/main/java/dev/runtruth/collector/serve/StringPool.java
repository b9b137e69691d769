package dev.runtruth.collector.serve;

import java.util.Arrays;

/**
 * Interns strings straight from a character buffer (a JSON parser's text buffer), so that a value that repeats in an
 * answer (the same route, handler, job and commit label on every one of 10,000 instances) becomes one {@code String}
 * instead of one per occurrence, and no {@code String} is made for a value seen before. Open addressing over a
 * power-of-two table; not thread-safe; meant to live for one read of one answer.
 *
 * <p>Memory is bounded by {@code maxEntries}: once that many distinct values are pooled, further new values are
 * returned as fresh strings and not kept.
 */
final class StringPool {

    private final int maxEntries;
    private String[] strings = new String[1024];
    private char[][] chars = new char[1024][]; // each pooled value's characters, for a vectorised comparison
    private int[] hashes = new int[1024];
    private int size;

    /** @param maxEntries how many distinct values to keep at most */
    StringPool(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * @param buffer the buffer holding the value
     * @param offset where the value starts in {@code buffer}
     * @param length the value's length in chars
     * @return a string equal to the given characters; the same instance for equal characters while the pool has room
     */
    String intern(char[] buffer, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + buffer[i];
        }
        int mask = strings.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            char[] pooled = chars[slot];
            if (pooled == null) {
                String value = new String(buffer, offset, length);
                if (size < maxEntries) {
                    strings[slot] = value;
                    chars[slot] = Arrays.copyOfRange(buffer, offset, offset + length);
                    hashes[slot] = hash;
                    if (++size * 2 > strings.length) {
                        grow();
                    }
                }
                return value;
            }
            if (hashes[slot] == hash && Arrays.equals(pooled, 0, pooled.length, buffer, offset, offset + length)) {
                return strings[slot];
            }
        }
    }

    /** @return how many distinct values are pooled */
    int size() {
        return size;
    }

    private void grow() {
        String[] oldStrings = strings;
        char[][] oldChars = chars;
        int[] oldHashes = hashes;
        strings = new String[oldStrings.length * 2];
        chars = new char[strings.length][];
        hashes = new int[strings.length];
        int mask = strings.length - 1;
        for (int i = 0; i < oldStrings.length; i++) {
            if (oldChars[i] != null) {
                int slot = mix(oldHashes[i]) & mask;
                while (chars[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                strings[slot] = oldStrings[i];
                chars[slot] = oldChars[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    // spreads the polynomial hash's low bits, which cluster for values that differ only in their last characters
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

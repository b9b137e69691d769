package dev.runtruth.collector.expected;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Reads with an upper bound, so that an archive entry that inflates to gigabytes (a zip bomb) or declares a huge
 * size costs a clear error ({@link EntryTooLargeException}; the scan refuses the archive, see {@link
 * OversizedEntryException}), not the collector's memory. The bounds are far above anything a real build holds: the
 * largest class files of public libraries are a few MiB, and Spring Boot stores nested jars uncompressed (they are
 * then read in place, never whole).
 */
final class BoundedRead {

    /** An entry goes past a bound: a zip bomb, or a declared size no real build has. */
    static final class EntryTooLargeException extends ZipException {

        private static final long serialVersionUID = 1L;

        private final String problem;

        EntryTooLargeException(String what, String problem) {
            super(what + " " + problem);
            this.problem = problem;
        }

        /** @return the message without the entry's name, e.g. {@code inflates to more than the 64 MiB ...} */
        String problem() {
            return problem;
        }
    }

    /** Most bytes read for one class file or resource: 64 MiB. */
    static final int MAX_ENTRY_BYTES = 64 * 1024 * 1024;
    /** Most bytes held in memory for one compressed nested jar: 512 MiB. */
    static final int MAX_NESTED_JAR_BYTES = 512 * 1024 * 1024;

    private BoundedRead() {
    }

    /**
     * @param in   the stream; not closed
     * @param max  most bytes accepted
     * @param what names the entry in the message
     * @return every byte of the stream
     * @throws EntryTooLargeException if the stream holds more than {@code max} bytes (read stops at {@code max + 1})
     * @throws IOException  if the stream fails
     */
    static byte[] readAtMost(InputStream in, int max, String what) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw tooLarge(what, "inflates to more than", max);
        }
        return bytes;
    }

    /**
     * @param declared the size an archive declares for an entry, in bytes
     * @param max      most bytes accepted
     * @param what     names the entry in the message
     * @return the size as an int
     * @throws ZipException if it is negative
     * @throws EntryTooLargeException if it is above {@code max}
     */
    static int declaredSize(long declared, int max, String what) throws ZipException {
        if (declared < 0) {
            throw new ZipException(what + " declares a negative size");
        }
        if (declared > max) {
            throw tooLarge(what, "declares " + declared + " bytes, more than", max);
        }
        return (int) declared;
    }

    private static EntryTooLargeException tooLarge(String what, String problem, int max) {
        return new EntryTooLargeException(what, problem + " the " + (max / (1024 * 1024))
                + " MiB read for one entry (a zip bomb?)");
    }
}

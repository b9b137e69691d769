package dev.runtruth.collector.expected;

import java.io.IOException;
import java.util.List;

/** A library jar of a build output, read lazily: a jar nested in the archive ({@link NestedJar}) or a file beside it. */
interface LibraryJar {

    /** @return the names of all entries */
    List<String> names();

    /**
     * @param name an entry name, e.g. {@code jakarta/ws/rs/GET.class}
     * @return its content, or {@code null} when there is no such entry
     * @throws IOException if the entry is corrupt; {@link BoundedRead.EntryTooLargeException} past the entry bound
     */
    byte[] read(String name) throws IOException;
}

package dev.runtruth.collector.expected;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A library jar that is a file of its own (Quarkus' {@code quarkus-app/lib/main/*.jar}), read with the entry bound. */
final class FileJar implements LibraryJar {

    private final ZipFile zip;

    /** @param zip the open jar; closed by the build output that opened it */
    FileJar(ZipFile zip) {
        this.zip = zip;
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            names.add(entry.getName());
        }
        return names;
    }

    @Override
    public byte[] read(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return BoundedRead.readAtMost(in, BoundedRead.MAX_ENTRY_BYTES, name);
        }
    }
}

package dev.runtruth.collector.expected;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Random access to the entries of a jar nested in another (a {@code BOOT-INF/lib/*.jar} or {@code WEB-INF/lib/*.jar}),
 * without extracting it: its central directory is read once, and single entries are read on demand. A nested jar
 * that is stored uncompressed (as Spring Boot requires) is never read whole: reads skip to the entry in the outer
 * file. A compressed one (common in wars) is inflated once and kept in memory.
 *
 * <p>Follows the ZIP format (PKWARE APPNOTE.TXT, sections 4.3.7 local file header, 4.3.12 central directory header,
 * 4.3.16 end of central directory record). ZIP64 nested jars (more than 65535 entries or 4 GB) are not supported.
 */
final class NestedJar implements LibraryJar {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    /** Where one entry's local header is and how its data is stored. */
    private record Entry(long localHeader, int method, long compressedSize, long size) {
    }

    private final ZipFile outer;
    private final ZipEntry nested;
    private final byte[] inMemory;
    private final long length;
    private final Map<String, Entry> entries;

    private NestedJar(ZipFile outer, ZipEntry nested, byte[] inMemory, long length) throws IOException {
        this.outer = outer;
        this.nested = nested;
        this.inMemory = inMemory;
        this.length = length;
        this.entries = readCentralDirectory();
    }

    /**
     * Opens a nested jar and reads its central directory.
     *
     * @param outer  the open outer archive
     * @param nested the nested jar's entry in it
     * @return the nested jar
     * @throws IOException if it cannot be read or is not a (non-ZIP64) zip archive
     */
    static NestedJar open(ZipFile outer, ZipEntry nested) throws IOException {
        if (nested.getMethod() == ZipEntry.STORED && nested.getSize() >= 0) {
            return new NestedJar(outer, nested, null, nested.getSize());
        }
        try (InputStream in = outer.getInputStream(nested)) {
            byte[] bytes = BoundedRead.readAtMost(in, BoundedRead.MAX_NESTED_JAR_BYTES, nested.getName());
            return new NestedJar(outer, nested, bytes, bytes.length);
        }
    }

    /** @return the names of all entries, in central-directory order */
    @Override
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    /**
     * @param name an entry name, e.g. {@code org/springframework/web/bind/annotation/GetMapping.class}
     * @return its content, or {@code null} when there is no such entry
     * @throws IOException if the entry is corrupt
     */
    @Override
    public byte[] read(String name) throws IOException {
        Entry entry = entries.get(name);
        if (entry == null) {
            return null;
        }
        byte[] header = range(entry.localHeader(), 30);
        if (int32(header, 0) != LOCAL_HEADER) {
            throw new ZipException("no local header for " + name);
        }
        long data = entry.localHeader() + 30 + int16(header, 26) + int16(header, 28);
        byte[] raw = range(data, BoundedRead.declaredSize(entry.compressedSize(), BoundedRead.MAX_ENTRY_BYTES, name));
        if (entry.method() == ZipEntry.STORED) {
            return raw;
        }
        if (entry.method() != ZipEntry.DEFLATED) {
            throw new ZipException("unsupported compression method " + entry.method() + " for " + name);
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(raw);
            byte[] out = new byte[BoundedRead.declaredSize(entry.size(), BoundedRead.MAX_ENTRY_BYTES, name)];
            int done = 0;
            while (done < out.length) {
                int n = inflater.inflate(out, done, out.length - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ZipException("truncated deflated data for " + name);
                }
                done += n;
            }
            return out;
        } catch (DataFormatException e) {
            throw new ZipException("corrupt deflated data for " + name + ": " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private Map<String, Entry> readCentralDirectory() throws IOException {
        int tailLength = (int) Math.min(length, END_LENGTH + MAX_COMMENT);
        byte[] tail = range(length - tailLength, tailLength);
        int end = -1;
        for (int i = tailLength - END_LENGTH; i >= 0; i--) {
            if (int32(tail, i) == END_OF_CENTRAL_DIRECTORY) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new ZipException("not a zip archive (no end of central directory)");
        }
        int count = int16(tail, end + 10);
        long cenSize = uint32(tail, end + 12);
        long cenOffset = uint32(tail, end + 16);
        if (count == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL) {
            throw new ZipException("ZIP64 archives are not supported as nested jars");
        }
        long cenStart = length - tailLength + end - cenSize;
        if (cenStart < 0 || cenSize > Integer.MAX_VALUE) {
            throw new ZipException("corrupt end of central directory");
        }
        long prefix = cenStart - cenOffset; // bytes before the archive, e.g. a launch script
        byte[] cen = range(cenStart, (int) cenSize);
        Map<String, Entry> result = new LinkedHashMap<>(count * 2);
        int pos = 0;
        for (int i = 0; i < count; i++) {
            if (pos + 46 > cen.length || int32(cen, pos) != CENTRAL_HEADER) {
                throw new ZipException("corrupt central directory at entry " + i);
            }
            int nameLength = int16(cen, pos + 28);
            int next = pos + 46 + nameLength + int16(cen, pos + 30) + int16(cen, pos + 32);
            if (next > cen.length) {
                throw new ZipException("corrupt central directory at entry " + i);
            }
            String name = new String(cen, pos + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            result.putIfAbsent(name, new Entry(prefix + uint32(cen, pos + 42), int16(cen, pos + 10),
                    uint32(cen, pos + 20), uint32(cen, pos + 24)));
            pos = next;
        }
        return result;
    }

    /** Reads {@code count} bytes at {@code offset} of the nested jar. */
    private byte[] range(long offset, int count) throws IOException {
        if (offset < 0 || offset + count > length) {
            throw new ZipException("entry data outside the archive");
        }
        if (inMemory != null) {
            byte[] out = new byte[count];
            System.arraycopy(inMemory, (int) offset, out, 0, count);
            return out;
        }
        // a stored entry's stream skips without reading
        try (InputStream in = outer.getInputStream(nested)) {
            in.skipNBytes(offset);
            byte[] out = in.readNBytes(count);
            if (out.length != count) {
                throw new ZipException("truncated nested jar");
            }
            return out;
        }
    }


    private static int int16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    private static long uint32(byte[] b, int i) {
        return int32(b, i) & 0xFFFFFFFFL;
    }
}

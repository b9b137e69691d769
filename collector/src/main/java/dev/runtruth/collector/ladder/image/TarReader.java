package dev.runtruth.collector.ladder.image;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar stream entry by entry: POSIX ustar headers (name with prefix), PAX extended headers ({@code path},
 * {@code linkpath}, {@code size}; POSIX.1-2001 {@code pax} format) and the GNU long-name and long-link entries
 * ({@code L}, {@code K}), octal and base-256 sizes. That covers what {@code docker save}, {@code skopeo}, buildah and
 * Jib (Apache Commons Compress with POSIX long names) write. Sparse files are not needed in images and not read.
 */
final class TarReader {

    /** One tar entry: its normalised name (no leading {@code ./} or {@code /}), type flag, size and link target. */
    record Entry(String name, char type, long size, String linkName) {

        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }

        boolean isDirectory() {
            return type == '5';
        }

        boolean isSymlink() {
            return type == '2';
        }

        boolean isHardLink() {
            return type == '1';
        }
    }

    private static final int BLOCK = 512;

    private final InputStream in;
    private long remaining;
    private long padding;
    private long position;
    private long dataOffset;

    /** @param in the uncompressed tar stream; not closed by this reader */
    TarReader(InputStream in) {
        this.in = in;
    }

    /**
     * Skips what is left of the current entry and reads the next header.
     *
     * @return the next file, directory or link entry, or {@code null} at the end of the archive
     * @throws IOException when the stream ends inside a header or the header is malformed
     */
    Entry next() throws IOException {
        String longName = null;
        String longLink = null;
        Long paxSize = null;
        while (true) {
            skip(remaining + padding);
            byte[] header = in.readNBytes(BLOCK);
            if (header.length == 0 || isZero(header)) {
                return null;
            }
            if (header.length < BLOCK) {
                throw new EOFException("tar stream ends inside a header");
            }
            position += BLOCK;
            char type = (char) header[156];
            long size = number(header, 124, 12);
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            dataOffset = position;
            if (type == 'x' || type == 'L' || type == 'K') {
                byte[] data = readContent(size);
                if (type == 'x') {
                    String[] pax = parsePax(data);
                    longName = pax[0] != null ? pax[0] : longName;
                    longLink = pax[1] != null ? pax[1] : longLink;
                    if (pax[2] != null) {
                        paxSize = Long.parseLong(pax[2].trim());
                    }
                } else if (type == 'L') {
                    longName = cString(data, 0, data.length);
                } else {
                    longLink = cString(data, 0, data.length);
                }
                continue;
            }
            if (type == 'g') {
                readContent(size);
                continue;
            }
            String name = longName != null ? longName : ustarName(header);
            String link = longLink != null ? longLink : cString(header, 157, 100);
            if (paxSize != null) {
                remaining = paxSize;
                padding = (BLOCK - paxSize % BLOCK) % BLOCK;
            }
            return new Entry(normalise(name), type, remaining, link);
        }
    }

    /** @return the bytes of the current entry as a stream that ends with the entry; do not close it */
    InputStream content() {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    remaining--;
                    position++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n > 0) {
                    remaining -= n;
                    position += n;
                }
                return n;
            }

            @Override
            public void close() {
                // the tar stream stays open
            }
        };
    }

    /** @return the offset, in the tar stream, of the current entry's first content byte */
    long dataOffset() {
        return dataOffset;
    }

    /**
     * @param name an entry name as written
     * @return it without leading {@code ./} and {@code /} and without a trailing {@code /}
     */
    static String normalise(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(".") ? "" : n;
    }

    private byte[] readContent(long size) throws IOException {
        if (size > 16 * 1024 * 1024) {
            throw new IOException("tar extended header of " + size + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("tar stream ends inside an entry");
        }
        position += size;
        remaining = 0;
        return data;
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("tar stream ends inside an entry");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        position += n;
        remaining = 0;
        padding = 0;
    }

    /** @return {@code path}, {@code linkpath} and {@code size} of PAX records {@code "<length> <key>=<value>\n"} */
    private static String[] parsePax(byte[] data) {
        String[] out = new String[3];
        int i = 0;
        while (i < data.length) {
            int space = i;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space >= data.length) {
                break;
            }
            int length = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII).trim());
            if (length <= space - i + 1 || i + length > data.length) {
                break;
            }
            String record = new String(data, space + 1, i + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                String value = record.substring(eq + 1);
                switch (record.substring(0, eq)) {
                    case "path" -> out[0] = value;
                    case "linkpath" -> out[1] = value;
                    case "size" -> out[2] = value;
                    default -> { }
                }
            }
            i += length;
        }
        return out;
    }

    private static String ustarName(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r';
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static long number(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) { // base-256, GNU and star
            long value = header[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = value << 8 | header[i] & 0xff;
            }
            return value;
        }
        String octal = cString(header, offset, length).trim();
        return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}

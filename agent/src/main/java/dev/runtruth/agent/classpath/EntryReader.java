package dev.runtruth.agent.classpath;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads one {@link CodeSourceLocation} into a {@link ClasspathEntry}. Memory stays bounded: jar bytes are streamed
 * through the digest in {@value #BUFFER_SIZE}-byte chunks, only manifests and {@code pom.properties} are parsed.
 * Every method throws {@link IOException} (or a runtime exception from the zip code) when the location cannot be
 * read; the caller counts it.
 */
final class EntryReader {

    static final int BUFFER_SIZE = 64 * 1024;

    private EntryReader() {
    }

    /**
     * A jar on disk: metadata through {@link ZipFile} (central directory plus the few metadata entries, no
     * inflating of classes), then one sequential pass for the digest.
     */
    static ClasspathEntry readJar(CodeSourceLocation location) throws IOException {
        File file = location.file;
        if (!file.isFile()) {
            throw new FileNotFoundException("no such jar: " + location.location);
        }
        JarMetadata metadata = new JarMetadata();
        try (ZipFile zip = new ZipFile(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (JarMetadata.isMetadataEntry(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        metadata.read(entry.getName(), in);
                    }
                }
            }
        }
        MessageDigest digest = sha256();
        try (InputStream in = new FileInputStream(file)) {
            update(digest, in);
        }
        return metadata.toEntry(file.getName(), hex(digest.digest()), location.location, ClasspathEntry.JAR);
    }

    /**
     * A jar stored inside {@code outer} (Spring Boot stores them uncompressed; a DEFLATED entry is inflated by
     * {@link ZipFile}): one streaming pass through a {@link ZipInputStream} that both digests the nested bytes and
     * picks out the metadata entries. Nothing is extracted to disk.
     */
    static ClasspathEntry readNestedJar(ZipFile outer, CodeSourceLocation location) throws IOException {
        ZipEntry nested = outer.getEntry(location.entryName);
        if (nested == null || nested.isDirectory()) {
            throw new FileNotFoundException("no such nested jar: " + location.location);
        }
        MessageDigest digest = sha256();
        JarMetadata metadata = new JarMetadata();
        try (InputStream raw = outer.getInputStream(nested)) {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_SIZE);
            requireZipSignature(buffered, location);
            DigestInputStream digesting = new DigestInputStream(buffered, digest);
            try (ZipInputStream zip = new ZipInputStream(digesting)) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (JarMetadata.isMetadataEntry(entry.getName())) {
                        metadata.read(entry.getName(), zip);
                    }
                }
                // ZipInputStream stops at the central directory: the digest must cover the whole nested entry
                digesting.on(false);
                update(digest, buffered);
            }
        }
        String fileName = location.entryName.substring(location.entryName.lastIndexOf('/') + 1);
        return metadata.toEntry(fileName, hex(digest.digest()), location.location, ClasspathEntry.NESTED_JAR);
    }

    /**
     * A class directory inside {@code outer} ({@code BOOT-INF/classes/}): no digest (its classes are not one file),
     * named by its path in the archive.
     */
    static ClasspathEntry readNestedDirectory(ZipFile outer, CodeSourceLocation location) throws IOException {
        if (outer.getEntry(location.entryName) == null && !hasEntryUnder(outer, location.entryName)) {
            throw new FileNotFoundException("no such directory: " + location.location);
        }
        String name = location.entryName.substring(0, location.entryName.length() - 1);
        return new ClasspathEntry(name, "", "", location.location, ClasspathEntry.DIRECTORY);
    }

    /** A class directory on disk: named by its last path segment, no version, no digest. */
    static ClasspathEntry readDirectory(CodeSourceLocation location) throws IOException {
        File directory = location.file;
        if (!directory.isDirectory()) {
            throw new FileNotFoundException("no such directory: " + location.location);
        }
        String name = directory.getName().isEmpty() ? directory.getPath() : directory.getName();
        return new ClasspathEntry(name, "", "", location.location, ClasspathEntry.DIRECTORY);
    }

    /** Zip archives without directory entries still hold files under the directory. */
    private static boolean hasEntryUnder(ZipFile zip, String directory) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            if (entries.nextElement().getName().startsWith(directory)) {
                return true;
            }
        }
        return false;
    }

    /** ZipInputStream reports a non-zip as an empty archive: check the local header or empty-archive signature. */
    private static void requireZipSignature(BufferedInputStream in, CodeSourceLocation location) throws IOException {
        in.mark(4);
        byte[] signature = new byte[4];
        int read = 0;
        while (read < 4) {
            int n = in.read(signature, read, 4 - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        in.reset();
        boolean zip = read == 4 && signature[0] == 'P' && signature[1] == 'K'
                && ((signature[2] == 3 && signature[3] == 4) || (signature[2] == 5 && signature[3] == 6));
        if (!zip) {
            throw new ZipException("not a zip archive: " + location.location);
        }
    }

    private static void update(MessageDigest digest, InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java SE implementation must provide SHA-256 (MessageDigest Javadoc)
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xf, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xf, 16);
        }
        return new String(out);
    }
}

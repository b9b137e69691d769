package dev.runtruth.agenttests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What a Spring Boot executable jar holds, read with {@code java.util.zip}: nested jars and git.properties. */
final class FatJar {

    static final String LIB = "BOOT-INF/lib/";

    private FatJar() {
    }

    /**
     * @param jar a Spring Boot executable jar
     * @return file name (e.g. {@code spring-core-6.2.19.jar}) to the lowercase hex SHA-256 of its bytes, sorted
     * @throws UncheckedIOException if the jar cannot be read
     */
    static Map<String, String> nestedJarDigests(Path jar) {
        Map<String, String> digests = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        digests.put(name.substring(LIB.length()), sha256(in));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return digests;
    }

    /**
     * @param jar a Spring Boot executable jar
     * @return the {@code git.commit.id} of {@code BOOT-INF/classes/git.properties}; empty if there is none
     * @throws UncheckedIOException if the jar cannot be read
     */
    static Optional<String> gitCommitId(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("BOOT-INF/classes/git.properties");
            if (entry == null) {
                return Optional.empty();
            }
            Properties git = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                git.load(in);
            }
            return Optional.ofNullable(git.getProperty("git.commit.id"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import dev.runtruth.collector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedReadTest {

    @Test
    void readsUpToTheBoundAndRefusesMore() throws IOException {
        assertThat(BoundedRead.readAtMost(new ByteArrayInputStream(new byte[10]), 10, "x")).hasSize(10);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        assertThatThrownBy(() -> BoundedRead.readAtMost(endless, 1024, "BOOT-INF/lib/bomb.jar"))
                .isInstanceOf(ZipException.class).hasMessageContaining("BOOT-INF/lib/bomb.jar")
                .hasMessageContaining("zip bomb");
    }

    /** A nested jar whose central directory declares a 2 GB entry: refused before anything is allocated. */
    @Test
    void aNestedEntryDeclaringAHugeSizeIsRefused(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(nested)) {
            zip.putNextEntry(new ZipEntry("a/Huge.class"));
            zip.write(new byte[100]);
            zip.closeEntry();
        }
        byte[] bytes = nested.toByteArray();
        int cen = lastIndexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02});
        int declared = 2_000_000_000; // uncompressed size field of the central directory header (APPNOTE 4.3.12)
        for (int i = 0; i < 4; i++) {
            bytes[cen + 24 + i] = (byte) (declared >>> (8 * i));
        }
        Path outer = dir.resolve("outer.jar");
        Fixtures.writeZip(outer, Map.of(), Map.of("BOOT-INF/lib/evil.jar", bytes));
        try (ZipFile zip = new ZipFile(outer.toFile())) {
            NestedJar jar = NestedJar.open(zip, zip.getEntry("BOOT-INF/lib/evil.jar"));
            assertThatThrownBy(() -> jar.read("a/Huge.class")).isInstanceOf(ZipException.class)
                    .hasMessageContaining("a/Huge.class declares 2000000000 bytes").hasMessageContaining("zip bomb");
        }
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

}

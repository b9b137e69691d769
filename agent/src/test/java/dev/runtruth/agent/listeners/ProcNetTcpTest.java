package dev.runtruth.agent.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProcNetTcpTest {

    static String sample(String name) throws IOException {
        try (InputStream in = ProcNetTcpTest.class.getResourceAsStream("/listeners/" + name)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
            }
            return new String(out.toByteArray(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void ipv4TableListsTheListenSocketsOnlyWithTheirInodes() throws IOException {
        List<ProcNetTcp.Entry> entries = ProcNetTcp.listening(sample("tcp"));

        assertThat(entries).extracting(e -> e.listener.address(), e -> e.listener.port(), e -> e.inode)
                .containsExactly(
                        tuple("0.0.0.0", 2024, 1535L),
                        tuple("0.0.0.0", 8080, 39419L),
                        tuple("127.0.0.1", 39041, 39420L)); // the two established lines (st 01) are left out
    }

    @Test
    void ipv6TableGivesWildcardLoopbackAndIpv4MappedAddresses() throws IOException {
        List<ProcNetTcp.Entry> entries = ProcNetTcp.listening(sample("tcp6"));

        assertThat(entries).extracting(e -> e.listener.address(), e -> e.listener.port(), e -> e.inode)
                .containsExactly(
                        tuple("::", 42235, 39332L),
                        tuple("::1", 44483, 39334L),
                        tuple("127.0.0.1", 37861, 39333L));
    }

    @ParameterizedTest
    @CsvSource({
        "00000000,                         0.0.0.0",
        "0100007F,                         127.0.0.1",
        "0101A8C0,                         192.168.1.1",
        "00000000000000000000000000000000, ::",
        "00000000000000000000000001000000, ::1",
        "0000000000000000FFFF00000100007F, 127.0.0.1",
        "000080FE00000000FF005002EFBEADDE, fe80::250:ff:dead:beef",
        "B80D0120000000000000000001000000, 2001:db8::1",
        "B80D0120010000000000000001000000, 2001:db8:0:1::1",
        "0100007F0,                        ''",
    })
    void addressesAreDecodedFromKernelWordOrder(String hex, String address) {
        assertThat(ProcNetTcp.address(hex)).isEqualTo(address.isEmpty() ? null : address);
    }

    @Test
    void malformedLinesAreSkipped() {
        String table = "  sl  local_address rem_address   st\n"
                + "   0: zzzz:1F90 00000000:0000 0A 0 0 0 0 0 12\n"
                + "   1: 00000000:1F90 00000000:0000 0A\n"
                + "   2: 00000000:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 77 1\n";

        assertThat(ProcNetTcp.listening(table)).extracting(e -> e.listener.port()).containsExactly(8081);
    }
}

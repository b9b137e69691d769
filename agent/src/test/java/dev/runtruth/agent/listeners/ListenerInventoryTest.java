package dev.runtruth.agent.listeners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenerInventoryTest {

    @TempDir
    Path proc;

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger fdReads = new AtomicInteger();
    private final Set<Integer> served = new java.util.TreeSet<>();

    @BeforeEach
    void sampleProcess() throws IOException {
        // the process of the tcp sample: 0.0.0.0:8080 and 127.0.0.1:39041
        Files.createDirectories(proc.resolve("net"));
        Files.write(proc.resolve("net/tcp"), ProcNetTcpTest.sample("tcp").getBytes(StandardCharsets.US_ASCII));
        Path fd = Files.createDirectories(proc.resolve("fd"));
        Files.createSymbolicLink(fd.resolve("4"), Paths.get("socket:[39419]"));
        Files.createSymbolicLink(fd.resolve("6"), Paths.get("socket:[39420]"));
    }

    private ListenerInventory inventory(Set<Integer> ignored, int agentPort) {
        ServerPorts servers = new ServerPorts(Collections.singletonList(new ServerPorts.Family() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public void ports(Set<Integer> out) {
                out.addAll(served);
            }
        }));
        ProcListeners counting = new ProcListeners(proc) {
            @Override
            Set<Listener> read() throws IOException {
                fdReads.incrementAndGet();
                return super.read();
            }
        };
        return new ListenerInventory(counting, servers, ExcludedPorts.of(ignored, Collections.emptyMap(),
                Collections.emptyList()), null, () -> agentPort, clock::get);
    }

    @Test
    void aPortOfACapturedServerIsServedAnyOtherUnknown() {
        served.add(8080);

        assertThat(states(inventory(Collections.emptySet(), 0).read()))
                .containsExactly(entry("0.0.0.0:8080", "served"), entry("127.0.0.1:39041", "unknown"));
    }

    @Test
    void theAgentsOwnPortAndIgnoredPortsAreNotReported() {
        assertThat(states(inventory(Collections.singleton(8080), 39041).read())).isEmpty();
    }

    @Test
    void socketsAreReReadAtMostEveryRefreshServerPortsAtEveryRead() {
        ListenerInventory inventory = inventory(Collections.emptySet(), 0);
        assertThat(states(inventory.read())).containsEntry("0.0.0.0:8080", "unknown");

        served.add(8080);
        clock.addAndGet(ListenerInventory.REFRESH_NANOS - 1);
        assertThat(states(inventory.read())).containsEntry("0.0.0.0:8080", "served");
        assertThat(fdReads).hasValue(1);

        clock.addAndGet(1);
        inventory.read();
        assertThat(fdReads).hasValue(2);
    }

    @Test
    void withoutProcfsNothingIsReportedAndDiscoveryIsUnavailable() {
        ListenerInventory inventory = new ListenerInventory(new ProcListeners(proc.resolve("absent")),
                new ServerPorts(Collections.emptyList()), ExcludedPorts.of(Collections.emptySet(),
                        Collections.emptyMap(), Collections.emptyList()), null, () -> 0, clock::get);
        long errors = CaptureErrors.count();

        ListenerInventory.Snapshot snapshot = inventory.read();

        assertThat(snapshot.available()).isFalse();
        assertThat(snapshot.unavailableReason()).contains("procfs");
        assertThat(snapshot.listeners()).isEmpty();
        assertThat(CaptureErrors.count()).as("not a failure: a platform without procfs").isEqualTo(errors);
    }

    @Test
    void aFamilyThatFailsIsRecordedAndTheOthersStillCount() {
        long errors = CaptureErrors.count();
        ServerPorts servers = new ServerPorts(Arrays.asList(new ServerPorts.Family() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void ports(Set<Integer> out) {
                throw new IllegalStateException("boom");
            }
        }, new ServerPorts.Family() {
            @Override
            public String name() {
                return "fine";
            }

            @Override
            public void ports(Set<Integer> out) {
                out.add(39041);
            }
        }));

        assertThat(servers.read()).containsExactly(39041);
        assertThat(CaptureErrors.count()).isEqualTo(errors + 1);
    }

    private static Map<String, String> states(ListenerInventory.Snapshot snapshot) {
        Map<String, String> states = new LinkedHashMap<>();
        snapshot.listeners().forEach((listener, state) -> states.put(listener.toString(), state.label()));
        return states;
    }

    private static Map.Entry<String, String> entry(String listener, String state) {
        return new java.util.AbstractMap.SimpleEntry<>(listener, state);
    }
}

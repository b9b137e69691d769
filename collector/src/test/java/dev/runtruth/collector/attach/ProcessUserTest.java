package dev.runtruth.collector.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who a process runs as, read from a {@code /proc/PID/status} the way Linux writes it. */
class ProcessUserTest {

    @Test
    void theEffectiveUidIsTheSecondFieldOfTheUidLine(@TempDir Path proc) throws Exception {
        Files.writeString(proc.resolve("status"), "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\n"
                + "Uid:\t1000\t65534\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\n");

        ProcessUser user = ProcessUser.read(proc);

        assertThat(user.uid()).isEqualTo(65534);
        assertThat(user.root()).isFalse();
    }

    @Test
    void noStatusOrNoUidLineIsUnknown(@TempDir Path proc) throws Exception {
        assertThat(ProcessUser.read(proc.resolve("no-such-process"))).isNull();
        Files.writeString(proc.resolve("status"), "Name:\tjava\n");
        assertThat(ProcessUser.read(proc)).isNull();
    }

    @Test
    void thisJvmIsReadFromProcSelf() {
        ProcessUser self = ProcessUser.self();
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertThat(self).isNotNull();
            assertThat(ProcessUser.of(ProcessHandle.current().pid())).isEqualTo(self);
        } else {
            assertThat(self).isNull(); // not Linux: the check is skipped, the JDK's own error speaks
        }
    }

    @Test
    void aUserWithoutANameIsShownByUidAndSudoTakesItWithAHash() {
        assertThat(new ProcessUser(65533, "65533")).hasToString("uid 65533");
        assertThat(new ProcessUser(65533, "65533").sudoName()).isEqualTo("'#65533'");
        assertThat(new ProcessUser(65534, "nobody")).hasToString("user nobody (uid 65534)");
        assertThat(new ProcessUser(65534, "nobody").sudoName()).isEqualTo("nobody");
    }
}

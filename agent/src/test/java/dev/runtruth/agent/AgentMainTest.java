package dev.runtruth.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class AgentMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return AgentMain.run(args, new PrintStream(out, true, "UTF-8"),
                new PrintStream(err, true, "UTF-8"));
    }

    @Test
    void versionPrintsTheVersionAndHowToAttach() throws Exception {
        assertThat(run("--version")).isZero();
        assertThat(out.toString("UTF-8")).startsWith("runtruth-agent " + RuntruthAgent.version() + "\n")
                .contains("-javaagent:").contains("runtruth attach <pid> --agent-jar");
        assertThat(err.toString("UTF-8")).isEmpty();
    }

    @Test
    void anythingElseIsAUsageError() throws Exception {
        assertThat(run("--port", "7461")).isEqualTo(AgentMain.USAGE);
        assertThat(err.toString("UTF-8")).startsWith("runtruth-agent: unknown option '--port 7461';"
                + " this jar is a Java agent, not an application\nusage: java -jar runtruth-agent.jar --version");
        assertThat(out.toString("UTF-8")).isEmpty();
        assertThat(run()).isEqualTo(AgentMain.USAGE);
    }
}

package dev.runtruth.collector.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.runtruth.collector.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Loads the Runtruth agent into a running JVM through the JDK's Attach API ({@code com.sun.tools.attach}, module
 * {@code jdk.attach}): {@code VirtualMachine.attach(pid).loadAgent(jar, options)} hands the agent its option string
 * whole, where {@code jcmd PID JVMTI.agent_load} splits it at the first comma.
 */
final class AgentAttacher {

    private AgentAttacher() {
    }

    /** The system property the agent sets to its endpoint's URL (the agent's {@code MetricsEndpoint}). */
    static final String ENDPOINT_PROPERTY = "runtruth.agent.endpoint";

    /**
     * Refuses, before anything reaches the target, a process that runs as another user when this one is not root:
     * HotSpot's attach listener answers only its own effective user and root (JDK 11+), and the attach handshake (a
     * file in the target's directory, a SIGQUIT) is not ours to send to another user's process.
     *
     * @param pid the target's process id
     * @return who the target runs as; {@code null} where that cannot be read (no {@code /proc}, no such process)
     * @throws InputException one line: who runs the target, who runs runtruth, and the command to run instead
     */
    static ProcessUser requireAttachableUser(long pid) throws InputException {
        ProcessUser owner = ProcessUser.of(pid);
        ProcessUser self = ProcessUser.self();
        if (owner != null && self != null && owner.uid() != self.uid() && !self.root()) {
            throw new InputException("process " + pid, "runs as " + owner + " and runtruth as " + self
                    + ": a JVM accepts an attach only from its own user (or root); run runtruth as that user, e.g."
                    + " sudo -u " + owner.sudoName() + " runtruth attach " + pid + " ...");
        }
        return owner;
    }

    /**
     * Refuses, before anything reaches it, a process that is not a JVM: one whose memory map ({@code /proc/PID/maps},
     * readable by its own user and root) has no JVM library mapped ({@code libjvm.so} of HotSpot, also shipped by
     * OpenJ9 beside its {@code libj9vm}). Without this the Attach API waits 10 s for an answer that never comes and
     * then cannot tell a program that is not a JVM from a JVM that refuses attaching.
     *
     * @param pid  the target's process id
     * @param proc the {@code /proc} directory
     * @throws InputException one line: not a JVM, and which program runs there
     */
    static void requireJvm(long pid, Path proc) throws InputException {
        Path maps = proc.resolve(Long.toString(pid)).resolve("maps");
        List<String> lines;
        try {
            lines = Files.readAllLines(maps, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return; // no /proc, no such process, or not readable: the Attach API answers for itself
        }
        for (String line : lines) {
            if (line.endsWith("/libjvm.so") || line.contains("/libj9vm")) {
                return;
            }
        }
        String program;
        try {
            program = Files.readSymbolicLink(proc.resolve(Long.toString(pid)).resolve("exe")).toString();
        } catch (IOException | RuntimeException e) {
            program = "unknown";
        }
        throw new InputException("process " + pid, "cannot attach: not a JVM (no libjvm.so in " + maps
                + "; it runs " + program + "); give the PID of the java process (jps -l, or pgrep -f java)");
    }

    /**
     * Loads the agent, unless one already serves in the target (a second agent would be ignored by the first).
     *
     * @param pid      the target JVM's process id
     * @param agentJar the agent jar
     * @param options  the agent's options, e.g. {@code port=7461,host=127.0.0.1}
     * @return the endpoint URL of an agent that already runs in the target; {@code null} when this call loaded it
     * @throws InputException when the jar is missing, the process is not a JVM ({@link #requireJvm}), the process runs as another user and this one is not root (the
     *                        JDK's attach listener answers only its own user and root: refused before anything
     *                        reaches the target), the process is not a JVM this user can attach to, the target
     *                        refuses dynamic agents ({@code -XX:-EnableDynamicAgentLoading}), or this JVM lacks
     *                        {@code jdk.attach} (a JRE): one line naming the cause and what to do
     */
    static String load(long pid, Path agentJar, String options) throws InputException {
        if (!Files.isRegularFile(agentJar)) {
            throw new InputException(agentJar.toString(), "no such agent jar (give --agent-jar, e.g. "
                    + "agent/target/runtruth-agent.jar)");
        }
        String target = "process " + pid;
        ProcessUser owner = requireAttachableUser(pid);
        requireJvm(pid, Paths.get("/proc"));
        ProcessUser self = ProcessUser.self();
        boolean otherUser = owner != null && self != null && owner.uid() != self.uid(); // we are root then
        VirtualMachine attached;
        try {
            attached = VirtualMachine.attach(String.valueOf(pid));
        } catch (AttachNotSupportedException e) {
            throw new InputException(target, "cannot attach: not a JVM, a JVM of another user, or one started with"
                    + " -XX:+DisableAttachMechanism (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InputException(target, "cannot attach: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new InputException(target, "this Java runtime has no Attach API (module jdk.attach): run runtruth"
                    + " attach with a JDK, not a JRE", e);
        }
        try {
            String running = attached.getSystemProperties().getProperty(ENDPOINT_PROPERTY);
            if (running != null) {
                return running;
            }
            attached.loadAgent(agentJar.toAbsolutePath().toString(), options);
            return null;
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new InputException(target, "the JVM refused the agent: " + e.getMessage() + (otherUser
                    ? " (it runs as " + owner + ", who must be able to read " + agentJar.toAbsolutePath() + ")"
                    : ""), e);
        } catch (IOException e) {
            throw new InputException(target, "the JVM refused the agent (started with"
                    + " -XX:-EnableDynamicAgentLoading? JDK 21+ allows it with -XX:+EnableDynamicAgentLoading): "
                    + e.getMessage(), e);
        } finally {
            try {
                attached.detach();
            } catch (IOException e) {
                // the agent is loaded or refused either way; the attach connection closes with this process
            }
        }
    }
}

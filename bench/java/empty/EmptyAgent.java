import java.lang.instrument.Instrumentation;

/** A -javaagent whose premain does nothing: the floor cost of attaching any agent jar at JVM start. */
public final class EmptyAgent {
    public static void premain(String args, Instrumentation inst) {
    }
}

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * A -javaagent whose premain does nothing: the floor cost of attaching any agent jar at JVM start. With the argument
 * {@code transformer} it registers one class transformer that returns {@code null} for every class: the floor cost
 * of any agent that watches class loading (the JVM then hands every class, CDS-archived ones included, to Java).
 */
public final class EmptyAgent {
    public static void premain(String args, Instrumentation inst) {
        if ("transformer".equals(args)) {
            inst.addTransformer(new ClassFileTransformer() {
                @Override
                public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                        byte[] bytes) {
                    return null;
                }
            }, false);
        }
    }
}

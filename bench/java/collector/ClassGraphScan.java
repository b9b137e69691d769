import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;

/**
 * Scans a Spring Boot fat jar with ClassGraph (which reads {@code BOOT-INF/classes} and the nested
 * {@code BOOT-INF/lib} jars itself) with class, method and annotation info, and counts methods carrying a Spring
 * MVC mapping annotation. Prints {@code ms=<wall ms> routes=<annotated methods> classes=<classes scanned>}.
 * Usage: {@code ClassGraphScan <jar>}.
 */
public final class ClassGraphScan {
    public static void main(String[] args) {
        long t = System.nanoTime();
        int routes = 0;
        int classes;
        try (ScanResult scan = new ClassGraph().overrideClasspath(args[0]).enableClassInfo().enableMethodInfo()
                .enableAnnotationInfo().ignoreClassVisibility().ignoreMethodVisibility().scan()) {
            classes = scan.getAllClasses().size();
            for (String m : JandexScan.MAPPINGS) {
                String name = "org.springframework.web.bind.annotation." + m;
                for (ClassInfo c : scan.getClassesWithMethodAnnotation(name)) {
                    for (MethodInfo method : c.getDeclaredMethodInfo()) {
                        if (method.hasAnnotation(name)) {
                            routes++;
                        }
                    }
                }
            }
        }
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.println("ms=" + ms + " routes=" + routes + " classes=" + classes);
    }
}

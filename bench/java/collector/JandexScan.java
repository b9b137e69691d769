import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/**
 * Indexes every class of a Spring Boot fat jar with Jandex ({@code BOOT-INF/classes} and every nested jar under
 * {@code BOOT-INF/lib}, read as streams) and counts methods carrying a Spring MVC mapping annotation. Prints
 * {@code ms=<wall ms> routes=<annotated methods> classes=<classes indexed>}. Usage: {@code JandexScan <jar>}.
 */
public final class JandexScan {
    static final List<String> MAPPINGS = List.of("RequestMapping", "GetMapping", "PostMapping", "PutMapping",
            "DeleteMapping", "PatchMapping");

    public static void main(String[] args) throws Exception {
        long t = System.nanoTime();
        Indexer indexer = new Indexer();
        int classes = 0;
        try (ZipFile jar = new ZipFile(args[0])) {
            for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/versions/")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        indexer.index(in);
                        classes++;
                    }
                } else if (e.getName().endsWith(".jar")) {
                    try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(e))) {
                        for (ZipEntry n; (n = nested.getNextEntry()) != null; ) {
                            if (n.getName().endsWith(".class") && !n.getName().startsWith("META-INF/versions/")
                                    && !n.getName().endsWith("module-info.class")) {
                                indexer.index(nested);
                                classes++;
                            }
                        }
                    }
                }
            }
        }
        Index index = indexer.complete();
        int routes = 0;
        for (String m : MAPPINGS) {
            for (var a : index.getAnnotations(DotName.createSimple("org.springframework.web.bind.annotation." + m))) {
                if (a.target().kind() == AnnotationTarget.Kind.METHOD) {
                    routes++;
                }
            }
        }
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.println("ms=" + ms + " routes=" + routes + " classes=" + classes);
    }
}

import dev.runtruth.collector.expected.BytecodeRouteScanner;
import dev.runtruth.collector.expected.ExpectedRoutes;
import java.nio.file.Path;

/**
 * Times the Runtruth collector's route scan of one build output in a fresh JVM, as {@code runtruth expected} does it.
 * Prints {@code ms=<scan wall ms> routes=<routes found>}. Usage: {@code RuntruthScan <jar>}.
 */
public final class RuntruthScan {
    public static void main(String[] args) throws Exception {
        long t = System.nanoTime();
        ExpectedRoutes routes = new BytecodeRouteScanner().scan(Path.of(args[0]));
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.println("ms=" + ms + " routes=" + routes.routes().size());
    }
}

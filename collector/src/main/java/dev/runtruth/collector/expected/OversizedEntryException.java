package dev.runtruth.collector.expected;

import dev.runtruth.collector.InputException;

/**
 * An entry of an otherwise readable archive that goes past {@link BoundedRead}'s bounds (a zip bomb, or an entry that
 * declares a huge size): it refuses the whole scan, since routes read from the rest of the archive would silently
 * miss whatever the entry holds. Unchecked because it is raised inside lazy lookups (a library class asked for while
 * resolving an annotation); {@link BytecodeRouteScanner#scan} turns it into an {@link InputException}.
 */
final class OversizedEntryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String archive;
    private final String entry;
    private final String problem;

    /**
     * @param archive the archive as the user gave it
     * @param entry   the entry's path inside it; {@code lib.jar!/a/B.class} for an entry of a nested jar
     * @param cause   {@link BoundedRead}'s exception
     */
    OversizedEntryException(String archive, String entry, BoundedRead.EntryTooLargeException cause) {
        super(archive + ": " + entry + " " + cause.problem(), cause);
        this.archive = archive;
        this.entry = entry;
        this.problem = cause.problem();
    }

    /**
     * @return {@code <archive>: <entry> <problem>; refused}, e.g. {@code app.jar: BOOT-INF/lib/x.jar!/a/B.class
     *         inflates to more than the 64 MiB read for one entry (a zip bomb?); refused}; exit code 2 on the command
     *         line
     */
    InputException toInputException() {
        return new InputException(archive, entry + " " + problem + "; refused", this);
    }
}

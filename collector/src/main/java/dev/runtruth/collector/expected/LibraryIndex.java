package dev.runtruth.collector.expected;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The classes of a build output's nested library jars, by internal name, read lazily: opening the index reads only
 * the jars' central directories; a class is read and parsed the first time the scanner asks for it (an annotation type
 * referenced by an application class, a superclass or interface of a handler). This is what keeps a 60 MB fat jar
 * cheap: only a handful of its tens of thousands of classes are ever parsed.
 *
 * <p>When two jars hold the same class, the first jar in archive order wins, as on a class path.
 */
final class LibraryIndex {

    /** Where a class lives. */
    private record Location(String lib, LibraryJar jar, String entry) {
    }

    private final String display;
    private final Map<String, Location> locations = new HashMap<>();
    private final Map<String, ClassModel> parsed = new HashMap<>();
    private final Consumer<String> warnings;

    private LibraryIndex(String display, Consumer<String> warnings) {
        this.display = display;
        this.warnings = warnings;
    }

    /**
     * Indexes the nested jars of a build output; a jar that cannot be indexed is reported and skipped.
     * A compressed nested jar that inflates past {@link BoundedRead#MAX_NESTED_JAR_BYTES} throws {@link
     * OversizedEntryException}, as does {@link #find} for a class past {@link BoundedRead#MAX_ENTRY_BYTES}.
     *
     * @param output   the open build output
     * @param warnings receives one line per skipped jar or class
     * @return the index, empty for outputs without nested jars
     */
    static LibraryIndex open(BuildOutput output, Consumer<String> warnings) {
        LibraryIndex index = new LibraryIndex(output.display(), warnings);
        for (String lib : output.libraries()) {
            try {
                LibraryJar jar = output.openLibrary(lib);
                for (String entry : jar.names()) {
                    if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
                        String name = entry.substring(0, entry.length() - ".class".length());
                        index.locations.putIfAbsent(name, new Location(lib, jar, entry));
                    }
                }
            } catch (BoundedRead.EntryTooLargeException e) {
                throw new OversizedEntryException(output.display(), lib, e);
            } catch (IOException | RuntimeException e) {
                warnings.accept(output.display() + "!/" + lib + ": corrupt jar: " + e.getMessage() + "; skipped");
            }
        }
        return index;
    }

    /**
     * @return every indexed class by binary name, to the file name of the nested jar that holds it
     */
    Map<String, String> classLibraries() {
        Map<String, String> out = new HashMap<>();
        locations.forEach((name, location) -> out.put(name.replace('/', '.'),
                location.lib().substring(location.lib().lastIndexOf('/') + 1)));
        return out;
    }

    /**
     * @param internalName e.g. {@code org/springframework/web/bind/annotation/GetMapping}
     * @return the parsed class, or {@code null} when no library holds it or it cannot be read (then reported once)
     */
    ClassModel find(String internalName) {
        if (parsed.containsKey(internalName)) {
            return parsed.get(internalName);
        }
        ClassModel model = null;
        Location location = locations.get(internalName);
        if (location != null) {
            String where = display + "!/" + location.lib() + "!/" + location.entry();
            try {
                model = ClassModelReader.read(location.jar().read(location.entry()), where);
            } catch (BoundedRead.EntryTooLargeException e) {
                throw new OversizedEntryException(display, location.lib() + "!/" + location.entry(), e);
            } catch (IOException e) {
                warnings.accept(where + ": cannot read: " + e.getMessage() + "; skipped");
            } catch (BadClassException e) {
                warnings.accept(where + ": " + e.getMessage() + "; skipped");
            }
        }
        parsed.put(internalName, model);
        return model;
    }
}

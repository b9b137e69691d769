package dev.runtruth.collector.expected;

import java.util.HashMap;
import java.util.Map;

/**
 * The classes a build output ships as libraries, beside the application's own: the classes of a Spring Boot fat jar's
 * {@code BOOT-INF/lib/*.jar}, a war's {@code WEB-INF/lib/*.jar}, Quarkus' {@code lib/}, and the library classes a
 * shaded jar bundles ({@link ShadedJar}). {@code expected} reads routes from the application's own classes only; a
 * served route whose handler is one of these classes (Spring Boot Admin's server, Eureka's Jersey resources, a static
 * resource handler of Spring's) is the build's too: it comes with a library the build ships, so {@code check} does
 * not call it unexpected ({@code DriftReport#fromLibraries}). A route served by a library class the build does
 * <em>not</em> ship (an old image's dependency) stays unexpected.
 */
public final class LibraryClasses {

    /** No library class: manifests, OpenAPI documents, plain class directories. */
    public static final LibraryClasses NONE = new LibraryClasses(Map.of());

    private final Map<String, String> libraryOf;

    private LibraryClasses(Map<String, String> libraryOf) {
        this.libraryOf = libraryOf;
    }

    /**
     * @param libraryOf binary class name ({@code de.codecentric.boot.admin.server.web.InstancesController}) to the
     *                  library that ships it, as shown to users (a jar's file name, or {@code "shaded into <jar>"})
     * @return the index; {@link #NONE} when empty
     */
    public static LibraryClasses of(Map<String, String> libraryOf) {
        return libraryOf.isEmpty() ? NONE : new LibraryClasses(Map.copyOf(libraryOf));
    }

    /**
     * @param handler a route's handler label as the agent reports it: {@code Class#method}, {@code Class#method(..)},
     *                a servlet's {@code Class}, a lambda's {@code Class$$Lambda/0x..}, or several joined with
     *                {@code "; "} (the first is read)
     * @return the library that ships the handler's class, or {@code null} when none does (the application's own
     *         class, a class the build does not ship, or an empty label)
     */
    public String libraryOf(String handler) {
        if (handler == null || handler.isEmpty() || libraryOf.isEmpty()) {
            return null;
        }
        String type = handler;
        for (String end : new String[] {"; ", "#", "$$", " ", "("}) {
            int at = type.indexOf(end);
            if (at >= 0) {
                type = type.substring(0, at);
            }
        }
        return libraryOf.get(type);
    }

    /** @return how many library classes the build ships */
    public int size() {
        return libraryOf.size();
    }

    /**
     * @param other the library classes of another expected source
     * @return the classes of both (the first source's library wins for a class both ship)
     */
    public LibraryClasses plus(LibraryClasses other) {
        if (other.libraryOf.isEmpty()) {
            return this;
        }
        if (libraryOf.isEmpty()) {
            return other;
        }
        Map<String, String> both = new HashMap<>(other.libraryOf);
        both.putAll(libraryOf);
        return new LibraryClasses(Map.copyOf(both));
    }
}

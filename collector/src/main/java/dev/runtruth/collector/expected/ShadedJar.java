package dev.runtruth.collector.expected;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Tells the application's own classes from the libraries a shaded or uber jar bundles beside them (maven-shade,
 * Gradle shadow, assembly {@code jar-with-dependencies}): without that, a library's resources, Jersey's
 * {@code WadlResource} or a profiler's JAX-RS resources, would count as routes the repository declares.
 *
 * <p>The rule, from what the jar itself says:
 * <ol>
 *   <li>a plain jar is shaded when it embeds the {@code META-INF/maven/<groupId>/<artifactId>/pom.properties} of more
 *       than one Maven artifact (each jar packaged by Maven carries its own; shading keeps them);</li>
 *   <li>the application's entry point is the manifest's {@code Start-Class}, else {@code Main-Verticle}, else
 *       {@code Main-Class};</li>
 *   <li>the application's package root is the longest embedded {@code groupId} that is a package prefix of the entry
 *       point's class (the application's own {@code pom.properties}: {@code dev.runtruth.agenttests} for
 *       {@code dev.runtruth.agenttests.dropwizard4.App}), else the entry point's package;</li>
 *   <li>classes in the root package and below are the application's; every other class is a library's: it still
 *       supplies annotation types and supertypes, but declares no expected route.</li>
 * </ol>
 * A shaded jar without an entry point is read whole, as before, and a note says so.
 */
final class ShadedJar {

    private static final String MAVEN = "META-INF/maven/";

    private final String root;
    private final String rootPackage;
    private final int artifacts;
    private final String why;

    private ShadedJar(String root, int artifacts, String why) {
        this.root = root;
        this.rootPackage = root.isEmpty() ? "" : root.replace('.', '/') + "/";
        this.artifacts = artifacts;
        this.why = why;
    }

    /**
     * @param output an open build output
     * @return the application's package root when {@code output} is a shaded plain jar, else {@code null}; an empty
     *         root (every class the application's) when the jar names no entry point
     */
    static ShadedJar of(BuildOutput output) {
        if (output.kind() != BuildOutput.Kind.JAR) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        for (String name : output.entryNames()) {
            if (name.startsWith(MAVEN) && name.endsWith("/pom.properties")) {
                String[] parts = name.substring(MAVEN.length()).split("/");
                if (parts.length == 3) {
                    groups.add(parts[0]);
                }
            }
        }
        if (groups.size() < 2) {
            return null;
        }
        String entry = entryPoint(output.resource(List.of("META-INF/MANIFEST.MF")));
        if (entry == null) {
            return new ShadedJar("", groups.size(), "no Start-Class, Main-Verticle or Main-Class in its manifest");
        }
        int dot = entry.lastIndexOf('.');
        String pkg = dot < 0 ? "" : entry.substring(0, dot);
        String group = groups.stream().filter(g -> pkg.equals(g) || pkg.startsWith(g + "."))
                .max(Comparator.comparingInt(String::length)).orElse(null);
        return group != null
                ? new ShadedJar(group, groups.size(), "entry point " + entry + ", embedded groupId " + group)
                : new ShadedJar(pkg, groups.size(), "the package of its entry point " + entry);
    }

    /**
     * @param internalName a class's internal name, e.g. {@code org/glassfish/jersey/server/wadl/internal/WadlResource}
     * @return whether it is one of the application's classes
     */
    boolean isOwn(String internalName) {
        return rootPackage.isEmpty() || internalName.startsWith(rootPackage);
    }

    /**
     * @param display      the jar as the user gave it
     * @param leftOut      binary names of library classes that would have declared routes
     * @return the note printed with the routes
     */
    String note(String display, List<String> leftOut) {
        if (root.isEmpty()) {
            return display + " is a shaded jar (" + artifacts + " Maven artifacts inside) with " + why
                    + ": every class counts as the application's, library resources included";
        }
        return display + " is a shaded jar (" + artifacts + " Maven artifacts inside): the application's classes are"
                + " those under " + root + " (" + why + ")" + (leftOut.isEmpty() ? ""
                        : "; " + leftOut.size() + " library " + (leftOut.size() == 1 ? "class" : "classes")
                                + " with routes left out, e.g. " + leftOut.get(0));
    }

    private static String entryPoint(byte[] manifest) {
        if (manifest == null) {
            return null;
        }
        try {
            Attributes main = new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes();
            for (String key : List.of("Start-Class", "Main-Verticle", "Main-Class")) {
                String value = main.getValue(key);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
        } catch (IOException e) {
            return null; // an unreadable manifest names no entry point
        }
        return null;
    }
}

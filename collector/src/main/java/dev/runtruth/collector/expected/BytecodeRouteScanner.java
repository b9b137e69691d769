package dev.runtruth.collector.expected;

import dev.runtruth.collector.BuildIdentity;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.config.PlaceholderResolver;
import dev.runtruth.collector.expected.config.SpringConfiguration;
import dev.runtruth.model.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lists the routes a build output declares, by reading class files with ASM; no class is loaded and no code runs.
 * Annotation-declared families, one {@link RouteExtractor} each: Spring MVC or Spring WebFlux controllers
 * ({@link SpringMvcRouteExtractor}, {@link SpringWebFluxRouteExtractor}), JAX-RS resources
 * ({@link JaxRsRouteExtractor}), Micronaut controllers ({@link MicronautRouteExtractor}) and gRPC services
 * ({@link GrpcRouteExtractor}); routes built in code are named in notes ({@link CodeBuiltRoutes}). Understands classes directories, single class files, plain jars, Spring Boot fat jars and wars (see
 * {@link #scan(Path)}). Routes follow Spring Framework 6.2's {@code RequestMappingHandlerMapping}: see
 * {@link SpringMvcRouteExtractor} for handler and method detection and {@link MappingResolver} for composed
 * annotations. The build identity comes from {@code git.properties} and {@code META-INF/build-info.properties}.
 *
 * <p>Only application classes (the directory, the plain jar, {@code BOOT-INF/classes}, {@code WEB-INF/classes}) can be
 * handlers: controllers inside nested library jars (for example Spring Boot's {@code BasicErrorController}) are not
 * what the repository declares. Library jars supply annotation types (so composed annotations and Spring's own
 * shortcuts resolve from real class files, the built-in models being the fallback) and superclasses and interfaces of
 * application handlers.
 *
 * <p>Cost: every application class is parsed with {@code SKIP_CODE | SKIP_DEBUG | SKIP_FRAMES}; of the library jars
 * only the central directories are read, and only the classes the application refers to are parsed
 * ({@link LibraryIndex}).
 *
 * <p>Instances hold no state between scans and may be reused.
 */
public final class BytecodeRouteScanner {

    private final List<String> profiles;

    /** Creates a scanner. */
    public BytecodeRouteScanner() {
        this(List.of());
    }

    /**
     * Creates a scanner that reads the build's Spring configuration with the given profiles active (see
     * {@link SpringConfiguration#read}).
     *
     * @param profiles Spring profiles, in order; empty for {@code spring.profiles.active} or {@code default}
     */
    public BytecodeRouteScanner(List<String> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /**
     * Scans a build output.
     *
     * @param given a classes directory, a {@code .class} file, a jar, a Spring Boot fat jar or a war, or a source
     *              checkout whose build output is found as {@link BuildOutputLocator} says (a note names it)
     * @return the declared routes, the build identity, one warning per bad class, corrupt nested jar, duplicate
     *         Spring route or {@code ${...}} placeholder (the scan goes on past each), and one note per family of
     *         routes built in code
     * @throws InputException if the path does not exist, cannot be read, is a corrupt archive, is a single class file
     *                        that is corrupt, is not a jar, war, class file or directory, is a directory without class
     *                        files that is not a checkout with a build output, or holds an entry that
     *                        inflates past the bounds of {@code BoundedRead} (a zip bomb; names the archive and entry)
     */
    public ExpectedRoutes scan(Path given) throws InputException {
        List<String> warnings = new ArrayList<>();
        BuildOutputLocator.Located located = BuildOutputLocator.locate(given);
        Path path = located.path();
        try (BuildOutput output = BuildOutput.open(path, located.libraries(), warnings::add)) {
            Map<String, ClassModel> application = readApplicationClasses(output, warnings);
            LibraryIndex libraries = LibraryIndex.open(output, warnings::add);
            Function<String, ClassModel> classes = name -> {
                ClassModel model = application.get(name);
                return model != null ? model : libraries.find(name);
            };
            MappingResolver resolver = new MappingResolver(classes);
            SpringConfiguration config = SpringConfiguration.read(name -> output.resource(List.of(name)),
                    output.display(), profiles, warnings::add);
            SpringMvcRouteExtractor spring = new SpringMvcRouteExtractor(classes, resolver, warnings::add,
                    new PlaceholderResolver(config));
            MetaAnnotations meta = new MetaAnnotations(classes);
            boolean reactive = SpringWebFluxRouteExtractor.isReactive(classes);
            String applicationPath = config.jerseyApplicationPath() != null ? config.jerseyApplicationPath()
                    : JaxRsRouteExtractor.applicationPath(application.values(), warnings::add);
            if (applicationPath.isEmpty() && config.quarkusRestPath() != null) {
                applicationPath = config.quarkusRestPath(); // Quarkus: used when no @ApplicationPath is declared
            }
            List<RouteExtractor> extractors = List.of(
                    reactive ? new SpringWebFluxRouteExtractor(spring) : spring,
                    new JaxRsRouteExtractor(classes, meta, applicationPath),
                    new MicronautRouteExtractor(classes, meta),
                    new GrpcRouteExtractor(classes));

            Map<Route, Route> routes = new LinkedHashMap<>();
            ShadedJar shaded = ShadedJar.of(output);
            List<String> leftOut = new ArrayList<>();
            Map<String, String> shipped = libraries.classLibraries();
            for (ClassModel type : application.values()) {
                if (shaded != null && !shaded.isOwn(type.name())) {
                    shipped.put(type.name().replace('/', '.'), "shaded into " + output.display());
                    if (extractors.stream().anyMatch(e -> e.isHandler(type) && !e.routes(type).isEmpty())) {
                        leftOut.add(type.name().replace('/', '.'));
                    }
                    continue; // a library bundled in a shaded jar: its routes are not the repository's
                }
                for (RouteExtractor extractor : extractors) {
                    if (!extractor.isHandler(type)) {
                        continue;
                    }
                    for (Route declared : extractor.routes(type)) {
                        Route route = config.withPrefixes(declared); // context path, servlet path, base path
                        Route earlier = routes.putIfAbsent(route, route);
                        if (earlier != null && !earlier.handler().equals(route.handler())
                                && route.framework().startsWith("spring-")) {
                            warnings.add(route + " is declared by both " + earlier.handler() + " and "
                                    + route.handler() + " (Spring refuses to start with an ambiguous mapping); listed once");
                        }
                    }
                }
            }
            BuildIdentity build = BuildInfoReader.read(output, warnings::add);
            List<String> notes = new ArrayList<>();
            if (located.note() != null) {
                notes.add(located.note());
            }
            if (shaded != null) {
                notes.add(shaded.note(output.display(), leftOut));
            }
            if (located.checkout() != null) {
                notes.add(given + " is a source checkout (" + located.buildFile() + "): read its build output "
                        + path);
                if (build.commit() == null) {
                    notes.add("the commit is unknown: " + path + " holds no git.properties (the"
                            + " git-commit-id-maven-plugin or gradle-git-properties write one); the checkout's HEAD is"
                            + " not taken for it, as the build may be older than the checkout");
                }
            }
            notes.addAll(CodeBuiltRoutes.notes(application.values(), classes));
            return new ExpectedRoutes(output.display(), build, List.copyOf(routes.keySet()), warnings, notes,
                    config.servicePaths(reactive), LibraryClasses.of(shipped));
        } catch (OversizedEntryException e) {
            throw e.toInputException(); // a bomb refuses the archive: what it hides could be routes
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read: " + e, e);
        }
    }

    private static Map<String, ClassModel> readApplicationClasses(BuildOutput output, List<String> warnings)
            throws InputException {
        Map<String, ClassModel> classes = new LinkedHashMap<>();
        List<InputException> fatal = new ArrayList<>(1);
        output.forEachApplicationClass((location, bytes) -> {
            try {
                ClassModel model = ClassModelReader.read(bytes, location);
                classes.putIfAbsent(model.name(), model);
            } catch (BadClassException e) {
                if (output.kind() == BuildOutput.Kind.CLASS_FILE) {
                    fatal.add(new InputException(location, e.getMessage(), e));
                } else {
                    warnings.add(location + ": " + e.getMessage() + "; skipped");
                }
            }
        });
        if (!fatal.isEmpty()) {
            throw fatal.get(0);
        }
        return classes;
    }
}

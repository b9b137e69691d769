package dev.runtruth.collector.testing;

import dev.runtruth.collector.fixtures.OwnerController;
import dev.runtruth.model.PathTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.stereotype.Controller;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The scanner fixtures ({@code dev.runtruth.collector.fixtures}) as class files, jars, fat jars and wars built from
 * them, and the truth about their routes according to Spring itself.
 */
public final class Fixtures {

    /** Package of the fixtures whose placeholders Spring would resolve: left out of the Spring truth. */
    public static final String PLACEHOLDER_PACKAGE = "dev.runtruth.collector.fixtures.placeholder";

    /** A commit id used in the git.properties of built archives. */
    public static final String COMMIT = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private Fixtures() {
    }

    /** @return the test-classes directory */
    public static Path testClasses() {
        return codeSource(OwnerController.class);
    }

    /** @return the fixtures' class directory inside {@link #testClasses()} */
    public static Path fixtureClasses() {
        return testClasses().resolve("dev/runtruth/collector/fixtures");
    }

    /** @return the jar or directory a class was loaded from */
    public static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the real spring-web and spring-context jars of the test class path */
    public static List<Path> springJars() {
        return List.of(codeSource(RestController.class), codeSource(Controller.class));
    }

    /**
     * The routes of the fixtures according to Spring Framework's own {@code RequestMappingHandlerMapping}, after
     * component scanning of the fixtures package (placeholders left out).
     *
     * @return {@code "METHOD /canonical/template handler.Class#method"} lines, method {@code *} for any
     */
    public static Set<String> springTruth() {
        return TRUTH;
    }

    /** @return {@link #springTruth()} as routes, as the agent would export them */
    public static List<dev.runtruth.model.Route> springTruthRoutes() {
        return TRUTH.stream().map(line -> {
            String[] parts = line.split(" ");
            return dev.runtruth.model.Route.of(parts[0], parts[1], "spring-webmvc", parts[2]);
        }).toList();
    }

    private static final Set<String> TRUTH = askSpring();

    private static Set<String> askSpring() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context);
            scanner.addExcludeFilter(new RegexPatternTypeFilter(Pattern.compile(Pattern.quote(PLACEHOLDER_PACKAGE)
                    + "\\..*")));
            scanner.scan("dev.runtruth.collector.fixtures");
            context.refresh();
            RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
            mapping.setApplicationContext(context);
            mapping.afterPropertiesSet();
            Set<String> routes = new TreeSet<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                String handler = entry.getValue().getBeanType().getName() + '#'
                        + entry.getValue().getMethod().getName();
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("*");
                }
                for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                    for (String method : methods) {
                        routes.add(method + ' ' + PathTemplate.canonical(pattern) + ' ' + handler);
                    }
                }
            }
            return java.util.Collections.unmodifiableSet(routes);
        }
    }

    /**
     * Builds a plain jar of the fixture classes (entries relative to the class-path root). Archives leave out the
     * placeholder fixture, so that their routes are exactly the Spring truth.
     */
    public static Path jar(Path target) throws IOException {
        Map<String, byte[]> entries = fixtureEntries("");
        entries.put("git.properties", gitProperties());
        writeZip(target, entries, Map.of());
        return target;
    }

    /**
     * Builds a Spring Boot fat jar: fixture classes under {@code BOOT-INF/classes/}, the real spring-web and
     * spring-context jars stored under {@code BOOT-INF/lib/}, {@code git.properties} and {@code build-info.properties}.
     */
    public static Path fatJar(Path target, Map<String, byte[]> extraLibs) throws IOException {
        Map<String, byte[]> entries = fixtureEntries("BOOT-INF/classes/");
        entries.put("BOOT-INF/classes/git.properties", gitProperties());
        entries.put("BOOT-INF/classes/META-INF/build-info.properties", ("build.artifact=fixtures-app\n"
                + "build.name=fixtures-app\nbuild.version=1.2.3\nbuild.time=2026-11-21T10\\:00\\:00Z\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Map<String, byte[]> libs = new LinkedHashMap<>();
        for (Path jar : springJars()) {
            libs.put("BOOT-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
        }
        extraLibs.forEach((name, bytes) -> libs.put("BOOT-INF/lib/" + name, bytes));
        writeZip(target, entries, libs);
        return target;
    }

    /**
     * Builds a war: fixture classes under {@code WEB-INF/classes/}, spring jars compressed under {@code WEB-INF/lib/}
     * (as maven-war-plugin writes them, unlike Spring Boot's stored ones).
     */
    public static Path war(Path target) throws IOException {
        Map<String, byte[]> entries = fixtureEntries("WEB-INF/classes/");
        entries.put("WEB-INF/classes/git.properties", gitProperties());
        for (Path jar : springJars()) {
            entries.put("WEB-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
        }
        writeZip(target, entries, Map.of());
        return target;
    }

    /** @return git-commit-id-maven-plugin style properties for {@link #COMMIT} */
    public static byte[] gitProperties() {
        return ("#Generated by Git-Commit-Id-Plugin\n"
                + "git.branch=main\n"
                + "git.build.time=2026-11-21T10\\:00\\:00+0000\n"
                + "git.build.version=1.2.3\n"
                + "git.commit.id.abbrev=" + COMMIT.substring(0, 7) + "\n"
                + "git.commit.id.full=" + COMMIT + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes a zip: {@code entries} deflated, {@code stored} stored uncompressed (as Spring Boot stores nested jars).
     */
    public static void writeZip(Path target, Map<String, byte[]> entries, Map<String, byte[]> stored)
            throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
             JarOutputStream zip = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : stored.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setMethod(ZipEntry.STORED);
                zipEntry.setSize(entry.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(entry.getValue());
                zipEntry.setCrc(crc.getValue());
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }

    private static Map<String, byte[]> fixtureEntries(String prefix) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Path root = testClasses();
        Path placeholders = testClasses().resolve(PLACEHOLDER_PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.walk(fixtureClasses())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(placeholders))
                    .sorted().toList()) {
                entries.put(prefix + root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return entries;
    }

    /**
     * Billion laughs in YAML: 9 levels of 8 aliases ({@code a} to {@code j}), 8^9 strings if expanded; a parser must
     * refuse it (alias limit) or read it in bounded time.
     *
     * @return the document, one anchor a line, ending with a newline
     */
    public static String billionLaughsYaml() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append("]\n");
        }
        return yaml.toString();
    }
}

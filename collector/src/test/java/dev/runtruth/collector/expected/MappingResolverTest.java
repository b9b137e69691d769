package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.bind.annotation.RequestMapping;

/** The built-in models of Spring's annotations against spring-web's real class files. */
class MappingResolverTest {

    private static final String PACKAGE = "org/springframework/web/bind/annotation/";

    @ParameterizedTest
    @ValueSource(strings = {"GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping",
        "RequestMapping"})
    void builtInModelsResolveLikeSpringWebsClassFiles(String simpleName) throws Exception {
        Map<String, ClassModel> real = new HashMap<>();
        for (String name : List.of(simpleName, "RequestMapping")) {
            real.put(PACKAGE + name, read(PACKAGE + name));
        }
        MappingResolver fromClassFiles = new MappingResolver(real::get);
        MappingResolver builtIn = new MappingResolver(name -> null);
        String type = PACKAGE + simpleName;

        for (Map<String, Object> values : List.<Map<String, Object>>of(
                Map.of(),
                Map.of("value", List.of("/by-value")),
                Map.of("path", List.of("/by-path", "/and-more")),
                Map.of("value", List.of("/same"), "path", List.of("/same")))) {
            AnnotationInstance annotation = new AnnotationInstance(type, values);
            Optional<MappingResolver.Mapping> expected = fromClassFiles.mapping(List.of(annotation));
            assertThat(expected).as("%s %s from spring-web", simpleName, values).isPresent();
            assertThat(builtIn.mapping(List.of(annotation))).as("%s %s built in", simpleName, values)
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RestController"})
    void controllerStereotypesResolveFromClassFilesAndBuiltIns(String simpleName) throws Exception {
        AnnotationInstance annotation = new AnnotationInstance(PACKAGE + simpleName, Map.of());

        assertThat(new MappingResolver(Map.of(PACKAGE + simpleName, read(PACKAGE + simpleName))::get)
                .isController(List.of(annotation))).isTrue();
        assertThat(new MappingResolver(name -> null).isController(List.of(annotation))).isTrue();
    }

    @org.junit.jupiter.api.Test
    void shortcutPathWinsOverItsDefaultValueMirror() {
        AnnotationInstance delete = new AnnotationInstance(PACKAGE + "DeleteMapping",
                Map.of("path", List.of("/{id}")));

        assertThat(new MappingResolver(name -> null).mapping(List.of(delete)))
                .contains(new MappingResolver.Mapping(List.of("/{id}"), List.of("DELETE"), 1));
    }

    private static ClassModel read(String internalName) throws IOException, BadClassException {
        try (InputStream in = RequestMapping.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            return ClassModelReader.read(in.readAllBytes(), internalName);
        }
    }
}

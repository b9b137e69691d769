package dev.runtruth.collector.expected;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Names of the Spring annotations the scanner understands, and a built-in model of the ones it needs when the build
 * output does not contain spring-web or spring-context (a classes directory, a thin jar).
 *
 * <p>The built-in models copy the declarations of Spring Framework 6.2: {@code @RequestMapping}'s {@code value} and
 * {@code path} are {@code @AliasFor} each other; {@code @GetMapping} (and the other shortcuts) is meta-annotated with
 * {@code @RequestMapping(method = GET)} and declares {@code value} and {@code path} as {@code @AliasFor(annotation =
 * RequestMapping.class)}; {@code @RestController} is meta-annotated with {@code @Controller}. Class files found in the
 * input always win over these models.
 */
final class SpringAnnotations {

    static final String REQUEST_MAPPING = "org/springframework/web/bind/annotation/RequestMapping";
    static final String REST_CONTROLLER = "org/springframework/web/bind/annotation/RestController";
    static final String CONTROLLER = "org/springframework/stereotype/Controller";
    static final String ALIAS_FOR = "org/springframework/core/annotation/AliasFor";
    static final String REQUEST_METHOD_DESCRIPTOR = "Lorg/springframework/web/bind/annotation/RequestMethod;";

    /** The shortcut annotations of Spring Framework 4.3+, by internal name, with the HTTP method they stand for. */
    static final Map<String, String> SHORTCUTS = Stream.of("GET", "POST", "PUT", "DELETE", "PATCH")
            .collect(Collectors.toUnmodifiableMap(
                    m -> "org/springframework/web/bind/annotation/"
                            + m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT) + "Mapping",
                    Function.identity()));

    private static final String STRING_ARRAY = "()[Ljava/lang/String;";
    private static final int ANNOTATION_ACCESS =
            Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ANNOTATION;
    private static final int ATTRIBUTE_ACCESS = Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT;

    private SpringAnnotations() {
    }

    /**
     * @return the built-in models of {@code RequestMapping}, its shortcuts, {@code RestController} and {@code
     *         Controller}, by internal name
     */
    static Map<String, ClassModel> builtIns() {
        Map<String, ClassModel> models = new java.util.HashMap<>();
        models.put(REQUEST_MAPPING, annotationType(REQUEST_MAPPING, List.of(), List.of(
                attribute("value", STRING_ARRAY, aliasFor(null, "path"), List.of()),
                attribute("path", STRING_ARRAY, aliasFor(null, "value"), List.of()),
                attribute("method", "()[" + REQUEST_METHOD_DESCRIPTOR, null, List.of()))));
        SHORTCUTS.forEach((type, method) -> models.put(type, annotationType(type,
                List.of(new AnnotationInstance(REQUEST_MAPPING, Map.of("method",
                        List.of(new AnnotationInstance.EnumValue(REQUEST_METHOD_DESCRIPTOR, method))))),
                List.of(attribute("value", STRING_ARRAY, aliasFor(REQUEST_MAPPING, null), List.of()),
                        attribute("path", STRING_ARRAY, aliasFor(REQUEST_MAPPING, null), List.of())))));
        models.put(REST_CONTROLLER, annotationType(REST_CONTROLLER,
                List.of(new AnnotationInstance(CONTROLLER, Map.of())), List.of()));
        models.put(CONTROLLER, annotationType(CONTROLLER, List.of(), List.of()));
        return Map.copyOf(models);
    }

    private static ClassModel annotationType(String name, List<AnnotationInstance> metaAnnotations,
                                             List<ClassModel.MethodModel> attributes) {
        return new ClassModel(name, ANNOTATION_ACCESS, "java/lang/Object", List.of("java/lang/annotation/Annotation"),
                metaAnnotations, attributes, "built-in model of " + name.replace('/', '.'));
    }

    private static ClassModel.MethodModel attribute(String name, String descriptor, AnnotationInstance aliasFor,
                                                    Object defaultValue) {
        return new ClassModel.MethodModel(name, descriptor, null, ATTRIBUTE_ACCESS,
                aliasFor == null ? List.of() : List.of(aliasFor), defaultValue);
    }

    private static AnnotationInstance aliasFor(String annotation, String attribute) {
        Map<String, Object> values = new java.util.HashMap<>();
        if (annotation != null) {
            values.put("annotation", Type.getObjectType(annotation));
        }
        if (attribute != null) {
            values.put("attribute", attribute);
        }
        return new AnnotationInstance(ALIAS_FOR, values);
    }
}

package dev.runtruth.collector.expected;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds meta-annotations from class files: is an annotation type annotated with a given annotation, directly or
 * through other annotation types (JAX-RS {@code @GET} carries {@code @HttpMethod("GET")}; Micronaut {@code @Get}
 * carries {@code @HttpMethodMapping})? Attribute values are taken as written on the meta-annotation; no aliasing (for
 * Spring's {@code @AliasFor} semantics see {@link MappingResolver}).
 */
final class MetaAnnotations {

    private static final int MAX_DEPTH = 8;

    private final Function<String, ClassModel> types;

    /** @param types finds a class model by internal name, {@code null} when the input does not contain it */
    MetaAnnotations(Function<String, ClassModel> types) {
        this.types = types;
    }

    /**
     * @param annotationType internal name of an annotation type, e.g. {@code jakarta/ws/rs/GET}
     * @param target         internal name of the meta-annotation sought, e.g. {@code jakarta/ws/rs/HttpMethod}
     * @return the {@code target} instance found on {@code annotationType} or, depth first, on the annotation types it
     *         is annotated with (8 levels at most); empty when none is found or the type is not in the input
     */
    Optional<AnnotationInstance> find(String annotationType, String target) {
        Set<String> seen = new HashSet<>();
        Deque<String[]> pending = new ArrayDeque<>();
        pending.push(new String[] {annotationType, "0"});
        while (!pending.isEmpty()) {
            String[] next = pending.pop();
            int depth = Integer.parseInt(next[1]);
            ClassModel type = seen.add(next[0]) && depth <= MAX_DEPTH ? annotationType(next[0]) : null;
            if (type == null) {
                continue;
            }
            for (AnnotationInstance meta : type.annotations()) {
                if (meta.type().equals(target)) {
                    return Optional.of(meta);
                }
            }
            List<AnnotationInstance> metas = type.annotations();
            for (int i = metas.size() - 1; i >= 0; i--) {
                pending.push(new String[] {metas.get(i).type(), String.valueOf(depth + 1)});
            }
        }
        return Optional.empty();
    }

    /**
     * @param annotations annotations on an element
     * @param target      internal name of an annotation type
     * @return whether one of {@code annotations} is {@code target} or meta-annotated with it
     */
    boolean isAnnotated(List<AnnotationInstance> annotations, String target) {
        for (AnnotationInstance annotation : annotations) {
            if (annotation.type().equals(target) || find(annotation.type(), target).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private ClassModel annotationType(String name) {
        if (name.startsWith("java/lang/annotation/") || name.startsWith("kotlin/annotation/")) {
            return null;
        }
        ClassModel model = types.apply(name);
        return model != null && model.isAnnotation() ? model : null;
    }
}

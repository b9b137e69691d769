package dev.runtruth.collector.expected;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Type;

/**
 * Resolves annotations to Spring MVC's {@code @RequestMapping} and {@code @Controller} the way Spring's
 * {@code MergedAnnotations} does (Spring Framework 6.2, {@code AnnotationTypeMapping}), from class files only:
 * meta-annotations are followed through the annotation types' class files found in the input (falling back to
 * {@link SpringAnnotations#builtIns()}), with attribute overrides by {@code @AliasFor} (explicit, transitive, and
 * mirrored pairs such as {@code value}/{@code path}) and the convention-based overrides Spring 6.x still honours
 * (an attribute of the same name, other than {@code value}, in a composed annotation overrides the meta-annotation's).
 *
 * <p>Precedence of an attribute value, highest first, as in {@code AnnotationTypeMapping}: an {@code @AliasFor}
 * chain from the annotation as written; a convention override from the closest level to it; an {@code @AliasFor}
 * declared on an intermediate meta-annotation (closest wins); the meta-annotation's own value or default.
 */
final class MappingResolver {

    /** The merged {@code path} and {@code method} attributes of one {@code @RequestMapping}, and how deep it was. */
    record Mapping(List<String> paths, List<String> methods, int distance) {
    }

    private static final int MAX_DEPTH = 8;
    private static final int OWN_VALUE = Integer.MAX_VALUE;
    private static final int VALUE_CONVENTION = Integer.MAX_VALUE - 1;

    /** An attribute value and its precedence: lower rank wins. */
    private record Ranked(Object value, int rank) {
    }

    /** The target of an {@code @AliasFor}: annotation type (internal name) and attribute. */
    private record Alias(String annotation, String attribute) {
    }

    private final Function<String, ClassModel> inputTypes;
    private final Map<String, ClassModel> builtIns = SpringAnnotations.builtIns();
    private final Map<String, Boolean> leadsToMapping = new HashMap<>();

    /**
     * @param inputTypes finds annotation types in the input by internal name ({@code null} when absent); they win over
     *                   the built-in models
     */
    MappingResolver(Function<String, ClassModel> inputTypes) {
        this.inputTypes = inputTypes;
    }

    /**
     * @return {@code true} if one of {@code annotations} is {@code @Controller} or meta-annotated with it at any depth
     *         ({@code @RestController} is)
     */
    boolean isController(List<AnnotationInstance> annotations) {
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>();
        annotations.forEach(a -> pending.add(a.type()));
        while (!pending.isEmpty()) {
            String type = pending.remove(pending.size() - 1);
            if (type.equals(SpringAnnotations.CONTROLLER)) {
                return true;
            }
            ClassModel model = seen.add(type) ? type(type) : null;
            if (model != null) {
                model.annotations().forEach(a -> pending.add(a.type()));
            }
        }
        return false;
    }

    /**
     * Finds the request mapping of one annotated element, as Spring's {@code RequestMappingHandlerMapping} does: the
     * {@code @RequestMapping} (direct or merged from a composed annotation) closest to the element; on a tie, the one
     * declared first.
     *
     * @param annotations the element's runtime-visible annotations, in declaration order
     * @return the merged mapping, or empty when no annotation is or composes {@code @RequestMapping}
     */
    Optional<Mapping> mapping(List<AnnotationInstance> annotations) {
        Mapping best = null;
        for (AnnotationInstance annotation : annotations) {
            if (!leadsToMapping(annotation.type())) {
                continue;
            }
            Mapping candidate = resolve(annotation, Map.of(), Map.of(), 0, new HashSet<>());
            if (candidate != null && (best == null || candidate.distance() < best.distance())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private Mapping resolve(AnnotationInstance annotation, Map<String, Ranked> overrides,
                            Map<String, Ranked> conventions, int level, Set<String> chain) {
        ClassModel type = type(annotation.type());
        if (type == null || level > MAX_DEPTH || !chain.add(type.name())) {
            return null;
        }
        Map<String, Ranked> values = effectiveValues(type, annotation, overrides, conventions, level);
        if (type.name().equals(SpringAnnotations.REQUEST_MAPPING)) {
            return new Mapping(strings(value(values, "path")), methods(value(values, "method")), level);
        }
        for (AnnotationInstance meta : type.annotations()) {
            if (!leadsToMapping(meta.type())) {
                continue;
            }
            Map<String, Ranked> nextOverrides = new HashMap<>(overrides);
            Map<String, Ranked> nextConventions = new HashMap<>(conventions);
            for (ClassModel.MethodModel attribute : type.methods()) {
                Ranked value = values.get(attribute.name());
                Alias alias = aliasFor(type, attribute);
                if (alias != null && !alias.annotation().equals(type.name())) {
                    int rank = level == 0 || value.rank() == 0 ? 0 : 2 * level;
                    merge(nextOverrides, alias.annotation() + '#' + alias.attribute(), new Ranked(value.value(), rank));
                }
                if (level == 0) {
                    boolean explicit = alias != null && !alias.annotation().equals(type.name());
                    if (!attribute.name().equals("value") && !explicit) {
                        merge(nextConventions, attribute.name(), new Ranked(value.value(), 1));
                    }
                } else {
                    int rank = attribute.name().equals("value") ? VALUE_CONVENTION : 2 * level + 1;
                    merge(nextConventions, attribute.name(), new Ranked(value.value(), rank));
                }
            }
            Mapping mapping = resolve(meta, nextOverrides, nextConventions, level + 1, new HashSet<>(chain));
            if (mapping != null) {
                return mapping;
            }
        }
        return null;
    }

    /** Values of every attribute of one annotation instance after mirrors, overrides and conventions. */
    private Map<String, Ranked> effectiveValues(ClassModel type, AnnotationInstance annotation,
                                                Map<String, Ranked> overrides, Map<String, Ranked> conventions,
                                                int level) {
        Map<String, Ranked> values = new LinkedHashMap<>();
        for (List<ClassModel.MethodModel> mirrors : mirrorSets(type)) {
            Object own = null;
            for (ClassModel.MethodModel attribute : mirrors) {
                Object declared = annotation.values().get(attribute.name());
                if (declared != null && !declared.equals(attribute.defaultValue())) {
                    own = declared;
                    break;
                }
            }
            Object defaultValue = mirrors.get(0).defaultValue();
            Ranked best = new Ranked(own != null ? own : defaultValue, OWN_VALUE);
            for (ClassModel.MethodModel attribute : mirrors) {
                best = better(best, overrides.get(type.name() + '#' + attribute.name()), defaultValue);
                best = better(best, level > 0 ? conventions.get(attribute.name()) : null, defaultValue);
            }
            for (ClassModel.MethodModel attribute : mirrors) {
                values.put(attribute.name(), best);
            }
        }
        return values;
    }

    /**
     * Lower rank wins. Between equal ranks a non-default value wins: two attributes of one annotation that alias the
     * two halves of a mirrored pair (such as {@code @GetMapping}'s {@code value} and {@code path}) are mirrors
     * themselves, and Spring's {@code MirrorSet.resolve} takes the one that is set.
     */
    private static Ranked better(Ranked best, Ranked candidate, Object defaultValue) {
        if (candidate == null) {
            return best;
        }
        if (candidate.rank() < best.rank()) {
            return candidate;
        }
        boolean bestIsDefault = best.value() == null || best.value().equals(defaultValue);
        boolean candidateIsDefault = candidate.value() == null || candidate.value().equals(defaultValue);
        return candidate.rank() == best.rank() && bestIsDefault && !candidateIsDefault ? candidate : best;
    }

    /** Groups the attributes of an annotation type that are {@code @AliasFor} each other within the type. */
    private List<List<ClassModel.MethodModel>> mirrorSets(ClassModel type) {
        Map<String, List<ClassModel.MethodModel>> setOf = new LinkedHashMap<>();
        for (ClassModel.MethodModel attribute : type.methods()) {
            setOf.put(attribute.name(), new ArrayList<>(List.of(attribute)));
        }
        for (ClassModel.MethodModel attribute : type.methods()) {
            Alias alias = aliasFor(type, attribute);
            if (alias != null && alias.annotation().equals(type.name()) && setOf.containsKey(alias.attribute())) {
                List<ClassModel.MethodModel> a = setOf.get(attribute.name());
                List<ClassModel.MethodModel> b = setOf.get(alias.attribute());
                if (a != b) {
                    a.addAll(b);
                    b.forEach(m -> setOf.put(m.name(), a));
                }
            }
        }
        List<List<ClassModel.MethodModel>> sets = new ArrayList<>();
        setOf.values().stream().distinct().forEach(sets::add);
        return sets;
    }

    private static Alias aliasFor(ClassModel type, ClassModel.MethodModel attribute) {
        for (AnnotationInstance annotation : attribute.annotations()) {
            if (annotation.type().equals(SpringAnnotations.ALIAS_FOR)) {
                Object target = annotation.values().get("annotation");
                String annotationType = target instanceof Type t && !t.getInternalName().equals(
                        "java/lang/annotation/Annotation") ? t.getInternalName() : type.name();
                String name = nonEmpty(annotation.values().get("attribute"));
                if (name == null) {
                    name = nonEmpty(annotation.values().get("value"));
                }
                return new Alias(annotationType, name == null ? attribute.name() : name);
            }
        }
        return null;
    }

    /** @return whether {@code type} is {@code @RequestMapping} or meta-annotated with it at any depth (cached) */
    private boolean leadsToMapping(String type) {
        return leadsToMapping.computeIfAbsent(type, t -> searchMapping(t, new HashSet<>()));
    }

    private boolean searchMapping(String type, Set<String> visited) {
        if (type.equals(SpringAnnotations.REQUEST_MAPPING)) {
            return true;
        }
        ClassModel model = visited.add(type) ? type(type) : null;
        if (model != null) {
            for (AnnotationInstance meta : model.annotations()) {
                if (searchMapping(meta.type(), visited)) {
                    return true;
                }
            }
        }
        return false;
    }

    private ClassModel type(String name) {
        if (name.startsWith("java/lang/annotation/") || name.startsWith("kotlin/annotation/")) {
            return null;
        }
        ClassModel model = inputTypes.apply(name);
        return model != null && model.isAnnotation() ? model : builtIns.get(name);
    }

    private static void merge(Map<String, Ranked> map, String key, Ranked value) {
        map.merge(key, value, (old, candidate) -> candidate.rank() < old.rank() ? candidate : old);
    }

    private static Object value(Map<String, Ranked> values, String name) {
        Ranked ranked = values.get(name);
        return ranked == null ? null : ranked.value();
    }

    private static String nonEmpty(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
        return out;
    }

    private static List<String> methods(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(v instanceof AnnotationInstance.EnumValue e ? e.name() : String.valueOf(v)));
        } else if (value instanceof AnnotationInstance.EnumValue e) {
            out.add(e.name());
        }
        return out;
    }
}

package dev.runtruth.collector.expected;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;

/**
 * The instance methods a class exposes and where their annotations come from, for frameworks whose method
 * annotations are inherited from an overridden method when the overriding one has none (JAX-RS 3.1 section 3.6
 * "Annotation Inheritance"; Micronaut's annotation metadata of interface methods). Overrides are matched by name and
 * erased parameter types; generic bridges are ignored.
 */
final class InheritedMethods {

    /** A method and the class that declares it. */
    record Declared(ClassModel owner, ClassModel.MethodModel method) {
    }

    private final Function<String, ClassModel> classes;

    /** @param classes finds a class model by internal name, {@code null} when the input does not contain it */
    InheritedMethods(Function<String, ClassModel> classes) {
        this.classes = classes;
    }

    /**
     * @param type a concrete class
     * @return its non-static, non-private, non-synthetic methods and those of its superclasses, each once as its
     *         most specific declaration, then default methods of its interfaces that the class chain does not declare
     */
    List<Declared> methods(ClassModel type) {
        Map<String, Declared> byKey = new LinkedHashMap<>();
        for (ClassModel t = type; t != null; t = superclass(t)) {
            for (ClassModel.MethodModel method : t.methods()) {
                if (isCandidate(method)) {
                    byKey.putIfAbsent(key(method), new Declared(t, method));
                }
            }
        }
        for (ClassModel iface : supertypes(type)) {
            if (iface.isInterface()) {
                for (ClassModel.MethodModel method : iface.methods()) {
                    if (isCandidate(method) && !method.isAbstract()) {
                        byKey.putIfAbsent(key(method), new Declared(iface, method));
                    }
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    /**
     * @param declared  a method
     * @param annotated whether a declaration carries the framework's annotations
     * @return the declaration whose annotations apply: {@code declared} itself when {@code annotated}, else the first
     *         annotated method it overrides, superclasses before interfaces (JAX-RS 3.6); empty when none
     */
    Optional<ClassModel.MethodModel> annotatedDeclaration(Declared declared,
                                                          Predicate<ClassModel.MethodModel> annotated) {
        if (annotated.test(declared.method())) {
            return Optional.of(declared.method());
        }
        String key = key(declared.method());
        for (ClassModel type : supertypes(declared.owner())) {
            for (ClassModel.MethodModel candidate : type.methods()) {
                if (isCandidate(candidate) && key(candidate).equals(key) && annotated.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @return the supertypes of {@code type} found in the input, {@code type} excluded: its superclasses nearest
     *         first, then every interface they implement, breadth first
     */
    List<ClassModel> supertypes(ClassModel type) {
        Set<String> seen = new LinkedHashSet<>();
        List<ClassModel> out = new ArrayList<>();
        List<ClassModel> chain = new ArrayList<>();
        for (ClassModel t = type; t != null; t = superclass(t)) {
            chain.add(t);
            if (t != type && seen.add(t.name())) {
                out.add(t);
            }
        }
        List<String> pending = new ArrayList<>();
        chain.forEach(t -> pending.addAll(t.interfaces()));
        while (!pending.isEmpty()) {
            String name = pending.remove(0);
            ClassModel iface = seen.add(name) ? classes.apply(name) : null;
            if (iface != null) {
                out.add(iface);
                pending.addAll(iface.interfaces());
            }
        }
        return out;
    }

    private ClassModel superclass(ClassModel type) {
        String name = type.superName();
        return name == null || name.equals("java/lang/Object") ? null : classes.apply(name);
    }

    private static boolean isCandidate(ClassModel.MethodModel method) {
        return !method.isBridgeOrSynthetic()
                && (method.access() & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0;
    }

    private static String key(ClassModel.MethodModel method) {
        return method.name() + method.parameterDescriptor();
    }
}

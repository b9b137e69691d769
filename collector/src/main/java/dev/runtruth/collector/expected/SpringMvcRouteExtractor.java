package dev.runtruth.collector.expected;

import dev.runtruth.collector.expected.config.PlaceholderResolver;
import dev.runtruth.collector.expected.config.SpringConfiguration;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Derives the routes Spring MVC's {@code RequestMappingHandlerMapping} (Spring Framework 6.2) would register for one
 * handler class, from class models only:
 * <ul>
 *   <li>a handler is a concrete class annotated (directly or through meta-annotations) with {@code @Controller};</li>
 *   <li>its methods are those of the class, its superclasses and its interfaces, bridge and synthetic methods excluded
 *       ({@code MethodIntrospector}, {@code ReflectionUtils.USER_DECLARED_METHODS}); an inherited method counts once,
 *       as the most specific declaration in the class chain;</li>
 *   <li>a method's mapping is the first found on the method itself or on a method it overrides, searching the
 *       declaring class, then its interfaces, then its superclass, recursively ({@code SearchStrategy.TYPE_HIERARCHY});
 *       the class-level mapping is searched the same way over types;</li>
 *   <li>class and method mappings combine by {@link SpringPathCombiner} for paths and by union for HTTP methods
 *       ({@code RequestMethodsRequestCondition.combine}); no method at all means {@link Route#ANY_METHOD}.</li>
 * </ul>
 * Overrides are matched by name and parameter types; a parameter that is a type variable in the overridden method's
 * generic signature matches any type (an approximation of Spring's generic resolution).
 */
final class SpringMvcRouteExtractor implements RouteExtractor {

    /** The framework value of every route this extractor produces, the same the agent exports. */
    static final String FRAMEWORK = "spring-webmvc";

    private final Function<String, ClassModel> classes;
    private final MappingResolver resolver;
    private final Consumer<String> warnings;
    private final PlaceholderResolver placeholders;

    /**
     * @param classes  finds a class model by internal name, {@code null} when the input does not contain it
     * @param resolver resolves annotations to request mappings
     * @param warnings receives one line per placeholder kept verbatim
     */
    SpringMvcRouteExtractor(Function<String, ClassModel> classes, MappingResolver resolver, Consumer<String> warnings) {
        this(classes, resolver, warnings, new PlaceholderResolver(SpringConfiguration.empty()));
    }

    /**
     * @param placeholders resolves {@code ${...}} in mapping paths from the build's configuration; unresolvable ones
     *                     become a {@code *} segment with a warning
     */
    SpringMvcRouteExtractor(Function<String, ClassModel> classes, MappingResolver resolver, Consumer<String> warnings,
            PlaceholderResolver placeholders) {
        this.classes = classes;
        this.resolver = resolver;
        this.warnings = warnings;
        this.placeholders = placeholders;
    }

    /** @return whether Spring would register {@code type} as a handler: concrete and {@code @Controller}-annotated */
    @Override
    public boolean isHandler(ClassModel type) {
        return !type.isInterface() && !type.isAbstract() && !type.isAnnotation()
                && resolver.isController(type.annotations());
    }

    /**
     * @return the supertypes of {@code type}, in Spring's {@code TYPE_HIERARCHY} search order, starting with {@code
     *         type} itself; supertypes missing from the input are skipped
     */
    List<ClassModel> hierarchy(ClassModel type) {
        Map<String, ClassModel> out = new LinkedHashMap<>();
        addHierarchy(type, out);
        return List.copyOf(out.values());
    }

    /**
     * @param handler a class for which {@link #isHandler} holds
     * @return its routes, with handler text {@code com.example.OwnerController#showOwner}
     */
    @Override
    public List<Route> routes(ClassModel handler) {
        Optional<MappingResolver.Mapping> typeMapping = Optional.empty();
        for (ClassModel type : hierarchy(handler)) {
            typeMapping = resolver.mapping(type.annotations());
            if (typeMapping.isPresent()) {
                break;
            }
        }
        List<Route> routes = new ArrayList<>();
        for (Declared method : handlerMethods(handler)) {
            Optional<MappingResolver.Mapping> methodMapping = methodMapping(method);
            if (methodMapping.isEmpty()) {
                continue;
            }
            String handlerText = handler.binaryName() + '#' + method.method().name();
            List<String> typePaths = placeholders.resolve(
                    typeMapping.map(MappingResolver.Mapping::paths).orElse(List.of()), handlerText, warnings);
            List<String> methodPaths = placeholders.resolve(methodMapping.get().paths(), handlerText, warnings);
            Set<String> httpMethods = new LinkedHashSet<>(
                    typeMapping.map(MappingResolver.Mapping::methods).orElse(List.of()));
            httpMethods.addAll(methodMapping.get().methods());
            if (httpMethods.isEmpty()) {
                httpMethods.add(Route.ANY_METHOD);
            }
            for (String path : SpringPathCombiner.combine(typePaths, methodPaths)) {
                for (String httpMethod : httpMethods) {
                    routes.add(Route.of(httpMethod, path, FRAMEWORK, handlerText));
                }
            }
        }
        return routes;
    }

    /** A method and the class that declares it. */
    private record Declared(ClassModel owner, ClassModel.MethodModel method) {
    }

    /** The methods {@code MethodIntrospector.selectMethods} inspects, each as its most specific declaration. */
    private List<Declared> handlerMethods(ClassModel handler) {
        Map<String, Declared> byKey = new LinkedHashMap<>();
        Set<String> classChainKeys = new LinkedHashSet<>();
        for (ClassModel type = handler; type != null; type = type.superName() == null ? null
                : classes.apply(type.superName())) {
            for (ClassModel.MethodModel method : type.methods()) {
                String key = method.name() + method.parameterDescriptor();
                classChainKeys.add(key); // bridges count here: they mark a generic interface method as implemented
                if (!method.isBridgeOrSynthetic()) {
                    byKey.putIfAbsent(key, new Declared(type, method));
                }
            }
        }
        for (ClassModel type : hierarchy(handler)) {
            if (!type.isInterface()) {
                continue;
            }
            for (ClassModel.MethodModel method : type.methods()) {
                String key = method.name() + method.parameterDescriptor();
                if (!method.isBridgeOrSynthetic() && !method.isAbstract() && !classChainKeys.contains(key)) {
                    byKey.putIfAbsent(key, new Declared(type, method)); // an inherited default method
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    private Optional<MappingResolver.Mapping> methodMapping(Declared declared) {
        for (ClassModel type : hierarchy(declared.owner())) {
            for (ClassModel.MethodModel candidate : type.methods()) {
                boolean same = type == declared.owner();
                if (same ? candidate == declared.method() : overrides(declared.method(), candidate)) {
                    Optional<MappingResolver.Mapping> mapping = resolver.mapping(candidate.annotations());
                    if (mapping.isPresent()) {
                        return mapping;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Does {@code method} override {@code candidate}, a method of one of its declaring class's supertypes? */
    private static boolean overrides(ClassModel.MethodModel method, ClassModel.MethodModel candidate) {
        if (!method.name().equals(candidate.name()) || candidate.isBridgeOrSynthetic()
                || (candidate.access() & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) != 0) {
            return false;
        }
        if (method.parameterDescriptor().equals(candidate.parameterDescriptor())) {
            return true;
        }
        Type[] own = Type.getArgumentTypes(method.descriptor());
        Type[] theirs = Type.getArgumentTypes(candidate.descriptor());
        if (own.length != theirs.length || candidate.signature() == null) {
            return false;
        }
        boolean[] typeVariables = typeVariableParameters(candidate.signature(), theirs.length);
        for (int i = 0; i < own.length; i++) {
            if (!own[i].equals(theirs[i]) && !typeVariables[i]) {
                return false;
            }
        }
        return true;
    }

    /** Which parameters of a generic method signature are type variables (or arrays of them). */
    private static boolean[] typeVariableParameters(String signature, int count) {
        boolean[] result = new boolean[count];
        int[] index = {-1};
        try {
            new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
                @Override
                public SignatureVisitor visitParameterType() {
                    int parameter = ++index[0];
                    return new SignatureVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitTypeVariable(String name) {
                            if (parameter < count) {
                                result[parameter] = true;
                            }
                        }

                        @Override
                        public SignatureVisitor visitArrayType() {
                            return this;
                        }

                        @Override
                        public SignatureVisitor visitTypeArgument(char wildcard) {
                            return new SignatureVisitor(Opcodes.ASM9) {
                            };
                        }
                    };
                }
            });
        } catch (RuntimeException e) {
            // a malformed signature: match on erased types only
        }
        return result;
    }

    private void addHierarchy(ClassModel type, Map<String, ClassModel> out) {
        if (type == null || out.containsKey(type.name())) {
            return;
        }
        out.put(type.name(), type);
        for (String iface : type.interfaces()) {
            addHierarchy(classes.apply(iface), out);
        }
        if (type.superName() != null && !type.superName().equals("java/lang/Object")) {
            addHierarchy(classes.apply(type.superName()), out);
        }
    }
}

package dev.runtruth.collector.expected;

import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * What the scanner knows of one class file: its name, modifiers, supertypes, runtime-visible annotations and methods
 * (with their annotations and, for annotation types, their defaults). Built by {@link ClassModelReader} from bytes;
 * no class is ever loaded.
 *
 * @param name        internal name, e.g. {@code com/example/OwnerController}
 * @param access      class access flags ({@link Opcodes#ACC_INTERFACE}, ...)
 * @param superName   internal name of the superclass, {@code null} for {@code java/lang/Object} and interfaces' none
 * @param interfaces  internal names of the directly implemented or extended interfaces
 * @param annotations runtime-visible annotations on the class
 * @param methods     declared methods, constructors excluded
 * @param location    where the class file was read, for messages, e.g. {@code app.jar!/BOOT-INF/classes/a/B.class}
 */
record ClassModel(String name, int access, String superName, List<String> interfaces,
                  List<AnnotationInstance> annotations, List<MethodModel> methods, String location) {

    ClassModel {
        interfaces = List.copyOf(interfaces);
        annotations = List.copyOf(annotations);
        methods = List.copyOf(methods);
    }

    /** @return the binary name with dots, e.g. {@code com.example.OwnerController} or {@code a.Outer$Inner} */
    String binaryName() {
        return name.replace('/', '.');
    }

    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    boolean isAnnotation() {
        return (access & Opcodes.ACC_ANNOTATION) != 0;
    }

    boolean isAbstract() {
        return (access & Opcodes.ACC_ABSTRACT) != 0;
    }

    /**
     * One declared method.
     *
     * @param name         method name
     * @param descriptor   JVM method descriptor, e.g. {@code (Ljava/lang/Long;)Ljava/lang/String;}
     * @param signature    generic signature or {@code null}
     * @param access       method access flags
     * @param annotations  runtime-visible annotations on the method
     * @param defaultValue the annotation attribute default ({@code AnnotationDefault}), {@code null} when none
     * @param classRetained {@code RetentionPolicy.CLASS} annotations on the method (the class file's
     *                      {@code RuntimeInvisibleAnnotations}), e.g. gRPC's {@code @RpcMethod} on generated
     *                      {@code *Grpc} classes; never used for route mappings, which are all runtime-visible
     */
    record MethodModel(String name, String descriptor, String signature, int access,
                       List<AnnotationInstance> annotations, Object defaultValue,
                       List<AnnotationInstance> classRetained) {

        MethodModel {
            annotations = List.copyOf(annotations);
            classRetained = List.copyOf(classRetained);
        }

        /** A method without class-retained annotations (built-in annotation models, tests). */
        MethodModel(String name, String descriptor, String signature, int access,
                    List<AnnotationInstance> annotations, Object defaultValue) {
            this(name, descriptor, signature, access, annotations, defaultValue, List.of());
        }

        /** @return {@code true} for methods Spring's {@code MethodIntrospector} skips: bridge and synthetic ones */
        boolean isBridgeOrSynthetic() {
            return (access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0;
        }

        boolean isAbstract() {
            return (access & Opcodes.ACC_ABSTRACT) != 0;
        }

        /** @return the parameter part of the descriptor, e.g. {@code (Ljava/lang/Long;)} */
        String parameterDescriptor() {
            return descriptor.substring(0, descriptor.indexOf(')') + 1);
        }
    }
}

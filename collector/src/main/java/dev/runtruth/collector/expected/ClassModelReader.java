package dev.runtruth.collector.expected;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads class-file bytes into a {@link ClassModel} with ASM's {@link ClassReader}, skipping code, debug information and
 * frames (annotations and signatures are all the scanner needs). Never loads a class.
 */
final class ClassModelReader {

    /** The first four bytes of every class file (JVM specification, section 4.1). */
    static final int MAGIC = 0xCAFEBABE;

    private static final int PARSING_OPTIONS = ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES;

    private ClassModelReader() {
    }

    /**
     * The cheap part of a class file: access flags, name and supertypes, read from the constant pool without visiting
     * members.
     */
    record Header(int access, String name, String superName, List<String> interfaces) {

        boolean isAnnotation() {
            return (access & Opcodes.ACC_ANNOTATION) != 0;
        }
    }

    /**
     * Checks the class-file magic number, as jandex's {@code Indexer.verifyMagic} does.
     *
     * @param bytes the file content
     * @throws BadClassException naming the magic found, or the length when the file is shorter than the magic
     */
    static void verifyMagic(byte[] bytes) throws BadClassException {
        if (bytes.length < 4) {
            throw new BadClassException("not a class file: " + bytes.length
                    + " bytes, too short for the 0xCAFEBABE magic", null);
        }
        int magic = (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
        if (magic != MAGIC) {
            throw new BadClassException(String.format("not a class file: magic 0x%08X, expected 0xCAFEBABE", magic),
                    null);
        }
    }

    /**
     * Reads the header of a class file.
     *
     * @param bytes the class file
     * @return access flags, name and supertypes
     * @throws BadClassException if the magic is wrong or the constant pool is truncated or unsupported
     */
    static Header header(byte[] bytes) throws BadClassException {
        ClassReader reader = reader(bytes);
        try {
            return new Header(reader.getAccess(), reader.getClassName(), reader.getSuperName(),
                    Arrays.asList(reader.getInterfaces()));
        } catch (RuntimeException e) {
            throw corrupt(e);
        }
    }

    /**
     * Reads a whole class file (code skipped) into a model.
     *
     * @param bytes    the class file
     * @param location where it was read, kept in the model for messages
     * @return the model
     * @throws BadClassException if the magic is wrong or ASM rejects the file (truncated, unsupported version, ...)
     */
    static ClassModel read(byte[] bytes, String location) throws BadClassException {
        ClassReader reader = reader(bytes);
        ModelVisitor visitor = new ModelVisitor(location);
        try {
            reader.accept(visitor, PARSING_OPTIONS);
        } catch (RuntimeException e) {
            throw corrupt(e);
        }
        return visitor.build();
    }

    private static ClassReader reader(byte[] bytes) throws BadClassException {
        verifyMagic(bytes);
        try {
            return new ClassReader(bytes);
        } catch (RuntimeException e) {
            throw corrupt(e);
        }
    }

    private static BadClassException corrupt(RuntimeException e) {
        String detail = e instanceof ArrayIndexOutOfBoundsException || e.getMessage() == null
                ? "truncated or malformed (" + e.getClass().getSimpleName() + ")"
                : e.getMessage();
        return new BadClassException("corrupt class file: " + detail, e);
    }

    /**
     * Collects the class header, runtime-visible class and method annotations, class-retained method annotations
     * and annotation defaults.
     */
    private static final class ModelVisitor extends ClassVisitor {

        private final String location;
        private final List<AnnotationInstance> annotations = new ArrayList<>();
        private final List<ClassModel.MethodModel> methods = new ArrayList<>();
        private int access;
        private String name;
        private String superName;
        private List<String> interfaces = List.of();

        ModelVisitor(String location) {
            super(Opcodes.ASM9);
            this.location = location;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.access = access;
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : Arrays.asList(interfaces);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            // mapping and stereotype annotations are all RUNTIME retention: invisible ones cannot matter
            return visible ? new InstanceVisitor(descriptor, annotations::add) : null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            if (name.equals("<init>") || name.equals("<clinit>")) {
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                private final List<AnnotationInstance> methodAnnotations = new ArrayList<>();
                private final List<AnnotationInstance> classRetained = new ArrayList<>();
                private final Object[] defaultValue = new Object[1];

                @Override
                public AnnotationVisitor visitAnnotationDefault() {
                    return new ValueVisitor(value -> defaultValue[0] = value);
                }

                @Override
                public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
                    return new InstanceVisitor(annotationDescriptor,
                            visible ? methodAnnotations::add : classRetained::add);
                }

                @Override
                public void visitEnd() {
                    methods.add(new ClassModel.MethodModel(name, descriptor, signature, access, methodAnnotations,
                            defaultValue[0], classRetained));
                }
            };
        }

        ClassModel build() {
            return new ClassModel(name, access, superName, interfaces, annotations, methods, location);
        }
    }

    /** Builds one {@link AnnotationInstance}. */
    private static final class InstanceVisitor extends AnnotationVisitor {

        private final String type;
        private final Consumer<AnnotationInstance> sink;
        private final Map<String, Object> values = new LinkedHashMap<>();

        InstanceVisitor(String descriptor, Consumer<AnnotationInstance> sink) {
            super(Opcodes.ASM9);
            this.type = Type.getType(descriptor).getInternalName();
            this.sink = sink;
        }

        @Override
        public void visit(String name, Object value) {
            values.put(name, ValueVisitor.plain(value));
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            values.put(name, new AnnotationInstance.EnumValue(descriptor, value));
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return new InstanceVisitor(descriptor, nested -> values.put(name, nested));
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return new ArrayVisitor(list -> values.put(name, list));
        }

        @Override
        public void visitEnd() {
            sink.accept(new AnnotationInstance(type, values));
        }
    }

    /** Collects the elements of an array attribute. */
    private static final class ArrayVisitor extends AnnotationVisitor {

        private final Consumer<List<Object>> sink;
        private final List<Object> elements = new ArrayList<>();

        ArrayVisitor(Consumer<List<Object>> sink) {
            super(Opcodes.ASM9);
            this.sink = sink;
        }

        @Override
        public void visit(String name, Object value) {
            elements.add(ValueVisitor.plain(value));
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            elements.add(new AnnotationInstance.EnumValue(descriptor, value));
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return new InstanceVisitor(descriptor, elements::add);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return new ArrayVisitor(elements::add);
        }

        @Override
        public void visitEnd() {
            sink.accept(List.copyOf(elements));
        }
    }

    /** Receives a single value: an annotation attribute default. */
    private static final class ValueVisitor extends AnnotationVisitor {

        private final Consumer<Object> sink;

        ValueVisitor(Consumer<Object> sink) {
            super(Opcodes.ASM9);
            this.sink = sink;
        }

        /** ASM reports primitive arrays as Java arrays; the model keeps lists. */
        static Object plain(Object value) {
            if (value != null && value.getClass().isArray()) {
                int length = java.lang.reflect.Array.getLength(value);
                List<Object> list = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    list.add(java.lang.reflect.Array.get(value, i));
                }
                return List.copyOf(list);
            }
            return value;
        }

        @Override
        public void visit(String name, Object value) {
            sink.accept(plain(value));
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            sink.accept(new AnnotationInstance.EnumValue(descriptor, value));
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return new InstanceVisitor(descriptor, sink::accept);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return new ArrayVisitor(sink::accept);
        }
    }
}

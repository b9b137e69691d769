package dev.runtruth.agent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites one hooked class: before every {@code return} of every constructor it adds
 * {@code ConstructorHooks.constructed(this, "<type>")}. That is the only change: no field, method or frame is added
 * (the class format stays the same, so the class can also be retransformed), and methods other than constructors are
 * copied unchanged.
 *
 * <p>Why plain ASM ({@code org.ow2.asm:asm}, shaded) and not ByteBuddy's {@code AgentBuilder} and {@code Advice}:
 * every hook has this one shape, and building an {@code AgentBuilder} loads about a thousand classes on the second core
 * while the application starts (about 190 ms of a Spring Boot start on 2 cores, see docs/performance.md); ASM's core
 * package is about thirty classes, loaded when the first hooked class appears, and 131 KB in the agent jar where
 * ByteBuddy was 4.66 MB.
 */
final class ConstructorHookWriter {

    private static final String HOOKS = ConstructorHooks.class.getName().replace('.', '/');

    private ConstructorHookWriter() {
    }

    /**
     * @param classfile the class file bytes as the JVM is about to define them
     * @param typeName  the binary name of the class, passed to the hook
     * @return the rewritten class file bytes
     */
    static byte[] apply(byte[] classfile, final String typeName) {
        ClassReader reader = new ClassReader(classfile);
        // COMPUTE_MAXS only: the two added instructions may raise a constructor's max stack; frames stay valid because
        // nothing branches to or around them (ASM moves the existing frames with their labels)
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!"<init>".equals(name)) {
                    return visitor;
                }
                return new MethodVisitor(Opcodes.ASM9, visitor) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.RETURN) {
                            super.visitVarInsn(Opcodes.ALOAD, 0);
                            super.visitLdcInsn(typeName);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "constructed",
                                    "(Ljava/lang/Object;Ljava/lang/String;)V", false);
                        }
                        super.visitInsn(opcode);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}

package dev.runtruth.agent.instrument;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whether a class file declares an interface, from its bytes (no class is loaded): the access flags that follow
 * the constant pool (JVMS 4.1). A constructor hook on an interface never fires: RESTEasy 3's class
 * {@code org.jboss.resteasy.spi.ResteasyDeployment} is an interface from RESTEasy 4 on.
 */
final class ClassFileKind {

    private static final int ACC_INTERFACE = 0x0200;

    private ClassFileKind() {
    }

    /**
     * @param in a class file's bytes, read up to the access flags; not closed
     * @return whether the class file declares an interface (annotation types included)
     * @throws IOException when the bytes are not a class file this reader knows (bad magic, unknown constant tag)
     */
    static boolean isInterface(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file (bad magic)");
        }
        data.readUnsignedShort(); // minor version
        data.readUnsignedShort(); // major version
        int count = data.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = data.readUnsignedByte();
            switch (tag) {
                case 1: // Utf8
                    skip(data, data.readUnsignedShort());
                    break;
                case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                    skip(data, 2);
                    break;
                case 15: // MethodHandle
                    skip(data, 3);
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: // Integer, Float, refs, Dynamic
                    skip(data, 4);
                    break;
                case 5: case 6: // Long, Double: two entries
                    skip(data, 8);
                    i++;
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return (data.readUnsignedShort() & ACC_INTERFACE) != 0;
    }

    private static void skip(DataInputStream data, int bytes) throws IOException {
        int left = bytes;
        while (left > 0) {
            int skipped = data.skipBytes(left);
            if (skipped <= 0) {
                data.readByte(); // throws EOFException at the end
                skipped = 1;
            }
            left -= skipped;
        }
    }
}

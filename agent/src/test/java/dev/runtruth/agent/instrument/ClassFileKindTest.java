package dev.runtruth.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ClassFileKindTest {

    private static boolean isInterface(Class<?> type) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return ClassFileKind.isInterface(in);
        }
    }

    @Test
    void readsTheAccessFlagsPastEveryKindOfConstant() throws IOException {
        assertThat(isInterface(Thread.class)).isFalse();
        assertThat(isInterface(Character.class)).isFalse(); // long and double constants take two entries
        assertThat(isInterface(ClassFileKindTest.class)).isFalse(); // invokedynamic (try-with-resources, lambdas)
        assertThat(isInterface(Runnable.class)).isTrue();
        assertThat(isInterface(Test.class)).isTrue(); // an annotation type
    }

    @Test
    void bytesThatAreNotAClassFileAreRefused() {
        assertThatThrownBy(() -> ClassFileKind.isInterface(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})))
                .isInstanceOf(IOException.class);
    }
}

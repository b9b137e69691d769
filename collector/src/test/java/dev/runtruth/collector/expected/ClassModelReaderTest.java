package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.testing.Fixtures;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Magic and corruption checks of the class-file reader. */
class ClassModelReaderTest {

    @Test
    void readsAnnotationsDefaultsAndSignatures() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.fixtureClasses().resolve("CrudApi.class"));

        ClassModel model = ClassModelReader.read(bytes, "CrudApi.class");

        assertThat(model.name()).isEqualTo("dev/runtruth/collector/fixtures/CrudApi");
        assertThat(model.isInterface()).isTrue();
        assertThat(model.methods()).extracting(ClassModel.MethodModel::name).containsExactly("get", "remove");
        assertThat(model.methods().get(0).signature()).isEqualTo("(TI;)TT;");
        assertThat(model.methods().get(0).annotations()).extracting(AnnotationInstance::type)
                .containsExactly("org/springframework/web/bind/annotation/GetMapping");
        assertThat(model.methods().get(0).annotations().get(0).values()).containsEntry("value",
                java.util.List.of("/{id}"));
    }

    @Test
    void wrongMagicIsNamed() {
        assertThatThrownBy(() -> ClassModelReader.read(new byte[] {'P', 'K', 3, 4, 0}, "x"))
                .isInstanceOf(BadClassException.class)
                .hasMessage("not a class file: magic 0x504B0304, expected 0xCAFEBABE");
        assertThatThrownBy(() -> ClassModelReader.read(new byte[] {(byte) 0xCA}, "x"))
                .hasMessage("not a class file: 1 bytes, too short for the 0xCAFEBABE magic");
    }

    @Test
    void truncatedClassIsCorrupt() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.fixtureClasses().resolve("OwnerController.class"));

        for (int length : new int[] {8, 10, 64, bytes.length / 2, bytes.length - 1}) {
            assertThatThrownBy(() -> ClassModelReader.read(Arrays.copyOf(bytes, length), "x"))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(BadClassException.class)
                    .hasMessageStartingWith("corrupt class file: ");
        }
    }

    @Test
    void unsupportedClassVersionIsCorrupt() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.fixtureClasses().resolve("OwnerController.class"));
        bytes[6] = 0x7F; // major version 32512

        assertThatThrownBy(() -> ClassModelReader.read(bytes, "x")).isInstanceOf(BadClassException.class)
                .hasMessageStartingWith("corrupt class file: Unsupported class file version");
    }
}

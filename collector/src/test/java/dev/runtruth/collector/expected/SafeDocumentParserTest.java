package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile documents cost a one-line error naming the file, never the collector's memory or stack. */
class SafeDocumentParserTest {

    @TempDir
    Path temp;

    @Test
    void billionLaughsYamlIsRejectedByTheAliasLimit() throws Exception {
        String yaml = Fixtures.billionLaughsYaml();
        Path file = Files.writeString(temp.resolve("laughs.yaml"), yaml);

        assertThatThrownBy(() -> SafeDocumentParser.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": malformed YAML: Number of aliases for non-scalar nodes exceeds the specified"
                        + " max=" + SafeDocumentParser.MAX_ALIASES);
    }

    @Test
    void fewAliasesThatDoubleAtEachLevelAreRejectedByTheExpandedSize() throws Exception {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol]\n");
        for (int i = 1; i <= SafeDocumentParser.MAX_ALIASES / 2; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        Path file = Files.writeString(temp.resolve("doubling.yaml"), yaml);

        assertThatThrownBy(() -> SafeDocumentParser.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": malformed YAML: its aliases expand to more than " + SafeDocumentParser.MAX_NODES
                        + " nodes");
    }

    @Test
    void aliasesAreExpandedNotReadAsStrings() throws Exception {
        Path file = Files.writeString(temp.resolve("anchors.yaml"), "a: &item {get: {operationId: x}}\nb: *item\n");

        assertThat(SafeDocumentParser.read(file).at("/b/get/operationId").asText()).isEqualTo("x");
    }

    @Test
    void deepNestingIsRejected() throws Exception {
        Path yaml = Files.writeString(temp.resolve("deep.yaml"), "[".repeat(5000) + "]".repeat(5000));
        Path json = Files.writeString(temp.resolve("deep.json"), "[".repeat(5000) + "]".repeat(5000));

        assertThatThrownBy(() -> SafeDocumentParser.read(yaml)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(yaml + ": malformed YAML");
        assertThatThrownBy(() -> SafeDocumentParser.read(json)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(json + ": malformed JSON").hasMessageContaining("nesting depth");
    }

    @Test
    void oversizedFileIsRejectedBeforeParsing() throws Exception {
        Path big = temp.resolve("big.yaml");
        try (var channel = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), SafeDocumentParser.MAX_DOCUMENT_BYTES);
        }

        assertThatThrownBy(() -> SafeDocumentParser.read(big)).isInstanceOf(InputException.class)
                .hasMessage(big + ": too large: " + (SafeDocumentParser.MAX_DOCUMENT_BYTES + 1L)
                        + " bytes, the limit is " + SafeDocumentParser.MAX_DOCUMENT_BYTES);
    }

    @Test
    void duplicateKeysAndSeveralDocumentsAreRejected() throws Exception {
        Path duplicate = Files.writeString(temp.resolve("dup.yaml"), "a: 1\na: 2\n");
        Path several = Files.writeString(temp.resolve("two.yaml"), "a: 1\n---\nb: 2\n");

        assertThatThrownBy(() -> SafeDocumentParser.read(duplicate)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(duplicate + ": malformed YAML");
        assertThatThrownBy(() -> SafeDocumentParser.read(several)).isInstanceOf(InputException.class)
                .hasMessage(several + ": holds 2 YAML documents (separated by ---); expected one");
        assertThat(SafeDocumentParser.parse("a: 1\n---\nb: 2\n".getBytes(), false, "x")).hasSize(2);
    }
}

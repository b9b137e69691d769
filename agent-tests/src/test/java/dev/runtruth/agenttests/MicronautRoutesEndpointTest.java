package dev.runtruth.agenttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.model.Route;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MicronautRoutesEndpointTest {

    @Test
    void keysBecomeRoutes() throws IOException {
        String json = """
                {"{[/books/{id:[0-9]+}],method=[GET],produces=[application/json]}": {"method": "x"},
                 "{[/books{?max,offset}],method=[HEAD],produces=[application/json]}": {"method": "y"},
                 "{[/files{/path:.*}],method=[GET],produces=[]}": {}}
                """;
        assertThat(MicronautRoutesEndpoint.parse(json)).containsExactlyInAnyOrder(
                Route.parse("GET /books/{id}"), Route.parse("HEAD /books"), Route.parse("GET /files/{*path}"));
    }

    @Test
    void otherKeysAreRejected() {
        assertThatThrownBy(() -> MicronautRoutesEndpoint.parse("{\"/books\": {}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/books");
    }
}

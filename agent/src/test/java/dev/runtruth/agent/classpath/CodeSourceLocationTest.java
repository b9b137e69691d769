package dev.runtruth.agent.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeSourceLocationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // class path and URLClassLoader
        "file:/opt/lib/x-1.0.jar                                   | jar        | /opt/lib/x-1.0.jar",
        "file:///opt/lib/x-1.0.jar                                 | jar        | /opt/lib/x-1.0.jar",
        "file://localhost/opt/lib/x-1.0.jar                        | jar        | /opt/lib/x-1.0.jar",
        "file:/opt/my%20app/x+y%C3%A9.jar                          | jar        | /opt/my app/x+yé.jar",
        "file:/opt/my app/x.jar                                    | jar        | /opt/my app/x.jar",
        "jar:file:/opt/lib/x-1.0.jar!/                             | jar        | /opt/lib/x-1.0.jar",
        "file:/opt/app/classes/                                    | directory  | /opt/app/classes/",
        // Spring Boot 3.2+ (JarUrl.create)
        "jar:nested:/opt/app.jar/!BOOT-INF/lib/spring-core-6.2.1.jar!/ | nested-jar | /opt/app.jar!/BOOT-INF/lib/spring-core-6.2.1.jar",
        "jar:nested:/opt/my%20app%21/app.jar/!BOOT-INF/lib/a-1.jar!/   | nested-jar | /opt/my app!/app.jar!/BOOT-INF/lib/a-1.jar",
        "jar:nested:/opt/app.jar/!BOOT-INF/classes/!/                  | directory  | /opt/app.jar!/BOOT-INF/classes/",
        "jar:nested:/opt/app.war/!WEB-INF/lib/a-1.jar!/                | nested-jar | /opt/app.war!/WEB-INF/lib/a-1.jar",
        // Spring Boot 1.x to 3.1, executable wars
        "jar:file:/opt/app.jar!/BOOT-INF/lib/spring-core-6.2.1.jar!/   | nested-jar | /opt/app.jar!/BOOT-INF/lib/spring-core-6.2.1.jar",
        "jar:file:/opt/my%20app/app.jar!/BOOT-INF/classes!/            | directory  | /opt/my app/app.jar!/BOOT-INF/classes/",
        "jar:file:/opt/app.war!/WEB-INF/lib/a-1.jar!/                  | nested-jar | /opt/app.war!/WEB-INF/lib/a-1.jar",
        "jar:file:/opt/app.war!/WEB-INF/classes/                       | directory  | /opt/app.war!/WEB-INF/classes/",
    })
    void resolvesCodeSourceUrls(String url, String kind, String location) {
        CodeSourceLocation parsed = CodeSourceLocation.parse(url);

        assertThat(parsed.kind).isEqualTo(kind);
        assertThat(parsed.location).isEqualTo(location);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jar:nested:/opt/app.jar/!BOOT-INF/lib/a-1.jar!/ | /opt/app.jar | BOOT-INF/lib/a-1.jar",
        "jar:file:/opt/app.jar!/BOOT-INF/classes!/       | /opt/app.jar | BOOT-INF/classes/",
        "jar:nested:/opt/app.jar/!BOOT-INF/classes/!/    | /opt/app.jar | BOOT-INF/classes/",
    })
    void splitsNestedUrlsIntoArchiveAndEntry(String url, String archive, String entry) {
        CodeSourceLocation parsed = CodeSourceLocation.parse(url);

        assertThat(parsed.file.getPath()).isEqualTo(archive);
        assertThat(parsed.entryName).isEqualTo(entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://repo.example.com/x-1.0.jar",
        "vfs:/content/app.war/WEB-INF/lib/x.jar",
        "jar:http://repo.example.com/x-1.0.jar!/",
        "jar:file:/opt/app.jar!/BOOT-INF/lib/a.jar!/inner/b.jar!/",
        "jar:file:/opt/app.jar",
    })
    void rejectsWhatItCannotRead(String url) {
        assertThatThrownBy(() -> CodeSourceLocation.parse(url))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a+b%2Bc%C3%A9      | a+b+cé",
        "100%               | 100%",
        "%zz%4               | %zz%4",
        "plain              | plain",
    })
    void percentDecodesUtf8AndKeepsPlusSigns(String encoded, String decoded) {
        assertThat(CodeSourceLocation.decode(encoded)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jrt:/java.sql", "JRT:/java.base"})
    void recognizesJdkModules(String url) {
        assertThat(CodeSourceLocation.isJdk(url)).isTrue();
    }
}

package dev.runtruth.agent.classpath;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JarFileNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "spring-core-6.2.1.jar                                       | spring-core                  | 6.2.1",
        "name-1.2.3-SNAPSHOT.jar                                     | name                         | 1.2.3-SNAPSHOT",
        "spring-webmvc-4.3.30.RELEASE.jar                            | spring-webmvc                | 4.3.30.RELEASE",
        "micrometer-core-2.0.0-M1.jar                                | micrometer-core              | 2.0.0-M1",
        "hibernate-core-6.4.1.Final.jar                              | hibernate-core               | 6.4.1.Final",
        "spring-boot-3.2.0-RC1.jar                                   | spring-boot                  | 3.2.0-RC1",
        "log4j-1.2-api-2.20.0.jar                                    | log4j-1.2-api                | 2.20.0",
        "x-1.0.0-beta-2.jar                                          | x                            | 1.0.0-beta-2",
        "lib-1.0-20240101.123456-1.jar                               | lib                          | 1.0-20240101.123456-1",
        "netty-transport-native-epoll-4.1.100.Final-linux-x86_64.jar | netty-transport-native-epoll | 4.1.100.Final-linux-x86_64",
        "commons-lang3-3.14.0.jar                                    | commons-lang3                | 3.14.0",
        "bcprov-jdk18on-1.78.jar                                     | bcprov-jdk18on               | 1.78",
        "guava-33.0.0-jre.jar                                        | guava                        | 33.0.0-jre",
        "HikariCP-5.1.0.JAR                                          | HikariCP                     | 5.1.0",
        "kotlin-stdlib-jdk8-1.9.0.jar                                | kotlin-stdlib-jdk8           | 1.9.0",
        "j2objc-annotations-2.8.jar                                  | j2objc-annotations           | 2.8",
        "app.war                                                     | app                          | ''",
        "no-version-here.jar                                         | no-version-here              | ''",
        "-1.0.jar                                                    | -1.0                         | ''",
    })
    void splitsNameAndVersion(String fileName, String name, String version) {
        JarFileName parsed = JarFileName.parse(fileName);

        assertThat(parsed.name).isEqualTo(name);
        assertThat(parsed.version).isEqualTo(version);
    }
}

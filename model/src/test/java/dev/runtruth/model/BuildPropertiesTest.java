package dev.runtruth.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildPropertiesTest {

    // keys as git-commit-id-maven-plugin 9.x writes them in "full" commitIdGenerationMode
    private static final String GIT_FULL_MODE = "git.branch=main\n"
            + "git.build.time=2026-01-01T00\\:00\\:00+0000\n"
            + "git.build.version=1.1.0\n"
            + "git.commit.id.abbrev=08404ac\n"
            + "git.commit.id.full=08404ac0ea9ce1cbe1956aaec602ebf3e54f9f4f\n";
    // as Spring Boot's build-info goal writes it
    private static final String BUILD_INFO = "build.artifact=backoffice\nbuild.group=dev.runtruth\n"
            + "build.name=backoffice\nbuild.time=2026-01-01T00\\:00\\:01.000Z\nbuild.version=1.1.0\n";

    @Test
    void readsEveryPartFromGitPropertiesAndBuildInfo() throws IOException {
        Properties git = load(GIT_FULL_MODE);
        Properties buildInfo = load(BUILD_INFO);

        assertThat(BuildProperties.commit(git)).isEqualTo("08404ac0ea9ce1cbe1956aaec602ebf3e54f9f4f");
        assertThat(BuildProperties.commitShort(git)).isEqualTo("08404ac");
        assertThat(BuildProperties.branch(git)).isEqualTo("main");
        assertThat(BuildProperties.version(git, buildInfo, "0.9")).isEqualTo("1.1.0");
        assertThat(BuildProperties.buildTime(git, buildInfo)).isEqualTo("2026-01-01T00:00:01.000Z");
        assertThat(BuildProperties.name(buildInfo, null)).isEqualTo("backoffice");
        assertThat(BuildProperties.name(buildInfo, "Billing API")).isEqualTo("Billing API");
    }

    @Test
    void flatModeCommitIdAndFallbacks() throws IOException {
        Properties git = load("git.commit.id=4f1c0d0e2b5a6c7d8e9f00112233445566778899\n");
        Properties none = new Properties();

        assertThat(BuildProperties.commit(git)).isEqualTo("4f1c0d0e2b5a6c7d8e9f00112233445566778899");
        assertThat(BuildProperties.commitShort(git)).isEqualTo("4f1c0d0");
        assertThat(BuildProperties.version(none, none, " 2.0 ")).isEqualTo("2.0");
        assertThat(BuildProperties.commit(none)).isEmpty();
        assertThat(BuildProperties.name(none, null)).isEmpty();
    }

    private static Properties load(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}

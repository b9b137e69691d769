package dev.runtruth.agent.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.instrument.TypeHook;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameworksTest {

    @Test
    void thePremainPrefixesCoverEveryHookedTypeAndEveryCapture() {
        for (TypeHook hook : Frameworks.hooks()) {
            assertThat(Arrays.stream(Frameworks.PREFIXES).anyMatch(hook.internalName()::startsWith))
                    .as("a prefix covers hooked type %s", hook.typeName()).isTrue();
        }
        for (FrameworkCapture capture : Frameworks.all()) {
            assertThat(Arrays.stream(Frameworks.PREFIXES).anyMatch(capture.warmUpPrefix()::startsWith))
                    .as("a prefix covers the capture of %s", capture.framework()).isTrue();
        }
    }

    @Test
    void theHookedTypesPremainWaitsForAreExactlyTheHooksTypes() {
        assertThat(Frameworks.HOOKED_TYPES).containsExactlyInAnyOrderElementsOf(
                Frameworks.hooks().stream().map(TypeHook::typeName).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void capturesAreCreatedOnce() {
        assertThat(Frameworks.all()).isSameAs(Frameworks.all());
    }
}

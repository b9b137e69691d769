package dev.runtruth.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.routes.Frameworks;
import org.junit.jupiter.api.Test;

class WalkProvenTest {

    @Test
    void everyProvenTypeIsAHookedType() {
        assertThat(Frameworks.HOOKED_TYPES).contains(WalkProven.TYPES.toArray(new String[0]));
    }

    @Test
    void aTypeNoWalkCanFindIsNotProven() {
        assertThat(WalkProven.TYPES).doesNotContainAnyElementsOf(Discovery.NOT_DISCOVERABLE);
    }
}

package dev.runtruth.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class HookSelectionTest {

    private static final String[] TYPES = {"a.Proven", "b.Unproven", "b.Absent"};
    private static final HookSelection.ClassFiles PRESENT = resource -> !resource.equals("b/Absent.class");

    @Test
    void hookFreeHooksOnlyUnprovenTypesOnTheClassPath() {
        assertThat(HookSelection.select(TYPES, true, new HashSet<>(Arrays.asList("a.Proven")), PRESENT)).containsExactly("b.Unproven");
    }

    @Test
    void withoutHookFreeDiscoveryEveryTypeIsHooked() {
        assertThat(HookSelection.select(TYPES, false, new HashSet<>(Arrays.asList("a.Proven")), PRESENT)).containsExactly(TYPES);
    }

    @Test
    void nothingToHookWhenEveryTypeIsProvenOrAbsent() {
        assertThat(HookSelection.select(TYPES, true, new HashSet<>(Arrays.asList("a.Proven", "b.Unproven")), PRESENT)).isEmpty();
    }

    @Test
    void warmUpPrefixesFollowTheHookedTypes() {
        assertThat(HookSelection.prefixesOf(new String[] {"b.Unproven"}, new String[] {"a/", "b/", "c/"}))
                .containsExactly("b/");
    }

    @Test
    void theSystemClassPathFindsAClassFileByName() {
        assertThat(HookSelection.systemClassPath().has("org/junit/jupiter/api/Assertions.class")).isTrue();
        assertThat(HookSelection.systemClassPath().has("no/such/Type.class")).isFalse();
    }

    /** RESTEasy 3's class {@code spi.ResteasyDeployment} is an interface from 4.0 on: nothing to hook there. */
    @Test
    void anInterfaceOnTheClassPathHasNoConstructorToHook() {
        assertThat(HookSelection.systemClassPath().has("org/junit/jupiter/api/Test.class")).isFalse(); // annotation
        assertThat(HookSelection.systemClassPath().has("java/lang/Runnable.class")).isFalse();
        assertThat(HookSelection.systemClassPath().has("java/lang/Thread.class")).isTrue(); // a JDK image's class
        assertThat(HookSelection.systemClassPath().has("java/lang/Character.class")).isTrue(); // longs, doubles
    }
}

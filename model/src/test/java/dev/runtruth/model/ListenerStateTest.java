package dev.runtruth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ListenerStateTest {

    @ParameterizedTest
    @EnumSource(ListenerState.class)
    void labelsRoundTrip(ListenerState state) {
        assertThat(ListenerState.ofLabel(state.label())).isSameAs(state);
    }

    @Test
    void onlyAServedListenerIsNotBlindAndOtherLabelsAreRefused() {
        assertThat(ListenerState.SERVED.blind()).isFalse();
        assertThat(ListenerState.UNKNOWN.blind()).isTrue();
        assertThatThrownBy(() -> ListenerState.ofLabel("ignored")).hasMessageContaining("served, unknown");
    }
}

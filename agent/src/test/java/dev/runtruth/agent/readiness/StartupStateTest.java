package dev.runtruth.agent.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.InventoryState;
import org.junit.jupiter.api.Test;

class StartupStateTest {

    /** The three public methods of Spring's AbstractApplicationContext that StartupState reads, in their phases. */
    public static final class Context {
        public volatile long startupDate;
        public volatile boolean active;
        public volatile boolean running;

        public long getStartupDate() {
            return startupDate;
        }

        public boolean isActive() {
            return active;
        }

        public boolean isRunning() {
            return running;
        }
    }

    @Test
    void aSpringContextIsStartingFromConstructionUntilItsRefreshFinishedAndGoneOnceClosed() {
        StartupState state = new StartupState();
        long now = 1_000_000L;
        assertThat(state.readNow(now).state()).as("nothing followed yet").isEqualTo(InventoryState.UNKNOWN);

        Context context = new Context();
        SpringContexts.OnConstructor.exit(context);
        assertThat(state.readNow(now).state()).as("constructed, refresh not begun").isEqualTo(InventoryState.STARTING);

        context.startupDate = 42;
        context.active = true;
        StartupState.Reading refreshing = state.readNow(now);
        assertThat(refreshing.state()).isEqualTo(InventoryState.STARTING);
        assertThat(refreshing.reason()).contains("refreshing");

        context.running = true;
        assertThat(state.readNow(now).state()).isEqualTo(InventoryState.READY);
        assertThat(state.readNow(now).reason()).isEmpty();

        Context helper = new Context();
        SpringContexts.OnConstructor.exit(helper);
        assertThat(state.readNow(now).state()).as("a second context, not refreshed").isEqualTo(InventoryState.STARTING);
        assertThat(state.readNow(now + StartupState.PENDING_LIMIT_NANOS + 1).state())
                .as("a context never refreshed stops counting after the limit").isEqualTo(InventoryState.READY);

        context.running = false;
        context.active = false;
        assertThat(state.readNow(now + StartupState.PENDING_LIMIT_NANOS + 2).state())
                .as("closed: no followed startup left").isEqualTo(InventoryState.UNKNOWN);
    }
}

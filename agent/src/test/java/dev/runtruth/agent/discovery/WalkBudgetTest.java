package dev.runtruth.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkBudgetTest {

    @Test
    void defaultsWhenNothingIsGiven() {
        List<String> problems = new ArrayList<>();
        WalkBudget budget = WalkBudget.parse(new HashMap<String, String>(), problems);

        assertThat(problems).isEmpty();
        assertThat(budget.enabled()).isTrue();
        assertThat(budget.objects()).isEqualTo(WalkBudget.DEFAULT_OBJECTS);
        assertThat(budget.arrayEntries()).isEqualTo(WalkBudget.DEFAULT_ARRAY);
        assertThat(budget.millis()).isEqualTo(WalkBudget.DEFAULT_MILLIS);
    }

    @Test
    void readsEveryKey() {
        List<String> problems = new ArrayList<>();
        WalkBudget budget = WalkBudget.parse(map("discovery", "off", "walk_objects", "10", "walk_array", "20",
                "walk_millis", "30"), problems);

        assertThat(problems).isEmpty();
        assertThat(budget.toString()).isEqualTo("discovery=off,walk_objects=10,walk_array=20,walk_millis=30");
    }

    @Test
    void hooksKeepsDiscoveryButNotHookFree() {
        WalkBudget hooks = WalkBudget.parse(map("discovery", "hooks"), new ArrayList<>());
        WalkBudget off = WalkBudget.parse(map("discovery", "off"), new ArrayList<>());

        assertThat(hooks.enabled()).isTrue();
        assertThat(hooks.hookFree()).isFalse();
        assertThat(hooks.toString()).startsWith("discovery=hooks,");
        assertThat(off.hookFree()).isFalse();
        assertThat(WalkBudget.defaults().hookFree()).isTrue();
    }

    @Test
    void badValuesAreNamedAndFallBack() {
        List<String> problems = new ArrayList<>();
        WalkBudget budget = WalkBudget.parse(map("discovery", "maybe", "walk_objects", "0"), problems);

        assertThat(problems).containsExactly("discovery='maybe' is not 'on', 'hooks' or 'off'",
                "walk_objects='0' is not a number > 0");
        assertThat(budget.objects()).isEqualTo(WalkBudget.DEFAULT_OBJECTS);
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

package dev.runtruth.collector.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Interning from a character buffer: equal characters give one instance, within the pool's bound. */
class StringPoolTest {

    @Test
    void equalCharactersGiveOneInstanceWhereverTheyStandInTheBuffer() {
        StringPool pool = new StringPool(100);
        char[] buffer = "xx/owners/{id}yy/owners/{id}".toCharArray();

        String first = pool.intern(buffer, 2, 12);
        String second = pool.intern(buffer, 16, 12);

        assertThat(first).isEqualTo("/owners/{id}").isSameAs(second);
        assertThat(pool.intern(buffer, 2, 11)).isEqualTo("/owners/{id").isNotSameAs(first);
        assertThat(pool.intern(new char[0], 0, 0)).isEmpty();
        assertThat(pool.size()).isEqualTo(3);
    }

    @Test
    void growsPastItsFirstTableAndStopsKeepingAtItsBound() {
        StringPool pool = new StringPool(5000);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            char[] value = ("com.example.Controller" + i + "#op").toCharArray();
            String pooled = pool.intern(value, 0, value.length);
            assertThat(pooled).isEqualTo(new String(value));
            seen.add(pooled);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(pool.size()).isEqualTo(5000);
        char[] kept = "com.example.Controller42#op".toCharArray();
        char[] notKept = "com.example.Controller9999#op".toCharArray();
        assertThat(pool.intern(kept, 0, kept.length)).isSameAs(pool.intern(kept, 0, kept.length));
        assertThat(pool.intern(notKept, 0, notKept.length)).isNotSameAs(pool.intern(notKept, 0, notKept.length))
                .isEqualTo("com.example.Controller9999#op");
    }
}

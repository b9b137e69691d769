package dev.runtruth.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ObjectWalkTest {

    /** Not under a framework prefix: met (matched) but never descended into, like an application class. */
    static final class Target {
        final Object inside;

        Target(Object inside) {
            this.inside = inside;
        }
    }

    private static Set<Object> walk(WalkBudget budget, Object... roots) {
        Set<Object> met = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
        new ObjectWalk(budget, met::add).phase(Arrays.asList(roots));
        return met;
    }

    @Test
    void findsAnObjectThroughJdkCollectionsReadByTheirFields() {
        Target target = new Target(null);
        Map<String, Object> map = new ConcurrentHashMap<>();
        map.put("k", new ArrayList<>(Arrays.asList("x", target)));
        HashMap<Object, Object> outer = new HashMap<>();
        outer.put(1, map);

        assertThat(walk(WalkBudget.defaults(), outer)).contains(target);
    }

    @Test
    void doesNotDescendIntoApplicationClasses() {
        Target hidden = new Target(null);
        Target outer = new Target(new ArrayList<>(Arrays.asList(hidden)));

        assertThat(walk(WalkBudget.defaults(), outer)).contains(outer).doesNotContain(hidden);
    }

    @Test
    void readsAThreadsTask() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Target target = new Target(null);
        List<Object> holder = new ArrayList<>(Arrays.asList(target));
        Runnable task = new Runnable() {
            final List<Object> captured = holder;

            @Override
            public void run() {
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Thread thread = new Thread(task, "walk-test");
        thread.start();
        try {
            // the task is an application class: met through Thread.target (JDK 18-) or Thread.holder.task (19+),
            // not descended into
            assertThat(walk(WalkBudget.defaults(), thread)).contains(task).doesNotContain(target);
        } finally {
            stop.countDown();
            thread.join();
        }
    }

    @Test
    void stopsAtThePerArrayBudget() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new Target(null));
        }
        Object[] array = many.toArray();

        Set<Object> met = walk(WalkBudget.of(1000, 10, 1000), (Object) array);

        assertThat(met.stream().filter(Target.class::isInstance).count()).isEqualTo(10);
    }

    @Test
    void followsAChainOfLinkedEntriesOnlyAsFarAsThePerArrayBudget() {
        // an LRU cache of application data held where the walk goes: its entries are reachable through the table
        // (capped like any array) and through the before/after links, which must not escape that cap
        LinkedHashMap<Integer, Object> lru = new LinkedHashMap<>(16, 0.75f, true);
        for (int i = 0; i < 20_000; i++) {
            lru.put(i, new Target(null));
        }
        LinkedList<Object> queue = new LinkedList<>();
        for (int i = 0; i < 20_000; i++) {
            queue.add(new Target(null));
        }
        Set<Object> met = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
        ObjectWalk walk = new ObjectWalk(WalkBudget.of(10_000, 100, 10_000), met::add);

        int expanded = walk.phase(Arrays.asList(lru, queue));

        assertThat(walk.complete()).as("graph exhausted within the object budget").isTrue();
        assertThat(expanded).isLessThan(1_000);
        assertThat(met.stream().filter(Target.class::isInstance).count()).isLessThan(1_000);
    }

    @Test
    void stopsAtTheObjectBudget() {
        List<Object> chain = new ArrayList<>();
        Object last = new Target(null);
        for (int i = 0; i < 50; i++) {
            last = new ArrayList<>(Arrays.asList(last));
            chain.add(last);
        }
        Set<Object> met = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
        ObjectWalk walk = new ObjectWalk(WalkBudget.of(5, 10, 1000), met::add);

        assertThat(walk.phase(Arrays.asList(last))).isEqualTo(5);
        assertThat(met.stream().filter(Target.class::isInstance).count()).isZero();
        assertThat(walk.complete()).isFalse();

        // the next phase (its own budget) carries on where this one stopped
        for (int phase = 0; phase < 100 && !walk.complete(); phase++) {
            walk.phase(Collections.emptyList());
        }
        assertThat(met.stream().filter(Target.class::isInstance).count()).isEqualTo(1);
        assertThat(walk.complete()).isTrue();
    }

    @Test
    void descendsOnlyIntoFrameworksAndJavaUtil() {
        assertThat(ObjectWalk.allowed("org.springframework.boot.SpringApplicationShutdownHook")).isTrue();
        assertThat(ObjectWalk.allowed("org.springframework.boot.SpringApplication$$Lambda/0x1")).isTrue();
        assertThat(ObjectWalk.allowed("java.util.HashMap$Node")).isTrue();
        assertThat(ObjectWalk.allowed("java.util.regex.Pattern")).isFalse();
        assertThat(ObjectWalk.allowed("sun.net.httpserver.ServerImpl$Dispatcher")).isTrue(); // Jersey on the JDK server
        assertThat(ObjectWalk.allowed("sun.nio.ch.ServerSocketChannelImpl")).isFalse();
        assertThat(ObjectWalk.allowed("java.lang.String")).isFalse();
        assertThat(ObjectWalk.allowed("com.example.App")).isFalse();
    }
}

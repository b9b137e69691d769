package dev.runtruth.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.instrument.ConstructorHooks;
import dev.runtruth.agent.instrument.TypeHook;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Discovery end to end in this JVM: an object created before any hook, reachable only from a live thread, is found by
 * a walk and handed to its type's hook, as a constructor hook would have; a subclass instance counts for the hooked
 * superclass. The JVM's {@code Instrumentation} is a proxy answering {@code getAllLoadedClasses} (the test JVM opens
 * the JDK packages by {@code --add-opens} in place of {@code redefineModule}).
 */
class DiscoveryTest {

    static final List<Object> HANDED = new CopyOnWriteArrayList<>();

    /** Stands for a framework object that serves: alive as long as its thread runs. */
    static class Served implements Runnable {
        final CountDownLatch stop = new CountDownLatch(1);

        @Override
        public void run() {
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A subclass, as Spring Boot's {@code TomcatEmbeddedContext} extends Tomcat's {@code StandardContext}. */
    static final class SubServed extends Served {
    }

    /** The hook of {@link Served}: remembers what it is handed. */
    static final class Hook {
        private Hook() {
        }

        static void exit(Object object) {
            HANDED.add(object);
        }
    }

    private static Instrumentation loading(Class<?>... loaded) {
        return (Instrumentation) Proxy.newProxyInstance(DiscoveryTest.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAllLoadedClasses")) {
                        return loaded.clone();
                    }
                    if (method.getName().equals("redefineModule")) {
                        return null; // the test JVM opens the packages by --add-opens (agent/pom.xml)
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void findsObjectsCreatedBeforeAnyHookAndHandsThemToTheHook() throws Exception {
        Served served = new Served();
        SubServed sub = new SubServed();
        Thread one = new Thread(served, "discovery-test-1");
        Thread two = new Thread(sub, "discovery-test-2");
        one.start();
        two.start();
        try {
            TypeHook hook = TypeHook.onConstructors(Served.class.getName(), Hook.class);
            Discovery discovery = new Discovery(loading(Served.class, SubServed.class), WalkBudget.defaults(),
                    () -> Collections.singletonList(hook));
            assertThat(discovery.missing()).containsExactly(Served.class.getName());

            WalkResult result = discovery.walk("test");

            assertThat(HANDED).contains(served, sub);
            assertThat(result.found()).containsEntry(Served.class.getName(), 2);
            assertThat(result.expanded()).isPositive();
            assertThat(ConstructorHooks.wasDiscovered(Served.class.getName())).isTrue();
            assertThat(discovery.missing()).isEmpty();
        } finally {
            served.stop.countDown();
            sub.stop.countDown();
            one.join();
            two.join();
        }
    }

    /** Stands for a framework object held only on a thread's stack while the application builds its server. */
    static final class Held extends Served {
    }

    @Test
    void threadsAddedAfterAWalkThatMissedAnInitialisedTypeWalkOnceMore() throws Exception {
        Held held = new Held(); // initialised, reachable from this test's stack only
        TypeHook hook = TypeHook.onConstructors(Held.class.getName(), Hook.class);
        Discovery discovery = new Discovery(loading(Held.class), WalkBudget.defaults(),
                () -> Collections.singletonList(hook));
        assertThat(discovery.walk("test").found()).doesNotContainKey(Held.class.getName());
        assertThat(discovery.walkNeededNow()).isFalse();

        Thread server = new Thread(held, "discovery-test-server"); // the server starts: a new root
        server.start();
        try {
            new Object() { }.hashCode(); // a class loads, as a server's start loads its classes
            assertThat(discovery.walkNeededNow()).isTrue();
            assertThat(discovery.walk("scrape").found()).containsEntry(Held.class.getName(), 1);
            assertThat(HANDED).contains(held);
        } finally {
            held.stop.countDown();
            server.join();
        }
    }

    @Test
    void aTypeIsWalkedForOnceMoreOnNewThreadsOnlyOnce() throws Exception {
        Unreached unreached = new Unreached();
        TypeHook hook = TypeHook.onConstructors(Unreached.class.getName(), Hook.class);
        Discovery discovery = new Discovery(loading(Unreached.class), WalkBudget.defaults(),
                () -> Collections.singletonList(hook));
        discovery.walk("test");
        for (int round = 0; round < 2; round++) {
            Served other = new Served();
            Thread thread = new Thread(other, "discovery-test-other-" + round);
            thread.start();
            try {
                // a class not loaded before loads in each round (each anonymous class loads at its first use)
                int loaded = round == 0 ? new Object() { }.hashCode() : new Object() { }.hashCode();
                assertThat(discovery.walkNeededNow()).as("round %d", round).isEqualTo(round == 0);
                discovery.walk("scrape");
            } finally {
                other.stop.countDown();
                thread.join();
            }
        }
        assertThat(unreached).isNotNull();
    }

    /** A hooked type whose object no root reaches. */
    static final class Unreached {
    }

    /** Loaded by the test without initialising it, as Spring's class-path checks load WebFlux's types. */
    static final class LoadedOnly {
        static final long LOADED = System.nanoTime();
    }

    /** Initialised by a constructor call whose object nothing keeps. */
    static final class MadeAndDropped {
        static final long MADE = System.nanoTime();
    }

    @Test
    void aCompleteWalkRulesOutOnlyATypeThatWasNeverInitialised() throws Exception {
        Class<?> loadedOnly = Class.forName(LoadedOnly.class.getName(), false, getClass().getClassLoader());
        new MadeAndDropped().hashCode();
        List<TypeHook> hooks = Arrays.asList(TypeHook.onConstructors(LoadedOnly.class.getName(), Hook.class),
                TypeHook.onConstructors(MadeAndDropped.class.getName(), Hook.class));
        Discovery discovery = new Discovery(loading(loadedOnly, MadeAndDropped.class), WalkBudget.defaults(),
                () -> hooks);
        Set<String> proven = new HashSet<>(
                Arrays.asList(LoadedOnly.class.getName(), MadeAndDropped.class.getName()));

        WalkResult result = discovery.walk("test");

        assertThat(result.complete()).as("the walk in this JVM is complete: %s", result).isTrue();
        assertThat(discovery.rulesOut(LoadedOnly.class.getName(), proven)).isTrue();
        // its constructor ran, so an object existed: missing it is a blind spot, never "not in use"
        assertThat(discovery.rulesOut(MadeAndDropped.class.getName(), proven)).isFalse();
        assertThat(discovery.rulesOut(LoadedOnly.class.getName(), Collections.<String>emptySet())).isFalse();
    }

    @Test
    void offWalksNothing() {
        Discovery discovery = new Discovery(loading(), WalkBudget.parse(Collections.singletonMap("discovery", "off"),
                new java.util.ArrayList<String>()), Collections::emptyList);

        assertThat(discovery.walk("test")).isNull();
    }
}

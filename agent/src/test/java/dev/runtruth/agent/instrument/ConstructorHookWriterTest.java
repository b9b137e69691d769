package dev.runtruth.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import dev.runtruth.agent.routes.Frameworks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstructorHookWriterTest {

    /** A stand-in framework type: a delegating constructor, a branching one, and one that throws. */
    public static final class Framework {
        public final String name;

        public Framework() {
            this("default");
        }

        public Framework(String name) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            this.name = name.length() > 3 ? name : name + "!";
        }
    }

    static final List<Object> SEEN = new ArrayList<>();

    static final class Recorder {
        private Recorder() {
        }

        static void exit(Object object) {
            SEEN.add(object);
        }
    }

    static final class Failing {
        private Failing() {
        }

        static void exit(Object object) {
            throw new IllegalStateException("hook failure");
        }
    }

    @Test
    void everyConstructorReturnCallsTheHookWithTheNewObject() throws Exception {
        Class<?> hooked = rewrite(Recorder.class);
        SEEN.clear();

        Object viaDelegation = hooked.getConstructor().newInstance();
        Object direct = hooked.getConstructor(String.class).newInstance("abc");

        // the delegating constructor returns through both constructors: the same object, twice
        assertThat(SEEN).containsExactly(viaDelegation, viaDelegation, direct);
        assertThat(hooked.getDeclaredField("name").get(direct)).isEqualTo("abc!");
        assertThat(hooked.getDeclaredFields()).hasSameSizeAs(Framework.class.getDeclaredFields());
        assertThat(hooked.getDeclaredMethods()).hasSameSizeAs(Framework.class.getDeclaredMethods());
    }

    @Test
    void aFailingHookIsCountedAndNeverBreaksTheConstructor() throws Exception {
        Class<?> hooked = rewrite(Failing.class);
        long before = CaptureErrors.count();

        Object object = hooked.getConstructor(String.class).newInstance("abcd");

        assertThat(hooked.getDeclaredField("name").get(object)).isEqualTo("abcd");
        assertThat(CaptureErrors.count()).isEqualTo(before + 1);
    }

    @Test
    void everyFrameworkHookHasAnExitMethod() throws Exception {
        for (TypeHook hook : Frameworks.hooks()) {
            assertThat(hook.exitMethod().getParameterTypes()).as(hook.typeName()).containsExactly(Object.class);
        }
    }

    /** Rewrites {@link Framework} as the agent would, under a unique hook name, and defines it in a fresh loader. */
    private static Class<?> rewrite(Class<?> hook) throws Exception {
        String name = Framework.class.getName();
        String hookName = name + "#" + hook.getSimpleName();
        ConstructorHooks.register(TypeHook.onConstructors(hookName, hook));
        byte[] rewritten = ConstructorHookWriter.apply(bytes(Framework.class), hookName);
        return new ClassLoader(ConstructorHookWriterTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (className.equals(name)) {
                    synchronized (getClassLoadingLock(className)) {
                        Class<?> loaded = findLoadedClass(className);
                        return loaded != null ? loaded : defineClass(className, rewritten, 0, rewritten.length);
                    }
                }
                return super.loadClass(className, resolve);
            }
        }.loadClass(name);
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}

package dev.runtruth.agenttests.faulthost;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * The app's own copies of the libraries the agent shades, at other versions: its client_java registry (in the
 * default registry, where a clash with an unshaded agent would show), its ByteBuddy and its Jackson.
 */
final class Libraries {

    private final Counter requests = Counter.builder().name("faulthost_requests_total")
            .help("Requests the fault host's own client_java counted").register();

    String metrics() {
        requests.inc();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PrometheusTextFormatWriter(false).write(out, PrometheusRegistry.defaultRegistry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8) + "# client_java " + version(Counter.class) + "\n";
    }

    String byteBuddy() {
        requests.inc();
        try {
            Class<?> made = new ByteBuddy().subclass(Object.class).name("dev.runtruth.agenttests.faulthost.Made")
                    .method(ElementMatchers.named("toString"))
                    .intercept(FixedValue.value("made by byte-buddy " + version(ByteBuddy.class)))
                    .make().load(Libraries.class.getClassLoader()).getLoaded();
            return made.getDeclaredConstructor().newInstance().toString() + " (" + ByteBuddy.class.getName()
                    + ")\n";
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    String jackson() {
        requests.inc();
        Map<String, String> value = new LinkedHashMap<>();
        value.put("jackson", new ObjectMapper().version().toString());
        try {
            return new ObjectMapper().writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        String location = String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
        return location.substring(location.lastIndexOf('/') + 1);
    }
}

package dev.runtruth.collector.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtruth.collector.Durations;
import dev.runtruth.collector.HttpUrls;
import dev.runtruth.collector.InputException;
import dev.runtruth.collector.drift.IgnoreRules;
import dev.runtruth.collector.expected.SafeDocumentParser;
import dev.runtruth.collector.observed.AgentScraper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the YAML configuration of {@code runtruth serve}, parsed by the collector's one
 * {@link SafeDocumentParser} (SnakeYAML's safe constructor, YAML 1.1 scalars; its bounds on size, nesting and
 * aliases; a duplicate key is an error). Every problem is reported as one {@link InputException} naming the file and the key path,
 * e.g. {@code serve.yml: services.billing-api.observed: give either 'prometheus' or 'agents', not both}. Unknown keys
 * are errors (a typo must not silently fall back to a default). Relative paths are resolved against the file's
 * directory.
 */
public final class ServeConfigReader {

    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern SELECTOR = Pattern.compile("\\{.*}", Pattern.DOTALL);

    private final Path file;

    private ServeConfigReader(Path file) {
        this.file = file;
    }

    /**
     * @param file the YAML file
     * @return the validated configuration
     * @throws InputException if the file is missing, unreadable, not YAML, or breaks a rule of the format
     */
    public static ServeConfig read(Path file) throws InputException {
        return new ServeConfigReader(file).read();
    }

    private ServeConfig read() throws InputException {
        JsonNode root = SafeDocumentParser.read(file);
        if (root == null || !root.isObject()) {
            throw error("", "the file must be a YAML mapping with at least the key 'services'");
        }
        keys(root, "", Set.of("listen", "interval", "timeout", "services"));
        String listen = text(root, "listen", "", "0.0.0.0:" + ServeConfig.DEFAULT_PORT);
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw error("listen", "'" + listen + "' is not host:port, e.g. 0.0.0.0:" + ServeConfig.DEFAULT_PORT);
        }
        int port = port(listen.substring(colon + 1), "listen");
        Duration interval = duration(root, "interval", "30s");
        Duration timeout = duration(root, "timeout", "5s");
        JsonNode services = root.get("services");
        if (services == null || !services.isObject() || services.isEmpty()) {
            throw error("services", "required: a mapping from service name (the Prometheus job of its agents) to"
                    + " its settings");
        }
        List<ServeConfig.Service> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            list.add(service(entry.getKey(), entry.getValue()));
        }
        return new ServeConfig(listen.substring(0, colon), port, interval, timeout, list);
    }

    private ServeConfig.Service service(String name, JsonNode node) throws InputException {
        String at = "services." + name;
        if (name.isBlank()) {
            throw error(at, "a service name must not be blank");
        }
        if (node == null || !node.isObject()) {
            throw error(at, "must be a mapping with 'expected' and 'observed'");
        }
        keys(node, at, Set.of("expected", "observed", "ignore", "defaultIgnores"));
        JsonNode expected = required(node, "expected", at);
        keys(expected, at + ".expected", Set.of("path", "commit", "pathPrefix"));
        String path = text(expected, "path", at + ".expected", null);
        if (path == null) {
            throw error(at + ".expected.path", "required: a build output (jar, war, classes directory) or a route"
                    + " manifest written by 'runtruth expected --json'");
        }
        Path resolved = file.toAbsolutePath().getParent().resolve(path).normalize();
        String commit = text(expected, "commit", at + ".expected", null);
        if (commit != null && !FULL_COMMIT.matcher(commit).matches()) {
            // alert rules compare commit labels as strings: an abbreviation would never equal the agent's full id
            throw error(at + ".expected.commit", "'" + commit + "' is not a full commit id (40 or 64 hex digits,"
                    + " as git rev-parse HEAD prints it)");
        }
        List<String> ignore = strings(node, "ignore", at);
        try {
            IgnoreRules.none().plus(ignore);
        } catch (IllegalArgumentException e) {
            throw error(at + ".ignore", e.getMessage());
        }
        JsonNode defaults = node.get("defaultIgnores");
        if (defaults != null && !defaults.isBoolean()) {
            throw error(at + ".defaultIgnores", "must be true or false");
        }
        return new ServeConfig.Service(name, resolved, commit,
                text(expected, "pathPrefix", at + ".expected", null), observed(name, required(node, "observed", at),
                at + ".observed"), ignore, defaults == null || defaults.booleanValue());
    }

    private ServeConfig.Observed observed(String name, JsonNode node, String at) throws InputException {
        keys(node, at, Set.of("prometheus", "selector", "agents"));
        String prometheus = text(node, "prometheus", at, null);
        List<String> agents = strings(node, "agents", at);
        if ((prometheus == null) == agents.isEmpty()) {
            throw error(at, "give either 'prometheus' (a Prometheus server's URL) or 'agents' (agent metrics URLs),"
                    + " exactly one of them");
        }
        if (prometheus == null) {
            if (node.has("selector")) {
                throw error(at + ".selector", "only applies with 'prometheus'");
            }
            List<URI> uris = new ArrayList<>();
            for (String agent : agents) {
                try {
                    uris.add(AgentScraper.metricsUri(agent));
                } catch (InputException e) {
                    throw error(at + ".agents", e.getMessage());
                }
            }
            return new ServeConfig.Observed(null, null, uris);
        }
        URI uri;
        try {
            uri = HttpUrls.parse(prometheus.replaceAll("/+$", ""), "http://prometheus:9090");
        } catch (InputException e) {
            throw error(at + ".prometheus", e.getMessage());
        }
        String selector = text(node, "selector", at, PrometheusApiSource.jobSelector(name));
        if (!SELECTOR.matcher(selector.trim()).matches()) {
            throw error(at + ".selector", "'" + selector + "' is not PromQL label matchers in braces, e.g."
                    + " {job=\"" + name + "\"}");
        }
        return new ServeConfig.Observed(uri, selector.trim(), List.of());
    }

    private JsonNode required(JsonNode node, String key, String at) throws InputException {
        JsonNode child = node.get(key);
        if (child == null || !child.isObject()) {
            throw error(join(at, key), "required: a mapping");
        }
        return child;
    }

    private void keys(JsonNode node, String at, Set<String> known) throws InputException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw error(join(at, key), "unknown key; known here: " + String.join(", ", known.stream().sorted()
                        .toList()));
            }
        }
    }

    private String text(JsonNode node, String key, String at, String fallback) throws InputException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw error(join(at, key), "must be a non-empty string");
        }
        return value.asText().trim();
    }

    private List<String> strings(JsonNode node, String key, String at) throws InputException {
        JsonNode value = node.get(key);
        List<String> list = new ArrayList<>();
        if (value == null || value.isNull()) {
            return list;
        }
        if (!value.isArray()) {
            throw error(join(at, key), "must be a list of strings");
        }
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw error(join(at, key), "must be a list of non-empty strings");
            }
            list.add(item.asText().trim());
        }
        return list;
    }

    private Duration duration(JsonNode node, String key, String fallback) throws InputException {
        try {
            return Durations.parse(text(node, key, "", fallback));
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    private int port(String text, String at) throws InputException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(at, "'" + text + "' is not a port number (0-65535)");
    }

    private static String join(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private InputException error(String at, String problem) {
        return new InputException(file.toString(), (at.isEmpty() ? "" : at + ": ") + problem);
    }
}

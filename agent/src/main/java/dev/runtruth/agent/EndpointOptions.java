package dev.runtruth.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The options that protect the metrics endpoint and bound what it serves. Immutable; part of {@link AgentArgs}.
 *
 * <ul>
 *   <li>{@code auth=user:<sha256 hex>}: HTTP basic auth (RFC 7617); the second part is the lower- or upper-case hex
 *       SHA-256 of the UTF-8 password, so the password itself never appears on a command line. {@code auth_file=path}
 *       reads the same {@code user:<sha256 hex>} from the first line of a file; {@code auth} wins when both are set.</li>
 *   <li>{@code tls_keystore=path}, {@code tls_password=secret}: serve HTTPS with the key and certificate of a PKCS#12
 *       (or JKS) keystore. Prefer {@code RUNTRUTH_TLS_PASSWORD} in the environment over the agent argument, which
 *       {@code ps} shows.</li>
 *   <li>{@code max_routes} (default {@value #DEFAULT_MAX_ROUTES}), {@code max_jars} (default
 *       {@value #DEFAULT_MAX_JARS}): most series of {@code runtruth_route_info} and {@code
 *       runtruth_classpath_entry_info}; what is left out is counted in {@code runtruth_series_dropped_total}.</li>
 * </ul>
 * Security options fail closed: when {@code auth}, {@code auth_file} or the TLS pair is given but unusable,
 * {@link #refusal()} says why and the endpoint is not started, rather than serving without the protection asked for.
 * Secrets are never echoed in messages.
 */
public final class EndpointOptions {

    /** Default cap of {@code runtruth_route_info} series: more than any real service registers. */
    public static final int DEFAULT_MAX_ROUTES = 10000;
    /** Default cap of {@code runtruth_classpath_entry_info} series: a large Spring Boot app loads 300 jars. */
    public static final int DEFAULT_MAX_JARS = 2000;

    private static final Pattern AUTH = Pattern.compile("([^:\\s]+):([0-9a-fA-F]{64})");

    private final String authUser;
    private final String authSha256;
    private final String tlsKeystore;
    private final String tlsPassword;
    private final int maxRoutes;
    private final int maxJars;
    private final String refusal;

    private EndpointOptions(String authUser, String authSha256, String tlsKeystore, String tlsPassword, int maxRoutes,
            int maxJars, String refusal) {
        this.authUser = authUser;
        this.authSha256 = authSha256;
        this.tlsKeystore = tlsKeystore;
        this.tlsPassword = tlsPassword;
        this.maxRoutes = maxRoutes;
        this.maxJars = maxJars;
        this.refusal = refusal;
    }

    /** @return no auth, no TLS, default caps */
    static EndpointOptions defaults() {
        return new EndpointOptions(null, null, null, null, DEFAULT_MAX_ROUTES, DEFAULT_MAX_JARS, null);
    }

    /**
     * @param values   the resolved option values by key (only keys that were given)
     * @param problems receives one message per bad value; secrets are not echoed
     * @return the options; bad caps fall back to their defaults, bad security options set {@link #refusal()}
     */
    static EndpointOptions parse(Map<String, String> values, List<String> problems) {
        int maxRoutes = positive(values, "max_routes", DEFAULT_MAX_ROUTES, problems);
        int maxJars = positive(values, "max_jars", DEFAULT_MAX_JARS, problems);
        String refusal = null;
        String user = null;
        String hash = null;
        String auth = values.get("auth");
        String source = "auth";
        if (auth == null && values.containsKey("auth_file")) {
            source = "auth_file '" + values.get("auth_file") + "'";
            auth = readFirstLine(values.get("auth_file"), problems);
            if (auth == null) {
                refusal = source + " cannot be read";
            }
        }
        if (auth != null) {
            java.util.regex.Matcher m = AUTH.matcher(auth.trim());
            if (m.matches()) {
                user = m.group(1);
                hash = m.group(2).toLowerCase(Locale.ROOT);
            } else {
                // never echo the value: it may be a password typed in by mistake
                problems.add(source + " is not user:<64 hex digits of the password's SHA-256> (value not shown)");
                refusal = source + " is malformed";
            }
        }
        String keystore = values.get("tls_keystore");
        String password = values.get("tls_password");
        if (keystore != null || password != null) {
            if (keystore == null || keystore.isEmpty()) {
                problems.add("tls_password is set but tls_keystore is not");
                refusal = "tls_keystore is missing";
            } else if (!new File(keystore).isFile() || !new File(keystore).canRead()) {
                problems.add("tls_keystore='" + keystore + "' is not a readable file");
                refusal = "tls_keystore '" + keystore + "' is not readable";
            } else if (password == null) {
                problems.add("tls_keystore is set but tls_password is not");
                refusal = "tls_password is missing";
            }
        }
        return new EndpointOptions(user, hash, keystore, password, maxRoutes, maxJars, refusal);
    }

    private static int positive(Map<String, String> values, String key, int fallback, List<String> problems) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + "='" + value + "' is not a number >= 0");
        return fallback;
    }

    private static String readFirstLine(String path, List<String> problems) {
        try {
            List<String> lines = Files.readAllLines(new File(path).toPath(), StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException e) {
            problems.add("auth_file='" + path + "' cannot be read: " + e);
            return null;
        } catch (RuntimeException e) {
            problems.add("auth_file='" + path + "' cannot be read: " + e);
            return null;
        }
    }

    /** @return the basic-auth user name, or {@code null} when the endpoint is open */
    public String authUser() {
        return authUser;
    }

    /** @return lower-case hex SHA-256 of the basic-auth password, or {@code null} when the endpoint is open */
    public String authSha256() {
        return authSha256;
    }

    /** @return the keystore path for HTTPS, or {@code null} for plain HTTP */
    public String tlsKeystore() {
        return tlsKeystore;
    }

    /** @return the keystore password (also used for the key), or {@code null} */
    public String tlsPassword() {
        return tlsPassword;
    }

    /** @return most {@code runtruth_route_info} series served */
    public int maxRoutes() {
        return maxRoutes;
    }

    /** @return most {@code runtruth_classpath_entry_info} series served */
    public int maxJars() {
        return maxJars;
    }

    /** @return why the endpoint must stay closed (a security option was given but is unusable), or {@code null} */
    public String refusal() {
        return refusal;
    }

    @Override
    public String toString() {
        return "auth=" + (authUser == null ? "off" : authUser + ":***") + ",tls=" + (tlsKeystore == null ? "off"
                : tlsKeystore) + ",max_routes=" + maxRoutes + ",max_jars=" + maxJars;
    }
}

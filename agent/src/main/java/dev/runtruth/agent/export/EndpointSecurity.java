package dev.runtruth.agent.export;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.runtruth.agent.EndpointOptions;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Turns {@link EndpointOptions}' basic auth and TLS into the JDK HTTP server's {@code Authenticator} and
 * {@code HttpsConfigurator} for the {@link MetricsServer}. Loaded only when one of them is configured, inside the
 * endpoint's linkage-error guard: it references {@code com.sun.net.httpserver} (module {@code jdk.httpserver}).
 */
final class EndpointSecurity {

    /** Realm sent in {@code WWW-Authenticate}. */
    static final String REALM = "runtruth";

    private EndpointSecurity() {
    }

    /**
     * @param options the endpoint options
     * @return basic auth against {@code authUser()} and {@code authSha256()}, or {@code null} when no user is set
     */
    static Authenticator authenticator(EndpointOptions options) {
        return options.authUser() == null ? null
                : new Sha256BasicAuthenticator(options.authUser(), options.authSha256());
    }

    /**
     * @param options the endpoint options
     * @return TLS with the key in {@code tlsKeystore()}, or {@code null} when no keystore is set
     * @throws IOException              if the keystore cannot be read (missing, wrong password, not PKCS#12 or JKS)
     * @throws GeneralSecurityException if it holds no usable key or TLS is not available
     */
    static HttpsConfigurator httpsConfigurator(EndpointOptions options) throws IOException, GeneralSecurityException {
        return options.tlsKeystore() == null ? null
                : new HttpsConfigurator(sslContext(options.tlsKeystore(), options.tlsPassword().toCharArray()));
    }

    static SSLContext sslContext(String keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = load(keystore, password);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static KeyStore load(String path, char[] password) throws IOException, GeneralSecurityException {
        IOException last = null;
        // Java 8 reads only its own type; 9+ read either through "PKCS12" (keystore.type.compat)
        for (String type : new String[] {"PKCS12", "JKS"}) {
            KeyStore store = KeyStore.getInstance(type);
            try (InputStream in = new FileInputStream(path)) {
                store.load(in, password);
                return store;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("keystore " + path + ": " + last.getMessage(), last);
    }

    /**
     * @param text a password
     * @return lower-case hex SHA-256 of its UTF-8 bytes (FIPS 180-4)
     */
    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Basic auth (RFC 7617) against a user name and the SHA-256 of the password, compared in constant time. */
    static final class Sha256BasicAuthenticator extends BasicAuthenticator {

        private final byte[] user;
        private final byte[] sha256;

        Sha256BasicAuthenticator(String user, String sha256Hex) {
            super(REALM);
            this.user = user.getBytes(StandardCharsets.UTF_8);
            this.sha256 = sha256Hex.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public boolean checkCredentials(String username, String password) {
            boolean userOk = MessageDigest.isEqual(user, username.getBytes(StandardCharsets.UTF_8));
            boolean passwordOk = MessageDigest.isEqual(sha256, sha256Hex(password).getBytes(StandardCharsets.US_ASCII));
            return userOk & passwordOk;
        }
    }
}

package dev.runtruth.collector;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The check every URL a user gives the collector goes through: an agent, a service, a Prometheus server. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /**
     * @param url     what the user gave; surrounding blanks are ignored
     * @param example a URL of the kind expected, shown in the error, e.g. {@code http://localhost:7461}
     * @return the URL (RFC 3986 syntax, as {@link URI} parses it): absolute, scheme {@code http} or {@code https} in any
     *         case, with a host
     * @throws InputException naming {@code url}: {@code not a URL: <reason>}, or {@code not an http(s) URL with a
     *                        host, e.g. <example>}
     */
    public static URI parse(String url, String example) throws InputException {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InputException(url, "not a URL: " + e.getReason(), e);
        }
        String scheme = scheme(uri);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InputException(url, "not an http(s) URL with a host, e.g. " + example);
        }
        return uri;
    }

    /**
     * @param uri a URL {@link #parse} returned
     * @return its scheme in lower case
     */
    public static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }
}

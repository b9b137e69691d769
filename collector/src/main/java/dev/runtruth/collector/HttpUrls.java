package dev.runtruth.collector;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The check every URL a user gives the collector goes through: an agent, a service, a Prometheus server. */
public final class HttpUrls {

    /** {@code host:port} or {@code host:port/path} without a scheme: a host name or IPv4 address and digits. */
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*:\\d{1,5}(/\\S*)?");

    private HttpUrls() {
    }

    /**
     * @param url     what the user gave; surrounding blanks are ignored
     * @param example a URL of the kind expected, shown in the error, e.g. {@code http://localhost:7461}
     * @return the URL (RFC 3986 syntax, as {@link URI} parses it): absolute, scheme {@code http} or {@code https} in any
     *         case, with a host
     * @throws InputException naming {@code url}: {@code add http://, e.g. http://<url>} for a bare
     *                        {@code host:port[/path]}, {@code not a URL: <reason>}, or {@code not an http(s) URL with a
     *                        host, e.g. <example>}
     */
    public static URI parse(String url, String example) throws InputException {
        String trimmed = url.trim();
        if (HOST_PORT.matcher(trimmed).matches()) {
            // "localhost:7461" parses as scheme "localhost": say what is missing, with the user's own host and port
            throw new InputException(url, "add http://, e.g. http://" + trimmed);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
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
     * Says why a connection could not be made, for the one-line errors of every command.
     *
     * @param url     the URL the connection was for
     * @param failure what {@link java.net.http.HttpClient} threw
     * @return {@code cannot resolve host <host>} when the name does not resolve (the JDK reports it as a
     *         {@link java.net.ConnectException} caused by an {@link UnresolvedAddressException}), else
     *         {@code connection refused}
     */
    public static String connectFailure(URI url, IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "cannot resolve host " + url.getHost();
            }
        }
        return "connection refused";
    }

    /**
     * @param uri a URL {@link #parse} returned
     * @return its scheme in lower case
     */
    public static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }
}

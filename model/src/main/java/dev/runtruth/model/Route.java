package dev.runtruth.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One HTTP route: a method and a path template, plus where it came from. The same type describes a route a running
 * framework registered (agent) and a route a repository declares (collector).
 *
 * <p>Identity ({@link #equals}, {@link #hashCode}) is the {@linkplain #key() match key} only: method plus the path
 * template with variable names erased. {@code framework}, {@code handler} and {@code port} are provenance, not
 * identity.
 *
 * <p>{@link #port()} tells the listeners of one process apart (the {@code port} label of {@code runtruth_route_info},
 * {@link MetricNames#PORT}): empty for a route served on the application's own listener(s), the usual case; the TCP
 * port(s) of the listener for a route a framework serves only on a separate administration or management listener
 * (Dropwizard's admin connector), several as ascending decimal ports joined by {@code ,}.
 */
public final class Route {

    /** The method value of a route that answers every HTTP method (a Spring mapping without a method condition). */
    public static final String ANY_METHOD = "*";

    private final String method;
    private final String template;
    private final String framework;
    private final String handler;
    private final String port;

    private Route(String method, String template, String framework, String handler, String port) {
        this.method = method;
        this.template = template;
        this.framework = framework;
        this.handler = handler;
        this.port = port;
    }

    /**
     * Creates a route, normalising method and template.
     *
     * @param method    an HTTP method in any case, or {@code null}/empty/{@code *} for "any method"
     * @param template  a path template in any syntax {@link PathTemplate} accepts
     * @param framework the framework family that registered or declares it, e.g. {@code spring-webmvc}; may be empty
     * @param handler   where it is handled or declared, e.g. {@code com.example.OwnerController#showOwner}; may be empty
     * @return the route
     */
    public static Route of(String method, String template, String framework, String handler) {
        return new Route(normaliseMethod(method), PathTemplate.canonical(template),
                framework == null ? "" : framework, handler == null ? "" : handler, "");
    }

    /**
     * @param listenerPort the {@link #port()} value: empty (or {@code null}) for the application's listener(s), else
     *                     the port(s) of the separate listener that serves this route, e.g. {@code 8081}
     * @return this route with that port; identity unchanged
     */
    public Route withPort(String listenerPort) {
        return new Route(method, template, framework, handler, listenerPort == null ? "" : listenerPort.trim());
    }

    /**
     * Parses the text form written by {@link #toString()}: {@code METHOD TEMPLATE}, e.g. {@code GET /owners/{id}}.
     *
     * @param text the text form; leading and trailing blanks are ignored
     * @return the route, with empty framework and handler
     * @throws IllegalArgumentException if {@code text} is not {@code METHOD TEMPLATE}
     */
    public static Route parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int space = trimmed.indexOf(' ');
        if (space <= 0 || space == trimmed.length() - 1) {
            throw new IllegalArgumentException("not a route (expected 'METHOD /path'): '" + text + "'");
        }
        return of(trimmed.substring(0, space), trimmed.substring(space + 1).trim(), "", "");
    }

    /** @return the HTTP method, upper case, or {@link #ANY_METHOD} */
    public String method() {
        return method;
    }

    /** @return the canonical path template, e.g. {@code /owners/{ownerId}} */
    public String template() {
        return template;
    }

    /** @return the framework family, e.g. {@code spring-webmvc}; empty when unknown */
    public String framework() {
        return framework;
    }

    /** @return the handler or declaration site, e.g. {@code com.example.OwnerController#showOwner}; empty when unknown */
    public String handler() {
        return handler;
    }

    /**
     * @return empty when the route is served on the application's listener(s); else the port(s) of the separate
     *         (administration, management) listener that serves it, e.g. {@code 8081} or {@code 8081,8444}
     */
    public String port() {
        return port;
    }

    /** @return whether the route is served on a separate (administration, management) listener, see {@link #port()} */
    public boolean onSeparateListener() {
        return !port.isEmpty();
    }

    /** @return the comparison key: method, a space and the template with variable names erased */
    public String key() {
        return method + ' ' + PathTemplate.matchKey(template);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route && key().equals(((Route) o).key());
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, PathTemplate.matchKey(template));
    }

    /** @return the text form {@code METHOD TEMPLATE}, e.g. {@code GET /owners/{ownerId}} */
    @Override
    public String toString() {
        return method + ' ' + template;
    }

    private static String normaliseMethod(String method) {
        if (method == null) {
            return ANY_METHOD;
        }
        String trimmed = method.trim();
        return trimmed.isEmpty() ? ANY_METHOD : trimmed.toUpperCase(Locale.ROOT);
    }
}

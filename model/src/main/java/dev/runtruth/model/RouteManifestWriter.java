package dev.runtruth.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the route manifest, format {@value #FORMAT}: the one definition of the JSON both the agent ({@code dump=}
 * option, the routes a running build registered) and the collector ({@code runtruth expected --json}, the routes a
 * build output declares) write, and that {@code runtruth expected} and {@code runtruth check} read back. The format
 * is documented in {@code docs/manifest.md}.
 *
 * <pre>{@code
 * {
 *   "format" : "runtruth-manifest/1",
 *   "service" : "backoffice", "version" : "1.2.0", "commit" : "<40 hex>", "branch" : "main",
 *   "buildTime" : "2026-11-21T10:00:00Z",
 *   "source" : "target/backoffice.jar",
 *   "recordedBy" : "runtruth-agent 0.1.0",
 *   "routes" : [ { "method" : "GET", "route" : "/owners/{id}", "framework" : "spring-webmvc", "handler" : "a.B#m" } ],
 *   "classpath" : [ { "name" : "spring-webmvc", "version" : "6.2.12", "sha256" : "...", "location" : "...",
 *                     "kind" : "nested-jar" } ]
 * }
 * }</pre>
 * Unknown build components are {@code null}; {@code recordedBy} and {@code classpath} are written only when set.
 * Routes are sorted by template, then method, then handler; jars by name, then location. Strings are escaped per RFC
 * 8259 (quote, backslash and control characters; everything else is written as is, the text is meant to be stored as
 * UTF-8).
 *
 * <p>Not thread-safe; plain Java 8, no dependencies, so the agent can use it without a JSON library.
 */
public final class RouteManifestWriter {

    /** The value of the {@code format} field. Fields may be added within a format version; readers ignore them. */
    public static final String FORMAT = "runtruth-manifest/1";

    private static final Comparator<Route> ROUTE_ORDER = new Comparator<Route>() {
        @Override
        public int compare(Route a, Route b) {
            int c = a.template().compareTo(b.template());
            if (c == 0) {
                c = a.method().compareTo(b.method());
            }
            return c != 0 ? c : a.handler().compareTo(b.handler());
        }
    };

    private String service;
    private String version;
    private String commit;
    private String branch;
    private String buildTime;
    private String source;
    private String recordedBy;
    private final List<Route> routes = new ArrayList<Route>();
    private List<String[]> jars;

    /** Creates an empty manifest: no build identity, no source, no routes. */
    public RouteManifestWriter() {
    }

    /**
     * Sets the build identity; each component may be {@code null} or empty when unknown (written as {@code null}).
     *
     * @param service   the service name, e.g. {@code backoffice}
     * @param version   the build version
     * @param commit    the git commit id, full or abbreviated
     * @param branch    the git branch
     * @param buildTime the build time as the build wrote it
     * @return this writer
     */
    public RouteManifestWriter build(String service, String version, String commit, String branch, String buildTime) {
        this.service = service;
        this.version = version;
        this.commit = commit;
        this.branch = branch;
        this.buildTime = buildTime;
        return this;
    }

    /**
     * @param source what the routes were read from: a build output path, or the running application's jar
     * @return this writer
     */
    public RouteManifestWriter source(String source) {
        this.source = source;
        return this;
    }

    /**
     * @param recordedBy the tool that wrote the manifest, e.g. {@code runtruth-agent 0.1.0}; {@code null} omits the
     *                   field
     * @return this writer
     */
    public RouteManifestWriter recordedBy(String recordedBy) {
        this.recordedBy = recordedBy;
        return this;
    }

    /**
     * @param routes routes to list; duplicates are written as given
     * @return this writer
     */
    public RouteManifestWriter routes(Collection<Route> routes) {
        this.routes.addAll(routes);
        return this;
    }

    /**
     * Adds one classpath entry; the first call makes the manifest carry a {@code classpath} array.
     *
     * @param name     the library name, e.g. {@code spring-webmvc}
     * @param version  its version, empty when unknown
     * @param sha256   the SHA-256 of the jar in lower-case hex, empty when unknown
     * @param location where it was loaded from
     * @param kind     {@code jar}, {@code nested-jar} or {@code directory}
     * @return this writer
     */
    public RouteManifestWriter jar(String name, String version, String sha256, String location, String kind) {
        if (jars == null) {
            jars = new ArrayList<String[]>();
        }
        jars.add(new String[] {name, version, sha256, location, kind});
        return this;
    }

    /** @return the manifest as indented JSON, without a trailing newline */
    public String toJson() {
        List<Route> sorted = new ArrayList<Route>(routes);
        Collections.sort(sorted, ROUTE_ORDER);
        StringBuilder out = new StringBuilder(256 + sorted.size() * 128);
        out.append("{\n");
        field(out, "  ", "format", FORMAT).append(",\n");
        field(out, "  ", "service", service).append(",\n");
        field(out, "  ", "version", version).append(",\n");
        field(out, "  ", "commit", commit).append(",\n");
        field(out, "  ", "branch", branch).append(",\n");
        field(out, "  ", "buildTime", buildTime).append(",\n");
        field(out, "  ", "source", source).append(",\n");
        if (recordedBy != null) {
            field(out, "  ", "recordedBy", recordedBy).append(",\n");
        }
        out.append("  \"routes\" : [");
        for (int i = 0; i < sorted.size(); i++) {
            Route route = sorted.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\n");
            field(out, "      ", "method", route.method()).append(",\n");
            field(out, "      ", "route", route.template()).append(",\n");
            field(out, "      ", "framework", route.framework()).append(",\n");
            field(out, "      ", "handler", route.handler()).append("\n    }");
        }
        out.append(sorted.isEmpty() ? "]" : "\n  ]");
        if (jars != null) {
            List<String[]> sortedJars = new ArrayList<String[]>(jars);
            Collections.sort(sortedJars, new Comparator<String[]>() {
                @Override
                public int compare(String[] a, String[] b) {
                    int c = nonNull(a[0]).compareTo(nonNull(b[0]));
                    return c != 0 ? c : nonNull(a[3]).compareTo(nonNull(b[3]));
                }
            });
            out.append(",\n  \"classpath\" : [");
            for (int i = 0; i < sortedJars.size(); i++) {
                String[] jar = sortedJars.get(i);
                out.append(i == 0 ? "\n" : ",\n").append("    {\n");
                field(out, "      ", "name", jar[0]).append(",\n");
                field(out, "      ", "version", jar[1]).append(",\n");
                field(out, "      ", "sha256", jar[2]).append(",\n");
                field(out, "      ", "location", jar[3]).append(",\n");
                field(out, "      ", "kind", jar[4]).append("\n    }");
            }
            out.append(sortedJars.isEmpty() ? "]" : "\n  ]");
        }
        return out.append("\n}").toString();
    }

    private static StringBuilder field(StringBuilder out, String indent, String name, String value) {
        out.append(indent).append('"').append(name).append("\" : ");
        if (value == null || value.trim().isEmpty()) {
            return out.append("null");
        }
        return quote(out, value);
    }

    /**
     * Appends a JSON string literal (RFC 8259 section 7).
     *
     * @param out   where to append
     * @param value the string, not {@code null}
     * @return {@code out}
     */
    static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"');
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

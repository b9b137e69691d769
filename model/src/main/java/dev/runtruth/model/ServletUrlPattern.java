package dev.runtruth.model;

/**
 * The canonical path template of a Servlet url-pattern ({@code ServletRegistration#getMappings()},
 * {@code <url-pattern>} in {@code web.xml}, {@code @WebServlet#value}), in the Ant-style wildcards that
 * {@link PathTemplate} keeps: the agent exports servlet routes with it and tests derive their truth with it, so both
 * sides read a url-pattern the same way.
 *
 * <p>The four kinds of url-pattern of the Servlet specification (3.0 to 6.1, section 12.2 "Specification of
 * Mappings"):
 * <table>
 *   <caption>url-pattern to template</caption>
 *   <tr><th>kind</th><th>url-pattern</th><th>template</th></tr>
 *   <tr><td>exact</td><td>{@code /x}</td><td>{@code /x}</td></tr>
 *   <tr><td>path prefix</td><td>{@code /x/*}</td><td>{@code /x/**} (like Ant's {@code /x/**} it matches {@code /x}
 *       itself too)</td></tr>
 *   <tr><td>extension</td><td>{@code *.do}</td><td>{@code /**}{@code /*.do}</td></tr>
 *   <tr><td>default servlet</td><td>{@code /} and the catch-all prefix {@code /*}</td><td>{@code /**}</td></tr>
 *   <tr><td>context root</td><td>{@code ""} (the empty string)</td><td>{@code /}</td></tr>
 * </table>
 * Anything else (a pattern without a leading {@code /}, which containers accept with a warning) is read as an
 * exact path through {@link PathTemplate#canonical(String)}.
 */
public final class ServletUrlPattern {

    private ServletUrlPattern() {
    }

    /**
     * @param urlPattern a Servlet url-pattern, e.g. {@code /api/*}; {@code null} is read as the empty string
     * @return its canonical template, never {@code null}, e.g. {@code /api/**}
     */
    public static String toTemplate(String urlPattern) {
        String p = urlPattern == null ? "" : urlPattern.trim();
        if (p.isEmpty()) {
            return "/";
        }
        if (p.equals("/") || p.equals("/*")) {
            return "/**";
        }
        if (p.startsWith("*.")) {
            return "/**/" + p;
        }
        if (p.startsWith("/") && p.endsWith("/*")) {
            return PathTemplate.canonical(p.substring(0, p.length() - 2) + "/**");
        }
        return PathTemplate.canonical(p);
    }

    /**
     * @param contextPath the servlet context path ({@code ServletContext#getContextPath()}): {@code ""} for the root
     *                    context, else e.g. {@code /shop}; {@code null} is read as {@code ""}
     * @param urlPattern  a Servlet url-pattern of a servlet of that context
     * @return the template a client requests, e.g. {@code /shop/api/**} for {@code /shop} and {@code /api/*}; the
     *         context root {@code ""} of {@code /shop} is {@code /shop/}
     */
    public static String toTemplate(String contextPath, String urlPattern) {
        return PathTemplate.join(contextPath, toTemplate(urlPattern));
    }
}

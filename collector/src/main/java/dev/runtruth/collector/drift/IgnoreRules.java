package dev.runtruth.collector.drift;

import dev.runtruth.collector.expected.config.ServicePaths;
import dev.runtruth.model.PathTemplate;
import dev.runtruth.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which served routes are not reported as unexpected: routes that Spring Boot or Spring MVC add without the repository
 * declaring them. Rules apply to the observed side only: an ignored route that the build does declare still matches.
 *
 * <p>A rule is {@code [METHOD ]GLOB}. The glob is matched against the route's canonical template with variable names
 * erased ({@link PathTemplate#matchKey}), segment by segment:
 * <ul>
 *   <li>{@code *} as a whole segment matches exactly one segment; inside a segment it matches any characters of that
 *       segment ({@code /files/*.json});</li>
 *   <li>{@code **} as a whole segment matches any number of segments, none included ({@code /error/**} matches {@code
 *       /error} and {@code /error/a/b});</li>
 *   <li>{@code \*} matches a literal {@code *}: {@code /\*\*} is the route template {@code /**} itself (Spring's
 *       default static resource handler), whereas {@code /**} would match every route;</li>
 *   <li>a variable matches a variable: {@code /owners/{id}} matches {@code /owners/{ownerId}};</li>
 *   <li>without a method the rule ignores every method of the route.</li>
 * </ul>
 * The default rules follow the paths the build's configuration sets ({@link #defaults(ServicePaths)}): context path,
 * servlet path, WebFlux base path, error path and actuator base path. A rule given by the user is matched as written.
 */
public final class IgnoreRules {

    /** Spring Boot's {@code BasicErrorController} ({@code server.error.path}). */
    public static final String ERROR = "/error";
    /** Below Spring Boot's error path. */
    public static final String ERROR_ANY = "/error/**";
    /** Spring Boot Actuator's discovery page at the default base path. */
    public static final String ACTUATOR = "/actuator";
    /** Spring Boot Actuator's web endpoints at the default base path. */
    public static final String ACTUATOR_ANY = "/actuator/**";
    /** Spring Boot's webjars resource handler. */
    public static final String WEBJARS = "/webjars/**";
    /** The route {@code /**} itself: Spring Boot's static resource handler ({@code spring.mvc.static-path-pattern}). */
    public static final String STATIC_RESOURCES = "/\\*\\*";
    /** Spring Boot's welcome page ({@code index.html} or an {@code index} template). */
    public static final String WELCOME_PAGE = "/";

    /** The default rules, in the order they are listed in {@link #DEFAULT_RULES_HELP}. */
    public static final List<String> DEFAULT_RULES = List.of(
            ERROR, ERROR_ANY, ACTUATOR, ACTUATOR_ANY, WEBJARS, STATIC_RESOURCES, WELCOME_PAGE);

    /** The default rules with why each exists, one per line, for {@code --help}. */
    public static final String DEFAULT_RULES_HELP = ""
            + "  " + ERROR + " " + ERROR_ANY + "         Spring Boot's error controller (server.error.path)%n"
            + "  " + ACTUATOR + " " + ACTUATOR_ANY + "   Spring Boot Actuator (management base path)%n"
            + "  " + WEBJARS + "              Spring Boot's webjars resource handler%n"
            + "  " + STATIC_RESOURCES + "                    the route /** itself: Spring's static resources%n"
            + "  " + WELCOME_PAGE + "                        Spring Boot's welcome page (index.html)%n"
            + "They move with the paths the build's configuration sets (server.servlet.context-path,%n"
            + "spring.mvc.servlet.path, spring.webflux.base-path, server.error.path,%n"
            + "management.endpoints.web.base-path, management.server.base-path) and --path-prefix.%n";

    private static final Pattern METHOD = Pattern.compile("[A-Za-z]+|\\*");

    private final List<String> rules;
    private final List<Rule> compiled;

    private record Rule(String method, String[] segments) {
    }

    private IgnoreRules(List<String> rules, List<Rule> compiled) {
        this.rules = List.copyOf(rules);
        this.compiled = List.copyOf(compiled);
    }

    /** @return the {@link #DEFAULT_RULES}, for a service at Spring Boot's default paths */
    public static IgnoreRules defaults() {
        return defaults(ServicePaths.DEFAULT);
    }

    /**
     * The {@link #DEFAULT_RULES} rebased onto where the service serves Spring Boot's own routes: the error rules onto
     * {@link ServicePaths#errorPath()}, the actuator rules onto {@link ServicePaths#managementBase()} (one rule per
     * {@linkplain ManagementEndpoints#SPRING_BOOT endpoint id} when actuator sits at the root of the service), the
     * others under {@link ServicePaths#prefix()}. For {@link ServicePaths#DEFAULT} these are the rules as listed.
     *
     * @param paths the service's paths, e.g. {@link dev.runtruth.collector.expected.ExpectedRoutes#paths()}
     * @return the rebased rules, in the order of {@link #DEFAULT_RULES}
     */
    public static IgnoreRules defaults(ServicePaths paths) {
        List<String> rules = new ArrayList<>();
        if (paths.errorPath().isEmpty()) {
            rules.add("/"); // never "/**": that would ignore every route
        } else {
            rules.add(paths.errorPath());
            rules.add(paths.errorPath() + "/**");
        }
        if (paths.managementBase().equals(paths.prefix())) {
            for (String id : ManagementEndpoints.SPRING_BOOT) {
                rules.add(paths.managementBase() + "/" + id);
                rules.add(paths.managementBase() + "/" + id + "/**");
            }
        } else {
            rules.add(paths.managementBase());
            rules.add(paths.managementBase() + "/**");
        }
        rules.add(paths.inPrefix(WEBJARS));
        rules.add(paths.inPrefix(STATIC_RESOURCES));
        rules.add(paths.inPrefix(WELCOME_PAGE));
        return of(rules);
    }

    /** @return no rules: every unexpected route is reported */
    public static IgnoreRules none() {
        return of(List.of());
    }

    /**
     * @param rules rules in the syntax above, e.g. {@code /internal/**} or {@code POST /hooks/*}
     * @return the rules
     * @throws IllegalArgumentException naming the first rule that is not {@code [METHOD ]/glob}
     */
    public static IgnoreRules of(Collection<String> rules) {
        List<Rule> compiled = new ArrayList<>();
        for (String rule : rules) {
            compiled.add(compile(rule));
        }
        return new IgnoreRules(new ArrayList<>(rules), compiled);
    }

    /**
     * @param more further rules in the syntax above
     * @return these rules followed by {@code more}
     * @throws IllegalArgumentException naming the first rule of {@code more} that is not {@code [METHOD ]/glob}
     */
    public IgnoreRules plus(Collection<String> more) {
        List<String> all = new ArrayList<>(rules);
        all.addAll(more);
        return of(all);
    }

    /** @return the rules as given */
    public List<String> rules() {
        return rules;
    }

    /**
     * @param route a served route
     * @return whether a rule matches its method and canonical template
     */
    public boolean ignores(Route route) {
        String[] template = PathTemplate.matchKey(route.template()).split("/", -1);
        for (Rule rule : compiled) {
            if ((rule.method() == null || rule.method().equals(route.method()))
                    && matches(rule.segments(), 0, template, 0)) {
                return true;
            }
        }
        return false;
    }

    private static Rule compile(String rule) {
        String trimmed = rule == null ? "" : rule.trim();
        String method = null;
        String glob = trimmed;
        int space = trimmed.indexOf(' ');
        if (space > 0) {
            method = trimmed.substring(0, space).toUpperCase(Locale.ROOT);
            glob = trimmed.substring(space + 1).trim();
            if (!METHOD.matcher(method).matches()) {
                throw new IllegalArgumentException("ignore rule '" + rule + "': '" + method
                        + "' is not an HTTP method");
            }
        }
        if (!glob.startsWith("/") || glob.contains(" ")) {
            throw new IllegalArgumentException("ignore rule '" + rule
                    + "': expected [METHOD ]/glob, e.g. /internal/**");
        }
        // erase variable names as in the templates; PathTemplate leaves '*' and '\' alone
        return new Rule(method, PathTemplate.matchKey(glob).split("/", -1));
    }

    private static boolean matches(String[] glob, int g, String[] path, int p) {
        if (g == glob.length) {
            return p == path.length;
        }
        if (glob[g].equals("**")) {
            for (int skip = p; skip <= path.length; skip++) {
                if (matches(glob, g + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        return p < path.length && segmentMatches(glob[g], path[p]) && matches(glob, g + 1, path, p + 1);
    }

    private static boolean segmentMatches(String glob, String segment) {
        if (glob.equals("*")) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return segment.matches(regex.toString());
    }

    @Override
    public String toString() {
        return String.join(" ", rules);
    }
}

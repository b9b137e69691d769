package dev.runtruth.agenttests.helidonse;

import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.List;
import java.util.function.Predicate;

/**
 * Helidon's {@link HttpRules}, passed on unchanged, noting each route the app declares as {@code METHOD PATH}: the
 * method's name ({@code *} for {@code any}) and the path joined to the paths the enclosing services were registered
 * under, as declared (a service's {@code /} is the service path itself: Helidon matches a service path as a prefix).
 * Forms this app does not use (routes built by hand, path matchers, method predicates) are refused, so the list
 * never silently misses one.
 */
final class RecordingRules implements HttpRules {

    private final HttpRules delegate;
    private final String prefix;
    private final List<String> declared;

    RecordingRules(HttpRules delegate, String prefix, List<String> declared) {
        this.delegate = delegate;
        this.prefix = prefix;
        this.declared = declared;
    }

    @Override
    public HttpRules register(HttpService... services) {
        for (HttpService service : services) {
            delegate.register(rules -> service.routing(new RecordingRules(rules, prefix, declared)));
        }
        return this;
    }

    @Override
    public HttpRules register(String pathPattern, HttpService... services) {
        for (HttpService service : services) {
            delegate.register(pathPattern, rules -> service.routing(new RecordingRules(rules, prefix + pathPattern,
                    declared)));
        }
        return this;
    }

    @Override
    public HttpRules route(Method method, String pathPattern, Handler handler) {
        note(method.text(), pathPattern);
        delegate.route(method, pathPattern, handler);
        return this;
    }

    @Override
    public HttpRules any(String pathPattern, Handler... handlers) {
        for (Handler handler : handlers) {
            note("*", pathPattern);
            delegate.any(pathPattern, handler);
        }
        return this;
    }

    @Override
    public HttpRules route(HttpRoute route) {
        throw new UnsupportedOperationException("not recorded: declare routes with a method and a path");
    }

    @Override
    public HttpRules route(Method method, PathMatcher pathMatcher, Handler handler) {
        throw new UnsupportedOperationException("not recorded: declare routes with a path string");
    }

    @Override
    public HttpRules route(Predicate<Method> methodPredicate, PathMatcher pathMatcher, Handler handler) {
        throw new UnsupportedOperationException("not recorded: declare routes with a method and a path");
    }

    @Override
    public HttpRules route(Method method, Handler handler) {
        throw new UnsupportedOperationException("not recorded: declare routes with a path");
    }

    @Override
    public HttpRules any(Handler... handlers) {
        throw new UnsupportedOperationException("not recorded: declare routes with a path");
    }

    private void note(String method, String path) {
        declared.add(method + " " + (prefix.isEmpty() || !path.equals("/") ? prefix + path : prefix));
    }
}

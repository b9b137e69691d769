package io.ktor.server.routing;

/** Test double of Ktor's {@code HttpMethodRouteSelector}: {@code getMethod().getValue()}. */
public class HttpMethodRouteSelector {
    private final Method method;

    public HttpMethodRouteSelector(String method) {
        this.method = new Method(method);
    }

    public Method getMethod() {
        return method;
    }

    /** Test double of {@code io.ktor.http.HttpMethod}. */
    public static final class Method {
        private final String value;

        Method(String value) {
            this.value = value;
        }

        public String getValue() {
            return value;
        }
    }
}

package dev.runtruth.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtruth.collector.probe.Prober;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpUrlsTest {

    @Test
    void anAbsoluteHttpUrlWithAHostPassesTrimmedAndAnySchemeCase() throws InputException {
        assertThat(HttpUrls.parse(" HTTPS://prom:9090/x ", "e")).isEqualTo(URI.create("HTTPS://prom:9090/x"));
        assertThat(HttpUrls.scheme(URI.create("HTTPS://prom:9090"))).isEqualTo("https");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost:9464|localhost:9464: add http://, e.g. http://localhost:9464",
        "host.example:80/metrics|host.example:80/metrics: add http://, e.g. http://host.example:80/metrics",
        "mailto:someone|mailto:someone: not an http(s) URL with a host, e.g. http://example:1",
        "ftp://host/x|ftp://host/x: not an http(s) URL with a host, e.g. http://example:1",
        "http:///x|http:///x: not an http(s) URL with a host, e.g. http://example:1",
        "http://bad host|http://bad host: not a URL: Illegal character in authority",
    })
    void anythingElseIsOneLineNamingTheInput(String url, String message) {
        assertThatThrownBy(() -> HttpUrls.parse(url, "http://example:1"))
                .isInstanceOf(InputException.class).hasMessage(message);
    }

    @Test
    void aServiceBaseUrlAlsoRefusesAQueryOrFragment() throws InputException {
        assertThat(Prober.baseUri("http://svc:8080/api/")).isEqualTo(URI.create("http://svc:8080/api"));
        assertThatThrownBy(() -> Prober.baseUri("http://svc:8080/?a=b")).isInstanceOf(InputException.class)
                .hasMessage("http://svc:8080/?a=b: a base URL has no query or fragment, e.g. http://localhost:8080");
        assertThatThrownBy(() -> Prober.baseUri("svc:8080")).isInstanceOf(InputException.class)
                .hasMessage("svc:8080: add http://, e.g. http://svc:8080");
    }
}

package dev.runtruth.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code Accept} rewrite, on the headers real Prometheus servers send. */
class TextFormatExchangeTest {

    @Test
    void prometheus2WithNativeHistogramsKeepsItsTextFormat() {
        // Prometheus 2.42 with --enable-feature=native-histograms (scrape/scrape.go, acceptHeaderProtobuf)
        assertThat(TextFormatExchange.withoutProtobuf("application/vnd.google.protobuf;"
                + "proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,text/plain;version=0.0.4;q=0.3,"
                + "*/*;q=0.2")).isEqualTo("text/plain;version=0.0.4;q=0.3,*/*;q=0.2");
    }

    @Test
    void onlyProtobufLeavesNoHeaderSoTheDefaultTextFormatIsServed() {
        assertThat(TextFormatExchange.withoutProtobuf(
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited")).isNull();
    }

    @Test
    void otherHeadersAreUntouched() {
        String openMetrics = "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4";
        assertThat(TextFormatExchange.withoutProtobuf(openMetrics)).isSameAs(openMetrics);
        assertThat(TextFormatExchange.withoutProtobuf(null)).isNull();
    }
}

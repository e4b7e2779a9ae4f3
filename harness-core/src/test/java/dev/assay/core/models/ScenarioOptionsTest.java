package dev.assay.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.AssayException;
import dev.assay.core.Models;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario keys map one to one onto builder options. */
class ScenarioOptionsTest {
    @Test
    void durations() {
        assertThat(HttpModel.Builder.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(HttpModel.Builder.duration("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(HttpModel.Builder.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(HttpModel.Builder.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(HttpModel.Builder.duration(3)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void every_documented_key_is_accepted() throws Exception {
        try (LoopbackServer server = new LoopbackServer((req, n) -> HttpFaultsTest.mlflowOk(req))) {
            HttpModel.Builder b = Models.http(URI.create("http://127.0.0.1:9")).settings(HttpProtocolsTest.NO_ENV);
            Map<String, Object> yaml = new java.util.LinkedHashMap<>();
            yaml.put("url", server.url().toString());
            yaml.put("protocol", "mlflow");
            yaml.put("format", "dataframe_records");
            yaml.put("batch-size", 2);
            yaml.put("concurrency", 2);
            yaml.put("timeout", "5s");
            yaml.put("connect-timeout", "500ms");
            yaml.put("retries", 1);
            yaml.put("backoff", "1ms");
            yaml.put("cache", false);
            yaml.put("headers", Map.of("X-Team", "credit"));
            yaml.forEach(b::option);
            server.handler((req, n) -> {
                StringBuilder sb = new StringBuilder("{\"predictions\": [");
                var recs = req.json().get("dataframe_records");
                for (int i = 0; i < recs.size(); i++) {
                    sb.append(i > 0 ? "," : "").append(Twin.p(recs.get(i)));
                }
                return LoopbackServer.Reply.json(sb.append("]}").toString());
            });
            try (HttpModel m = b.build()) {
                HttpProtocolsTest.assertTwin(m.predict(Twin.data()));
                assertThat(server.posts()).isEqualTo(3);
                assertThat(server.requests().get(0).headers().get("X-team")).containsExactly("credit");
            }
        }
        assertThat(HttpModel.Builder.KEYS).hasSize(45).doesNotHaveDuplicates();
    }

    @Test
    void unknown_keys_and_bad_values_are_named() {
        HttpModel.Builder b = Models.http(URI.create("http://127.0.0.1:9"));
        assertThatThrownBy(() -> b.option("batchsize", 4)).isInstanceOf(AssayException.class)
                .hasMessageStartingWith("unknown key 'batchsize' in model: http:; expected one of [url, protocol,");
        assertThatThrownBy(() -> b.option("timeout", "soon"))
                .hasMessage("model: http: timeout: 'soon' is not valid (expected a duration like 250ms, 5s or 2m)");
        assertThatThrownBy(() -> b.option("batch-size", 2.5))
                .hasMessage("model: http: batch-size: '2.5' is not valid (expected a whole number)");
        assertThatThrownBy(() -> b.option("protocol", "grpc")).hasMessageContaining("unknown model protocol 'grpc'");
        assertThatThrownBy(() -> OnnxModel.builder(Path.of("m.onnx")).option("inputs", List.of("a")))
                .hasMessageStartingWith("unknown key 'inputs' in model: onnx:");
    }
}

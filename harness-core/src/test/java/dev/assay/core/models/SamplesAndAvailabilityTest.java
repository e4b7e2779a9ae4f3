package dev.assay.core.models;

import static dev.assay.core.models.HttpProtocolsTest.http;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.models.LoopbackServer.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SamplesAndAvailabilityTest {
    private LoopbackServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void samples_use_the_protocols_n() throws Exception {
        server = new LoopbackServer((req, n) -> {
            int k = req.json().get("n").asInt();
            StringBuilder sb = new StringBuilder("{\"choices\": [");
            for (int i = 0; i < k; i++) {
                sb.append(i > 0 ? "," : "").append("{\"index\": ").append(i).append(", \"message\": {\"content\": \"")
                        .append(i == 1 ? "my email is a@b.example" : "no").append("\"}}");
            }
            return Reply.json(sb.append("]}").toString());
        });
        try (HttpModel m = http(server).protocol("openai-chat").samples(3).temperature(1).build()) {
            Samples s = m.samples(HttpProtocolsTest.prompts());
            assertThat(s.rows()).isEqualTo(3);
            assertThat(s.answers(0)).containsExactly("no", "my email is a@b.example", "no");
            assertThat(s.passes(0, a -> !a.contains("@"))).isEqualTo(2);
            assertThat(s.atLeast(0, 3, a -> !a.contains("@"))).isFalse();
            assertThat(s.passRate(a -> !a.contains("@"))).isEqualTo(6.0 / 9);
            assertThat(server.posts()).as("two distinct prompts, n=3 each").isEqualTo(2);
        }
    }

    @Test
    void samples_repeat_the_request_where_the_protocol_has_no_n() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.json("{\"out\": {\"text\": \"answer " + n + "\"}}"));
        try (HttpModel m = http(server).protocol("json").requestTemplate("{\"q\": \"{{prompt}}\"}")
                .textPointer("/out/text").samples(2).concurrency(1).build()) {
            Samples s = m.samples(HttpProtocolsTest.prompts());
            assertThat(server.posts()).isEqualTo(4);
            assertThat(s.answers(0)).hasSize(2).doesNotHaveDuplicates();
            assertThat(s.answers(2)).isEqualTo(s.answers(0));
        }
    }

    @Test
    void available_when_the_endpoint_answers_and_not_when_it_is_gone() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.status(500, "broken"));
        HttpModel m = http(server).protocol("mlflow").connectTimeout(Duration.ofMillis(500)).build();
        assertThat(m.isAvailable()).as("present but broken is available (and its calls are errors)").isTrue();
        server.close();
        server = null;
        assertThat(m.isAvailable()).isFalse();
        assertThat(m.unavailableReason()).contains("is not reachable").contains("/invocations");
        m.close();
    }

    @Test
    void assay_model_url_points_the_suite_at_another_endpoint() throws Exception {
        server = new LoopbackServer((req, n) -> HttpFaultsTest.mlflowOk(req));
        AssaySettings s = AssaySettings.of(k -> Optional.empty(),
                Map.of(AssayConstants.MODEL_URL, server.url().toString()), Map.of());
        try (HttpModel m = dev.assay.core.Models.http(URI.create("http://127.0.0.1:9/nowhere")).protocol("mlflow")
                .settings(s).build()) {
            HttpProtocolsTest.assertTwin(m.predict(Twin.data()));
            assertThat(m.endpoint()).isEqualTo(server.url() + "/invocations");
        }
    }

    @Test
    void progress_reports_calls_done_of_total_and_errors() throws Exception {
        server = new LoopbackServer((req, n) -> n == 2 ? Reply.status(503, "busy") : HttpFaultsTest.mlflowOk(req));
        java.util.List<Progress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HttpModel m = http(server).protocol("mlflow").batchSize(1).concurrency(1).cache(false)
                .progress(seen::add).progressInterval(Duration.ZERO).build()) {
            m.predict(Twin.data());
        }
        assertThat(seen).extracting(Progress::done).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seen).extracting(Progress::total).containsOnly(6L);
        Progress last = seen.get(5);
        assertThat(last.errors()).isEqualTo(1);
        assertThat(last.remaining()).isEqualTo(Duration.ZERO);
        assertThat(last.toString()).startsWith(server.url() + "/invocations: 6/6 calls (100%), ").endsWith("1 errors, ~0s left");
    }
}

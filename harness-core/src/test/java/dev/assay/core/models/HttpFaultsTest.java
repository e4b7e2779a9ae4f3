package dev.assay.core.models;

import static dev.assay.core.models.HttpProtocolsTest.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Performance;
import dev.assay.core.Predictions;
import dev.assay.core.Verdict;
import dev.assay.core.models.LoopbackServer.Reply;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failures are errors with their cause: status, endpoint, a masked excerpt of the body. */
class HttpFaultsTest {
    private LoopbackServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A correct MLflow answer (scores) for whatever dataframe_split arrives. */
    static Reply mlflowOk(LoopbackServer.Request req) {
        StringBuilder sb = new StringBuilder("{\"predictions\": [");
        JsonNode data = req.json().get("dataframe_split").get("data");
        for (int i = 0; i < data.size(); i++) {
            sb.append(i > 0 ? "," : "").append(Twin.p(data.get(i).get(0).asDouble(), data.get(i).get(1).asDouble()));
        }
        return Reply.json(sb.append("]}").toString());
    }

    private HttpModel.Builder mlflow() {
        return http(server).protocol("mlflow").cache(false).retries(2);
    }

    @Test
    void http_500_is_an_error_naming_endpoint_status_and_body_and_is_not_retried() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.status(500, "{\"error\": \"model crashed: division by zero\"}"));
        try (HttpModel m = mlflow().build()) {
            ModelCallException e = catchThrowableOfType(() -> m.predict(Twin.data()), ModelCallException.class);
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).contains(server.url() + "/invocations").contains("HTTP 500")
                    .contains("model crashed: division by zero");
            assertThat(server.posts()).isEqualTo(1);
        }
    }

    @Test
    void a_failing_model_makes_the_check_error_never_pass() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.status(500, "boom"));
        try (HttpModel m = mlflow().build()) {
            CheckResult r = Performance.of(m).on(Twin.data()).metric("accuracy").atLeast(0.0).evaluate();
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.message()).contains("HTTP 500").contains("boom");
        }
    }

    @Test
    void retries_503_then_succeeds() throws Exception {
        server = new LoopbackServer((req, n) -> n <= 2 ? Reply.status(503, "warming up") : mlflowOk(req));
        try (HttpModel m = mlflow().build()) {
            HttpProtocolsTest.assertTwin(m.predict(Twin.data()));
            assertThat(server.posts()).isEqualTo(3);
        }
    }

    @Test
    void gives_up_after_the_retries_with_the_last_status() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.status(502, "bad gateway"));
        try (HttpModel m = mlflow().build()) {
            ModelCallException e = catchThrowableOfType(() -> m.predict(Twin.data()), ModelCallException.class);
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.getMessage()).contains("HTTP 502 after 3 attempts").contains("bad gateway");
            assertThat(server.posts()).isEqualTo(3);
        }
    }

    @Test
    void honours_retry_after_on_429() throws Exception {
        long[] firstAt = new long[1];
        long[] secondAt = new long[1];
        server = new LoopbackServer((req, n) -> {
            if (n == 1) {
                firstAt[0] = System.nanoTime();
                return Reply.status(429, "slow down").header("Retry-After", "1");
            }
            secondAt[0] = System.nanoTime();
            return mlflowOk(req);
        });
        try (HttpModel m = mlflow().backoff(Duration.ofMillis(1)).build()) {
            HttpProtocolsTest.assertTwin(m.predict(Twin.data()));
            assertThat(server.posts()).isEqualTo(2);
            // the backoff alone is 1 ms; the second request can only come a second later if Retry-After was honoured
            assertThat(secondAt[0] - firstAt[0]).isGreaterThanOrEqualTo(900_000_000L);
        }
    }

    @Test
    void a_slow_answer_past_the_timeout_is_an_error() throws Exception {
        server = new LoopbackServer((req, n) -> mlflowOk(req).delayed(3000));
        try (HttpModel m = mlflow().retries(1).timeout(Duration.ofMillis(150)).build()) {
            ModelCallException e = catchThrowableOfType(() -> m.predict(Twin.data()), ModelCallException.class);
            assertThat(e.getMessage()).contains("timed out after 150 ms (2 attempts)").contains("/invocations");
            assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
            assertThat(e.status()).isEqualTo(-1);
        }
    }

    @Test
    void a_timed_out_call_leaves_the_calling_thread_uninterrupted_and_the_model_usable() throws Exception {
        // the first two requests are slow (the call times out after its one retry), later ones answer at once
        server = new LoopbackServer((req, n) -> n <= 2 ? mlflowOk(req).delayed(20_000) : mlflowOk(req));
        try (HttpModel m = mlflow().retries(1).concurrency(1).timeout(Duration.ofMillis(150)).build()) {
            long t0 = System.nanoTime();
            ModelCallException e = catchThrowableOfType(() -> m.predict(Twin.data()), ModelCallException.class);
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(e.getMessage()).contains("timed out after 150 ms");
            // the overdue sends were cancelled, not waited out (the server would have answered after 20 s each)
            assertThat(elapsedMs).isLessThan(15_000);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            Predictions p = m.predict(Twin.data());
            assertThat(p.size()).isEqualTo(Twin.data().rows());
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void a_connection_reset_is_an_error_with_its_cause() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.connectionReset());
        try (HttpModel m = mlflow().retries(1).build()) {
            ModelCallException e = catchThrowableOfType(() -> m.predict(Twin.data()), ModelCallException.class);
            assertThat(e.getMessage()).contains("failed after 2 attempts");
            assertThat(e.getCause()).isInstanceOf(IOException.class);
            assertThat(server.posts()).isEqualTo(2);
        }
    }

    @Test
    void truncated_json_is_an_error() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.json("{\"predictions\": [0.1, 0.9,"));
        try (HttpModel m = mlflow().build()) {
            assertThatThrownBy(() -> m.predict(Twin.data())).isInstanceOf(ModelCallException.class)
                    .hasMessageContaining("malformed JSON").hasMessageContaining("{\"predictions\": [0.1, 0.9,");
        }
    }

    @Test
    void the_wrong_number_of_outputs_is_an_error() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.json("{\"predictions\": [0.1, 0.9, 0.4]}"));
        try (HttpModel m = mlflow().build()) {
            assertThatThrownBy(() -> m.predict(Twin.data())).isInstanceOf(ModelCallException.class)
                    .hasMessageContaining("3 outputs for 6 inputs").hasMessageContaining("applicants row 0");
        }
    }

    @Test
    void nan_or_out_of_range_scores_are_errors() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.json("{\"predictions\": [0.1, 0.2, NaN, 0.4, 0.5, 0.6]}"));
        try (HttpModel m = mlflow().build()) {
            assertThatThrownBy(() -> m.predict(Twin.data())).hasMessageContaining("malformed JSON")
                    .hasMessageContaining("NaN");
        }
        server.handler((req, n) -> Reply.json("{\"predictions\": [0.1, 0.2, \"NaN\", 0.4, 0.5, 0.6]}"));
        try (HttpModel m = mlflow().threshold(0.5).build()) {
            assertThatThrownBy(() -> m.predict(Twin.data())).hasMessageContaining("output 2: score NaN is not a probability");
        }
        server.handler((req, n) -> Reply.json("{\"predictions\": [0.1, 0.2, 1.7, 0.4, 0.5, 0.6]}"));
        try (HttpModel m = mlflow().build()) {
            assertThatThrownBy(() -> m.predict(Twin.data())).hasMessageContaining("output 2: score 1.7 is not a probability");
        }
        server.handler((req, n) -> Reply.json("{\"predictions\": [0.1, 0.2, null, 0.4, 0.5, 0.6]}"));
        try (HttpModel m = mlflow().build()) {
            assertThatThrownBy(() -> m.predict(Twin.data())).hasMessageContaining("output 2: no output (null)");
        }
    }

    @Test
    void a_wrongly_shaped_v2_tensor_is_an_error() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.json("{\"outputs\": [{\"name\": \"p\", \"shape\": [6, 2], "
                + "\"datatype\": \"FP32\", \"data\": [0.1, 0.9, 0.2]}]}"));
        try (HttpModel m = http(server).protocol("open-inference").modelName("credit").build()) {
            assertThatThrownBy(() -> m.predict(Twin.data())).hasMessageContaining("output 'p' has 3 values but shape [6,2] needs 12");
        }
    }

    @Test
    void header_secrets_never_appear_in_errors() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.status(401, "invalid credentials: "
                + req.headers().get("Authorization").get(0)));
        AssaySettings env = AssaySettings.of(k -> Optional.empty(), Map.of(), Map.of("MODEL_TOKEN", "s3cr3t-t0ken-value"));
        try (HttpModel m = http(server).protocol("mlflow").settings(env)
                .header("Authorization", "Bearer ${MODEL_TOKEN}").build()) {
            ModelCallException e = catchThrowableOfType(() -> m.predict(Twin.data()), ModelCallException.class);
            assertThat(server.requests().get(0).headers().get("Authorization")).containsExactly("Bearer s3cr3t-t0ken-value");
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("invalid credentials: ***").doesNotContain("s3cr3t-t0ken-value");
            assertThat(m.toString() + m.info()).doesNotContain("s3cr3t");
        }
    }

    @Test
    void an_unset_header_variable_is_a_configuration_error() {
        AssaySettings env = AssaySettings.of(k -> Optional.empty(), Map.of(), Map.of());
        assertThatThrownBy(() -> dev.assay.core.Models.http(java.net.URI.create("http://127.0.0.1:9")).settings(env)
                .header("Authorization", "Bearer ${MISSING_TOKEN}").build())
                .hasMessage("header Authorization uses ${MISSING_TOKEN}, which is not set in configuration or environment");
    }

    @Test
    void the_call_budget_stops_the_run() throws Exception {
        server = new LoopbackServer((req, n) -> mlflowOk(req));
        try (HttpModel m = mlflow().batchSize(1).concurrency(1).maxCalls(4).build()) {
            assertThatThrownBy(() -> m.predict(Twin.data())).isInstanceOf(ModelCallException.class)
                    .hasMessageContaining("call budget exhausted (max-calls 4)");
            assertThat(server.posts()).isEqualTo(4);
        }
    }

    @Test
    void the_token_budget_stops_a_chat_run() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.json("{\"choices\": [{\"message\": {\"content\": \"ok\"}}], "
                + "\"usage\": {\"total_tokens\": 10}}"));
        try (HttpModel m = http(server).protocol("openai-chat").concurrency(1).maxTokensTotal(15).build()) {
            assertThatThrownBy(() -> m.predict(HttpProtocolsTest.prompts()))
                    .hasMessageContaining("token budget exhausted (20 tokens used, max-tokens-total 15)");
        }
    }

    @Test
    void rate_limited_calls_still_answer_everything() throws Exception {
        server = new LoopbackServer((req, n) -> mlflowOk(req));
        try (HttpModel m = mlflow().batchSize(1).requestsPerSecond(200).build()) {
            Predictions p = m.predict(Twin.data());
            HttpProtocolsTest.assertTwin(p);
            assertThat(server.posts()).isEqualTo(6);
        }
    }
}

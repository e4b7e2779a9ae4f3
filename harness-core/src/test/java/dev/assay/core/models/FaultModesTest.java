package dev.assay.core.models;

import static dev.assay.core.models.HttpProtocolsTest.http;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Performance;
import dev.assay.core.Verdict;
import dev.assay.core.models.LoopbackServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3, points 8 and 4, one case per fault mode: the check is {@code error} (never {@code pass}) with a message
 * naming the endpoint and the cause (status and masked body excerpt where there is one), and the failed answer is
 * neither cached nor recorded: once the endpoint recovers, the same rows are asked again, and the cassette holds
 * only the good answers.
 */
class FaultModesTest {
    private static final String SECRET = "sk-fault-secret-42";

    @TempDir
    Path dir;
    private LoopbackServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("HTTP 500", Reply.status(500, "{\"error\": \"crash, token " + SECRET + "\"}"),
                        List.of("HTTP 500", "crash, token ***")),
                Arguments.of("HTTP 400", Reply.status(400, "bad input: column x"), List.of("HTTP 400",
                        "bad input: column x")),
                Arguments.of("503 after retries", Reply.status(503, "overloaded"),
                        List.of("HTTP 503 after 2 attempts", "overloaded")),
                Arguments.of("429 after retries", Reply.status(429, "slow down").header("Retry-After", "0"),
                        List.of("HTTP 429 after 2 attempts", "slow down")),
                Arguments.of("timeout", null,
                        List.of("timed out after 150 ms")),
                Arguments.of("connection reset", Reply.connectionReset(), List.of("failed after 2 attempts")),
                Arguments.of("truncated JSON", Reply.json("{\"predictions\": [0.1, 0.9,"),
                        List.of("HTTP 200 with malformed JSON", "{\"predictions\": [0.1, 0.9,")),
                Arguments.of("HTML instead of JSON", Reply.json("<html>proxy error</html>"),
                        List.of("malformed JSON", "<html>proxy error</html>")),
                Arguments.of("empty body", Reply.json(""), List.of("HTTP 200 with an empty body")),
                Arguments.of("wrong count", Reply.json("{\"predictions\": [0.1, 0.9, 0.4]}"),
                        List.of("3 outputs for 6 inputs", "body: {\"predictions\":[0.1,0.9,0.4]}")),
                Arguments.of("wrong shape", Reply.json("{\"result\": 1}"), List.of("wrong shape")),
                Arguments.of("NaN score", Reply.json("{\"predictions\": [0.1, 0.2, NaN, 0.4, 0.5, 0.6]}"),
                        List.of("HTTP 200 with malformed JSON", "NaN")),
                Arguments.of("NaN score as text", Reply.json("{\"predictions\": [0.1, 0.2, \"NaN\", 0.4, 0.5, 0.6]}"),
                        List.of("HTTP 200 with scores for 5 of 6 outputs; no score for applicants row 2",
                                "body: {\"predictions\":[0.1,0.2,\"NaN\",0.4,0.5,0.6]}")),
                Arguments.of("null output", Reply.json("{\"predictions\": [0.1, 0.2, null, 0.4, 0.5, 0.6]}"),
                        List.of("no output (null)")));
    }

    private HttpModel.Builder model(Path cassette) {
        return http(server).protocol("mlflow").batchSize(6).retries(1).backoff(Duration.ofMillis(1))
                .timeout(Duration.ofMillis(150)).header("Authorization", "Bearer " + SECRET).cassette(cassette)
                .settings(AssaySettings.of(k -> Optional.empty(), Map.of(AssayConstants.MODEL_MODE, "record"),
                        Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void a_fault_is_an_error_naming_endpoint_and_cause_and_is_neither_cached_nor_recorded(
            String mode, Reply fault, List<String> expected) throws Exception {
        // a request-independent fault; the "timeout" case answers well, but too late
        server = new LoopbackServer((req, n) -> mode.equals("timeout") ? HttpFaultsTest.mlflowOk(req).delayed(2000)
                : fault);
        Path cassette = dir.resolve("faults.jsonl");
        try (HttpModel m = model(cassette).build()) {
            CheckResult r = Performance.of(m).on(Twin.data()).metric("accuracy").atLeast(0.0).evaluate();
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.message()).contains(server.url() + "/invocations").doesNotContain(SECRET);
            for (String part : expected) {
                assertThat(r.message()).contains(part);
            }
            assertThat(cassette).as("nothing recorded").doesNotExist();

            int before = server.posts();
            server.handler((req, n) -> HttpFaultsTest.mlflowOk(req));
            HttpProtocolsTest.assertTwin(m.predict(Twin.data()));
            assertThat(server.posts()).as("the failed rows were not cached: asked again").isEqualTo(before + 1);
        }
        List<String> lines = Files.readAllLines(cassette, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6).allSatisfy(l -> assertThat(l).doesNotContain(SECRET).contains("\"score\":0."));
    }

    @Test
    void a_fault_in_one_batch_keeps_the_good_batches_and_nothing_of_the_failed_one() throws Exception {
        server = new LoopbackServer((req, n) -> n == 2 ? Reply.status(500, "second batch fails")
                : HttpFaultsTest.mlflowOk(req));
        try (HttpModel m = http(server).protocol("mlflow").batchSize(2).concurrency(1).retries(0).build()) {
            assertThat(Performance.of(m).on(Twin.data()).metric("accuracy").atLeast(0.0).evaluate().verdict())
                    .isEqualTo(Verdict.ERROR);
            assertThat(server.posts()).as("stops at the failed batch").isEqualTo(2);
            HttpProtocolsTest.assertTwin(m.predict(Twin.data()));
            assertThat(server.posts()).as("batch 1 from the cache; batches 2 and 3 asked").isEqualTo(4);
        }
    }
}

package dev.assay.core.models;

import static dev.assay.core.models.HttpProtocolsTest.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Predictions;
import dev.assay.core.models.LoopbackServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory cache and record/replay cassettes. */
class CacheAndCassetteTest {
    @TempDir
    Path dir;
    private LoopbackServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void two_checks_on_the_same_rows_call_the_model_once() throws Exception {
        server = new LoopbackServer((req, n) -> HttpFaultsTest.mlflowOk(req));
        try (HttpModel a = http(server).protocol("mlflow").batchSize(2).build();
             HttpModel b = http(server).protocol("mlflow").batchSize(2).build()) {
            HttpProtocolsTest.assertTwin(a.predict(Twin.data()));
            assertThat(server.posts()).isEqualTo(3);
            HttpProtocolsTest.assertTwin(a.predict(Twin.data()));
            HttpProtocolsTest.assertTwin(b.predict(Twin.data())); // another instance, same endpoint and parameters
            assertThat(server.posts()).isEqualTo(3);
        }
    }

    @Test
    void different_parameters_are_different_cache_entries() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.json("{\"choices\": [{\"message\": {\"content\": \"t="
                + req.json().get("temperature") + "\"}}]}"));
        try (HttpModel cold = http(server).protocol("openai-chat").temperature(0).build();
             HttpModel warm = http(server).protocol("openai-chat").temperature(0.7).build()) {
            assertThat(cold.predict(HttpProtocolsTest.prompts()).label(0)).isEqualTo("t=0.0");
            assertThat(warm.predict(HttpProtocolsTest.prompts()).label(0)).isEqualTo("t=0.7");
            assertThat(server.posts()).isEqualTo(4);
        }
    }

    @Test
    void identical_rows_are_asked_once() throws Exception {
        server = new LoopbackServer((req, n) -> HttpFaultsTest.mlflowOk(req));
        Dataset dup = Datasets.inMemory("dups").numeric("age", 30, 30, 30, 50).numeric("income", 2, 2, 2, 4).load();
        try (HttpModel m = http(server).protocol("mlflow").classLabels(List.of("no", "yes")).build()) {
            Predictions p = m.predict(dup);
            assertThat(server.requests().get(0).json().get("dataframe_split").get("data")).hasSize(2);
            assertThat(p.score(2)).isEqualTo(p.score(0)).isEqualTo(Twin.p(30, 2));
            assertThat(p.score(3)).isEqualTo(Twin.p(50, 4));
        }
    }

    @Test
    void errors_are_never_cached() throws Exception {
        server = new LoopbackServer((req, n) -> n == 1 ? Reply.status(500, "once") : HttpFaultsTest.mlflowOk(req));
        try (HttpModel m = http(server).protocol("mlflow").retries(0).build()) {
            assertThatThrownBy(() -> m.predict(Twin.data())).hasMessageContaining("HTTP 500");
            HttpProtocolsTest.assertTwin(m.predict(Twin.data()));
            assertThat(server.posts()).isEqualTo(2);
        }
    }

    private AssaySettings settings(String mode) {
        return AssaySettings.of(k -> Optional.empty(), Map.of(AssayConstants.MODEL_MODE, mode),
                Map.of("TOKEN", "very-secret-token"));
    }

    @Test
    void record_then_replay_offline() throws Exception {
        Path cassette = dir.resolve("credit.jsonl");
        server = new LoopbackServer((req, n) -> HttpFaultsTest.mlflowOk(req));
        try (HttpModel rec = http(server).protocol("mlflow").settings(settings("record")).cache(false)
                .header("Authorization", "Bearer ${TOKEN}").cassette(cassette).build()) {
            assertThat(rec.mode()).isEqualTo(ModelMode.RECORD);
            HttpProtocolsTest.assertTwin(rec.predict(Twin.data()));
        }
        server.close();
        List<String> lines = Files.readAllLines(cassette, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6).isSorted();
        String request = "{\"model\":{\"format\":\"dataframe_split\",\"path\":\"\",\"protocol\":\"mlflow\"},"
                + "\"input\":{\"age\":25,\"income\":1.5,\"sex\":\"F\"}}";
        assertThat(lines.get(0)).startsWith("{\"request\":" + request + ",\"key\":\"sha256:"
                + sha256(request) + "\",\"response\":{\"label\":\"no\",\"score\":0.18242552");
        assertThat(String.join("\n", lines)).doesNotContain("very-secret-token").doesNotContain("Authorization");
        byte[] before = Files.readAllBytes(cassette);

        // the server is gone: replay answers from the cassette alone
        try (HttpModel replay = http(server).protocol("mlflow").settings(settings("replay")).cache(false)
                .cassette(cassette).build()) {
            HttpProtocolsTest.assertTwin(replay.predict(Twin.data()));
            assertThat(replay.calls()).isZero();
            Dataset other = Datasets.inMemory("new-applicant").numeric("age", 70).numeric("income", 1)
                    .categorical("sex", "M").load();
            assertThatThrownBy(() -> replay.predict(other)).isInstanceOf(ModelCallException.class)
                    .hasMessageContaining("replay: cassette " + cassette + " has no answer for new-applicant row 0")
                    .hasMessageContaining("\"input\":{\"age\":70,\"income\":1,\"sex\":\"M\"}")
                    .hasMessageContaining("record it with assay.model.mode=record");
        }
        assertThat(Files.readAllBytes(cassette)).as("replay leaves the cassette alone").isEqualTo(before);
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void recording_twice_gives_the_same_file_and_errors_are_not_recorded() throws Exception {
        Path cassette = dir.resolve("c.jsonl");
        server = new LoopbackServer((req, n) -> HttpFaultsTest.mlflowOk(req));
        for (int i = 0; i < 2; i++) {
            try (HttpModel rec = http(server).protocol("mlflow").settings(settings("record")).cache(false)
                    .batchSize(1).concurrency(4).cassette(cassette).build()) {
                rec.predict(Twin.data());
            }
        }
        byte[] first = Files.readAllBytes(cassette);
        Files.delete(cassette);
        try (HttpModel rec = http(server).protocol("mlflow").settings(settings("record")).cache(false)
                .batchSize(3).concurrency(1).cassette(cassette).build()) {
            rec.predict(Twin.data());
        }
        assertThat(Files.readAllBytes(cassette)).as("independent of batching and concurrency").isEqualTo(first);

        Path failed = dir.resolve("failed.jsonl");
        server.handler((req, n) -> Reply.status(500, "no"));
        try (HttpModel rec = http(server).protocol("mlflow").settings(settings("record")).cache(false).retries(0)
                .cassette(failed).build()) {
            assertThatThrownBy(() -> rec.predict(Twin.data())).hasMessageContaining("HTTP 500");
        }
        assertThat(failed).doesNotExist();
    }

    @Test
    void replay_without_a_cassette_is_unavailable_and_an_error() {
        Path missing = dir.resolve("none.jsonl");
        HttpModel.Builder b = dev.assay.core.Models.http(java.net.URI.create("http://127.0.0.1:9"))
                .protocol("mlflow").settings(settings("replay")).cassette(missing);
        assertThatThrownBy(b::build).hasMessageContaining("replay: cassette " + missing + " does not exist");
    }

    @Test
    void a_cassette_gets_answers_that_came_from_the_shared_cache() throws Exception {
        server = new LoopbackServer((req, n) -> HttpFaultsTest.mlflowOk(req));
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        try (HttpModel first = http(server).protocol("mlflow").settings(settings("record")).cassette(a).build();
             HttpModel second = http(server).protocol("mlflow").settings(settings("record")).cassette(b).build()) {
            first.predict(Twin.data());
            second.predict(Twin.data());
        }
        assertThat(server.posts()).isEqualTo(1);
        assertThat(Files.readAllLines(b)).hasSize(6).isEqualTo(Files.readAllLines(a));
    }
}

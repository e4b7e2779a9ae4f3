package dev.assay.core.models;

import static dev.assay.core.models.HttpProtocolsTest.http;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.models.internal.ModelClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code HttpModel.predict(data, repeat)}: the k-th ask is a request of its own, cached and recorded under its key. */
class RepeatedAsksTest {
    @TempDir
    Path dir;
    private LoopbackServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        ModelClient.clearCaches();
    }

    @Test
    void aRepeatBypassesTheAnswerOfTheFirstAskButIsCachedItself() throws Exception {
        server = new LoopbackServer((req, n) -> HttpFaultsTest.mlflowOk(req));
        try (HttpModel m = http(server).protocol("mlflow").batchSize(10).build()) {
            HttpProtocolsTest.assertTwin(m.predict(Twin.data()));
            assertThat(server.posts()).isEqualTo(1);
            HttpProtocolsTest.assertTwin(m.predict(Twin.data(), 0));
            assertThat(server.posts()).as("repeat 0 is the ordinary, cached ask").isEqualTo(1);
            HttpProtocolsTest.assertTwin(m.predict(Twin.data(), 1));
            assertThat(server.posts()).as("repeat 1 asks again").isEqualTo(2);
            m.predict(Twin.data(), 1);
            assertThat(server.posts()).as("the same repeat again is cached").isEqualTo(2);
            m.predict(Twin.data(), 2);
            assertThat(server.posts()).isEqualTo(3);
        }
    }

    @Test
    void repeatsAreRecordedAndReplayed() throws Exception {
        Path cassette = dir.resolve("repeats.jsonl");
        server = new LoopbackServer((req, n) -> HttpFaultsTest.mlflowOk(req));
        try (HttpModel rec = http(server).protocol("mlflow").settings(settings("record")).cache(false)
                .cassette(cassette).build()) {
            rec.predict(Twin.data(), 0);
            rec.predict(Twin.data(), 1);
        }
        server.close();
        String lines = Files.readString(cassette);
        assertThat(lines).contains("\"repeat\":1");
        try (HttpModel replay = http(server).protocol("mlflow").settings(settings("replay")).cache(false)
                .cassette(cassette).build()) {
            HttpProtocolsTest.assertTwin(replay.predict(Twin.data(), 1));
            assertThat(replay.calls()).isZero();
        }
    }

    private static AssaySettings settings(String mode) {
        return AssaySettings.of(k -> Optional.empty(), Map.of(AssayConstants.MODEL_MODE, mode), Map.of());
    }
}

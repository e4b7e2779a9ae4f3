package dev.assay.junit;

import static dev.assay.junit.AssayAssertions.assertThat;
import static dev.assay.junit.EngineRuns.check;
import static dev.assay.junit.EngineRuns.evidence;
import static dev.assay.junit.EngineRuns.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.AssayException;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Performance;
import dev.assay.core.Verdict;
import dev.assay.core.models.internal.ModelClient;
import dev.assay.junit.Fixtures.TestKitOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code @TestModel} for HTTP endpoints and ONNX files, and {@code @EnabledIfModelAvailable}: absent means skipped,
 * present but broken means an error. The endpoint is a real HTTP server on loopback speaking MLflow's scoring
 * protocol; it answers the age rule ({@code >50K} from age 40), right for 8 of the 10 rows of credit.csv.
 */
class ModelAvailabilityTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path evidenceDir;

    private HttpServer server;
    private final AtomicInteger posts = new AtomicInteger();

    @BeforeEach
    void freshCache() {
        ModelClient.clearCaches(); // answers are cached per JVM by request, not by host
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** An MLflow scoring server: the age rule, or {@code status} with a body when {@code status != 200}. */
    private String serve(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] out;
            int code = status;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if ("POST".equals(exchange.getRequestMethod())) {
                    posts.incrementAndGet();
                }
                if (status == 200 && "POST".equals(exchange.getRequestMethod())) {
                    JsonNode split = JSON.readTree(body).get("dataframe_split");
                    int age = 0;
                    while (!split.get("columns").get(age).asText().equals("age")) {
                        age++;
                    }
                    StringBuilder sb = new StringBuilder("{\"predictions\": [");
                    for (int i = 0; i < split.get("data").size(); i++) {
                        sb.append(i > 0 ? "," : "").append(split.get("data").get(i).get(age).asDouble() >= 40
                                ? "\">50K\"" : "\"<=50K\"");
                    }
                    out = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                } else if (!"POST".equals(exchange.getRequestMethod())) {
                    out = new byte[0]; // the availability probe (HEAD)
                } else {
                    out = "{\"error\": \"model crashed\"}".getBytes(StandardCharsets.UTF_8);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, out.length == 0 ? -1 : out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A loopback URL where nothing listens. */
    private static String nothingListening() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    private EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
        return EngineRuns.run(fixture, evidenceDir, parameters);
    }

    private static Throwable throwable(Event e) {
        return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    // ----------------------------------------------------------------------------------------------------- http

    @TestKitOnly
    @ModelTest
    @EnabledIfModelAvailable
    static class HttpFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K")
        static Dataset data;

        @TestModel(url = "http://localhost:8080", protocol = "mlflow", modelName = "credit")
        static Model endpoint;

        @Test
        void accurate() {
            assertThat(Performance.of(endpoint).on(data).named("Endpoint accuracy").atLeast(0.75).evaluate())
                    .passes().hasValueAtLeast(0.8).hasValueAtMost(0.8);
        }
    }

    @Test
    void anEndpointNamedByAssayModelUrlIsCalled() throws IOException {
        String url = serve(200);
        EngineExecutionResults results = run(HttpFixture.class, Map.of("assay.model.url", url));
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(posts.get()).as("requests to the endpoint").isPositive();
        JsonNode c = check(evidence(evidenceDir), "Endpoint accuracy");
        assertThat(c.path("model").path("kind").asText()).isEqualTo("http");
    }

    @Test
    void anAbsentEndpointSkipsTheClass() throws IOException {
        String url = nothingListening();
        EngineExecutionResults results = run(HttpFixture.class, Map.of("assay.model.url", url));
        results.testEvents().assertStatistics(s -> s.started(0));
        Event skipped = results.containerEvents().skipped().stream().findFirst().orElseThrow();
        assertThat(skipped.getPayload(String.class).orElseThrow()).startsWith("model unavailable: model endpoint ")
                .contains("is not reachable");
    }

    @Test
    void aBrokenEndpointIsAnErrorNotASkip() throws IOException {
        String url = serve(500);
        EngineExecutionResults results = run(HttpFixture.class, Map.of("assay.model.url", url));
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failureOf(results, "accurate")).isExactlyInstanceOf(AssayException.class)
                .hasMessageContaining("could not be judged (verdict: error)").hasMessageContaining("500");
        assertThat(check(evidence(evidenceDir), "Endpoint accuracy").path("verdict").asText()).isEqualTo("error");
    }

    @TestKitOnly
    @ModelTest
    static class NotSkippedFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K")
        static Dataset data;

        @Test
        void absentIsAnError(@TestModel(protocol = "mlflow") Model endpoint) {
            Performance.of(endpoint).on(data).named("Absent endpoint").evaluate();
        }
    }

    @Test
    void withoutTheAnnotationAnAbsentEndpointIsAnError() throws IOException {
        EngineExecutionResults results = run(NotSkippedFixture.class, Map.of("assay.model.url", nothingListening()));
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failureOf(results, "absentIsAnError")).isExactlyInstanceOf(AssayException.class)
                .hasMessageStartingWith("Check <Absent endpoint> ended in error, which is never a pass:");
        // and with no URL at all, the annotation is misused
        EngineExecutionResults noUrl = run(NotSkippedFixture.class, Map.of());
        assertThat(failureOf(noUrl, "absentIsAnError")).hasRootCauseInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("`url` is empty and assay.model.url is not configured");
    }

    @TestKitOnly
    @ModelTest
    @EnabledIfModelAvailable
    static class CassetteFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K")
        static Dataset data;

        @Test
        void accurate(@TestModel(protocol = "mlflow", cassette = "target/test-cassettes/credit-mlflow.jsonl")
                      Model endpoint) {
            assertThat(Performance.of(endpoint).on(data).named("Replayed accuracy").evaluate())
                    .hasValueAtLeast(0.8).hasValueAtMost(0.8);
        }
    }

    @Test
    void recordedAnswersReplayWithoutTheEndpointAndAMissingCassetteSkips() throws IOException {
        Path cassette = Path.of("target/test-cassettes/credit-mlflow.jsonl");
        Files.deleteIfExists(cassette);
        String url = serve(200);
        run(CassetteFixture.class, Map.of("assay.model.url", url, "assay.model.mode", "record"))
                .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(cassette).isRegularFile();
        assertThat(Files.readAllLines(cassette)).hasSize(10);
        server.stop(0);
        server = null;
        ModelClient.clearCaches();
        String gone = nothingListening();
        run(CassetteFixture.class, Map.of("assay.model.url", gone, "assay.model.mode", "replay"))
                .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        Files.delete(cassette);
        EngineExecutionResults missing = run(CassetteFixture.class, Map.of("assay.model.url", gone,
                "assay.model.mode", "replay"));
        missing.testEvents().assertStatistics(s -> s.started(0).skipped(1));
        assertThat(missing.testEvents().skipped().stream().findFirst().orElseThrow().getPayload(String.class)
                .orElseThrow()).isEqualTo("model unavailable: cassette target/test-cassettes/credit-mlflow.jsonl does not"
                + " exist (assay.model.mode = replay)");
    }

    // ----------------------------------------------------------------------------------------------------- onnx

    @TestKitOnly
    @ModelTest
    static class OnnxFixture {
        @TestDataset(value = "models/credit-holdout.csv", label = "approved", positive = "yes")
        static Dataset data;

        @Test
        @EnabledIfModelAvailable
        void absent(@TestModel(onnx = "models/missing.onnx") Model model) {
            throw new AssertionError("must not run");
        }

        @Test
        @EnabledIfModelAvailable
        void corrupt(@TestModel(onnx = "models/corrupt.onnx") Model model) {
            Performance.of(model).on(data).named("Corrupt ONNX").evaluate();
        }

        @Test
        @EnabledIfModelAvailable
        void present(@TestModel(onnx = "models/credit-lr.onnx") Model model) {
            assertThat(Performance.of(model).on(data).named("ONNX accuracy").evaluate()).hasVerdict(Verdict.PASS);
        }
    }

    @Test
    void onnxFilesAbsentSkipPresentRunBrokenError() throws Exception {
        EngineExecutionResults results = run(OnnxFixture.class, Map.of());
        results.testEvents().assertStatistics(s -> s.skipped(1).started(2).succeeded(1).failed(1));
        assertThat(results.testEvents().skipped().stream().findFirst().orElseThrow().getPayload(String.class)
                .orElseThrow()).isEqualTo("model unavailable: ONNX model models/missing.onnx does not exist");
        assertThat(failureOf(results, "corrupt")).isExactlyInstanceOf(AssayException.class)
                .hasMessageContaining("Check <Corrupt ONNX> ended in error").hasMessageContaining("corrupt.onnx");
        JsonNode onnx = check(evidence(evidenceDir), "ONNX accuracy");
        byte[] file = Files.readAllBytes(Path.of("src/test/resources/dev/assay/junit/models/credit-lr.onnx"));
        assertThat(onnx.path("model").path("fingerprint").asText()).isEqualTo("sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(onnx.path("model").path("kind").asText()).isEqualTo("onnx");
    }
}

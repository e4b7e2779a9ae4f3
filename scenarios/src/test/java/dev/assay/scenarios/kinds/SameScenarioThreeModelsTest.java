package dev.assay.scenarios.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.assay.core.CheckResult;
import dev.assay.core.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One scenario, three {@code model:} blocks: the model's stored predictions, the ONNX file, and an HTTP endpoint
 * that serves the same decisions. The checks give identical results. Fixtures (from harness-core's tests, made by
 * {@code dev.assay.benchmarks.models.CreditOnnxFixture}): an 80-row holdout, a two-feature logistic regression in
 * ONNX and Tribuo's own predictions of it.
 */
class SameScenarioThreeModelsTest extends KindTestSupport {
    static final String CHECKS = """
            data:
              path: credit-holdout.csv
              label: approved
              positive: "yes"
            checks:
              - name: accuracy
                performance: {min: 0.5}
              - name: parity
                fairness: {metric: demographic_parity_difference, by: [sex], max: 1, min-group-size: 1,
                           bootstrap: 100}
            """;
    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        for (String f : List.of("credit-lr.onnx", "credit-holdout.csv", "credit-tribuo.csv")) {
            Files.copy(Path.of("src/test/resources/models", f), dir.resolve(f));
        }
        List<String> holdout = Files.readAllLines(dir.resolve("credit-holdout.csv"));
        List<String> tribuo = Files.readAllLines(dir.resolve("credit-tribuo.csv"));
        Map<String, String> decisions = new HashMap<>();
        for (int i = 1; i < holdout.size(); i++) {
            String[] h = holdout.get(i).split(",");
            decisions.put(Double.parseDouble(h[0]) + "/" + Double.parseDouble(h[1]), tribuo.get(i).split(",")[1]);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/decide", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"age\":([0-9.]+),\"income\":([0-9.]+)").matcher(body.replace(" ", ""));
            String label = m.find()
                    ? decisions.get(Double.parseDouble(m.group(1)) + "/" + Double.parseDouble(m.group(2))) : null;
            byte[] out = ("{\"decision\": " + (label == null ? "null" : "\"" + label + "\"") + "}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(label == null ? 400 : 200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void predictionsOnnxAndHttpGiveTheSameResults() {
        List<CheckResult> stored = run("model:\n  predictions: {path: credit-tribuo.csv, column: label}\n" + CHECKS);
        List<CheckResult> onnx = run("model:\n  onnx: {path: credit-lr.onnx, features: [age, income]}\n" + CHECKS);
        List<CheckResult> http = run("""
                model:
                  http:
                    url: "http://127.0.0.1:%d/decide"
                    protocol: json
                    request-template: '{"age": "{{age}}", "income": "{{income}}"}'
                    label-pointer: /decision
                """.formatted(server.getAddress().getPort()) + CHECKS);
        for (List<CheckResult> r : List.of(stored, onnx, http)) {
            assertThat(r).extracting(CheckResult::verdict).as(r.toString()).containsOnly(Verdict.PASS);
        }
        assertThat(onnx.get(0).model().kind()).isEqualTo("onnx");
        assertThat(http.get(0).model().kind()).isEqualTo("http");
        for (int i = 0; i < 2; i++) {
            assertThat(onnx.get(i).value()).isEqualTo(stored.get(i).value());
            assertThat(http.get(i).value()).isEqualTo(stored.get(i).value());
            assertThat(onnx.get(i).ci()).isEqualTo(stored.get(i).ci());
            assertThat(http.get(i).ci()).isEqualTo(stored.get(i).ci());
        }
    }
}

package dev.assay.core.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.Performance;
import dev.assay.core.Verdict;
import dev.assay.core.models.LoopbackServer.Reply;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One check, four ways to get the model's answers (only the model differs): the same value and verdict. */
class SameVerdictsTest {
    @TempDir
    Path dir;

    private static CheckResult accuracy(Model m, Dataset data) {
        return Performance.of(m).on(data).metric("accuracy").atLeast(0.7).seed(7).evaluate();
    }

    @Test
    void predictions_file_onnx_http_and_replay_agree() throws Exception {
        Dataset holdout = OnnxModelTest.holdout();
        Dataset twin = OnnxModelTest.twin();
        Map<String, Double> byFeatures = new HashMap<>();
        for (int i = 0; i < holdout.rows(); i++) {
            byFeatures.put(holdout.column("age").doubleValue(i) + "/" + holdout.column("income").doubleValue(i),
                    twin.column("p_yes").doubleValue(i));
        }
        CheckResult fromFile = accuracy(Models.predictionsFile(OnnxModelTest.resource("credit-tribuo.csv"), "label"),
                holdout);
        CheckResult fromOnnx = accuracy(Models.onnx(OnnxModelTest.resource("credit-lr.onnx")), holdout);

        Path cassette = dir.resolve("credit.jsonl");
        CheckResult fromHttp;
        try (LoopbackServer server = new LoopbackServer((req, n) -> {
            JsonNode t = req.json().get("inputs").get(0);
            int rows = t.get("shape").get(0).asInt();
            ObjectNode out = LoopbackServer.JSON.createObjectNode();
            ObjectNode o = out.putArray("outputs").addObject().put("name", "output").put("datatype", "FP32");
            o.putArray("shape").add(rows).add(2);
            ArrayNode data = o.putArray("data");
            for (int i = 0; i < rows; i++) {
                double p = byFeatures.get(t.get("data").get(2 * i).asDouble() + "/" + t.get("data").get(2 * i + 1).asDouble());
                data.add(1 - p).add(p);
            }
            return Reply.json(out);
        })) {
            AssaySettings record = AssaySettings.of(k -> Optional.empty(), Map.of(AssayConstants.MODEL_MODE, "record"),
                    Map.of());
            try (HttpModel http = Models.http(server.url()).settings(record).protocol("open-inference")
                    .modelName("credit").inputLayout("matrix").features(java.util.List.of("age", "income"))
                    .cassette(cassette).cache(false).build()) {
                fromHttp = accuracy(http, holdout);
            }
        }
        AssaySettings replay = AssaySettings.of(k -> Optional.empty(), Map.of(AssayConstants.MODEL_MODE, "replay"),
                Map.of());
        CheckResult fromReplay;
        try (HttpModel offline = Models.http(java.net.URI.create("http://127.0.0.1:9")).settings(replay)
                .protocol("open-inference").modelName("credit").inputLayout("matrix")
                .features(java.util.List.of("age", "income")).cassette(cassette).cache(false).build()) {
            fromReplay = accuracy(offline, holdout);
        }

        assertThat(fromFile.verdict()).isIn(Verdict.PASS, Verdict.FAIL);
        for (CheckResult r : new CheckResult[] {fromOnnx, fromHttp, fromReplay}) {
            assertThat(r.verdict()).as(r.model().kind() + ": " + r.message()).isEqualTo(fromFile.verdict());
            assertThat(r.value()).isEqualTo(fromFile.value());
            assertThat(r.ci()).isEqualTo(fromFile.ci());
        }
        assertThat(fromOnnx.model().kind()).isEqualTo("onnx");
        assertThat(fromHttp.model().kind()).isEqualTo("http");
        assertThat(fromReplay.model()).isEqualTo(fromHttp.model());
    }
}

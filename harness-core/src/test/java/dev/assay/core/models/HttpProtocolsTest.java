package dev.assay.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.AssaySettings;
import dev.assay.core.Dataset;
import dev.assay.core.Predictions;
import dev.assay.core.models.LoopbackServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each protocol against a loopback server that implements it and serves {@link Twin}. */
class HttpProtocolsTest {
    static final AssaySettings NO_ENV = AssaySettings.of(k -> Optional.empty(), Map.of(), Map.of());
    private LoopbackServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpModel.Builder http(LoopbackServer s) {
        return Models_http(s).settings(NO_ENV).timeout(Duration.ofSeconds(5)).backoff(Duration.ofMillis(1));
    }

    private static HttpModel.Builder Models_http(LoopbackServer s) {
        return dev.assay.core.Models.http(s.url());
    }

    static void assertTwin(Predictions p) {
        assertThat(p.size()).isEqualTo(6);
        double[] want = Twin.expectedScores();
        assertThat(p.hasScores()).isTrue();
        for (int i = 0; i < 6; i++) {
            assertThat(p.score(i)).as("score of row %d", i).isCloseTo(want[i], within(1e-6));
            assertThat(p.label(i)).as("label of row %d", i).isEqualTo(Twin.expectedLabels()[i]);
        }
    }

    @Test
    void hand_computed_twin_values() {
        // row 0: z = 0.05 * (25 - 40) + 0.5 * (1.5 - 3) = -1.5; sigmoid(-1.5) = 0.18242552
        assertThat(Twin.expectedScores()[0]).isCloseTo(0.18242552, within(1e-8));
        assertThat(Twin.expectedLabels()).containsExactly("no", "yes", "no", "yes", "yes", "yes");
    }

    @Test
    void open_inference_one_tensor_per_column() throws Exception {
        server = new LoopbackServer((req, n) -> {
            assertThat(req.path()).isEqualTo("/v2/models/credit/infer");
            JsonNode in = req.json().get("inputs");
            JsonNode age = null;
            JsonNode income = null;
            for (JsonNode t : in) {
                if (t.get("name").asText().equals("age")) {
                    age = t;
                } else if (t.get("name").asText().equals("income")) {
                    income = t;
                } else if (t.get("name").asText().equals("sex")) {
                    assertThat(t.get("datatype").asText()).isEqualTo("BYTES");
                }
            }
            int rows = age.get("shape").get(0).asInt();
            ObjectNode out = LoopbackServer.JSON.createObjectNode();
            ObjectNode t = out.putArray("outputs").addObject();
            t.put("name", "probabilities").put("datatype", "FP32");
            t.putArray("shape").add(rows).add(2);
            ArrayNode data = t.putArray("data");
            for (int i = 0; i < rows; i++) {
                double p = Twin.p(age.get("data").get(i).asDouble(), income.get("data").get(i).asDouble());
                data.add(1 - p).add(p);
            }
            return Reply.json(out);
        });
        try (HttpModel m = http(server).protocol("open-inference").modelName("credit").batchSize(4).build()) {
            assertTwin(m.predict(Twin.data()));
            assertThat(server.posts()).as("6 rows in batches of 4").isEqualTo(2);
            JsonNode first = server.requests().get(0).json().get("inputs");
            assertThat(first).hasSize(3); // age, income, sex: every column but the label
        }
    }

    @Test
    void open_inference_matrix_with_label_and_score_outputs() throws Exception {
        server = new LoopbackServer((req, n) -> {
            JsonNode t = req.json().get("inputs").get(0);
            assertThat(t.get("name").asText()).isEqualTo("features");
            assertThat(t.get("datatype").asText()).isEqualTo("FP32");
            int rows = t.get("shape").get(0).asInt();
            assertThat(t.get("shape").get(1).asInt()).isEqualTo(2);
            ObjectNode out = LoopbackServer.JSON.createObjectNode();
            ArrayNode outs = out.putArray("outputs");
            ObjectNode label = outs.addObject().put("name", "label").put("datatype", "BYTES");
            label.putArray("shape").add(rows);
            ObjectNode score = outs.addObject().put("name", "score").put("datatype", "FP64");
            score.putArray("shape").add(rows);
            for (int i = 0; i < rows; i++) {
                double p = Twin.p(t.get("data").get(2 * i).asDouble(), t.get("data").get(2 * i + 1).asDouble());
                label.withArray("data").add(p >= 0.5 ? "yes" : "no");
                score.withArray("data").add(p);
            }
            return Reply.json(out);
        });
        try (HttpModel m = http(server).protocol("open-inference").modelName("credit").inputLayout("matrix")
                .inputName("features").features(List.of("age", "income"))
                .labelOutput("label").scoreOutput("score").build()) {
            assertTwin(m.predict(Twin.data()));
            assertThat(server.requests().get(0).json().get("outputs").get(0).get("name").asText()).isEqualTo("label");
        }
    }

    @Test
    void torchserve_class_probability_map() throws Exception {
        server = new LoopbackServer((req, n) -> {
            assertThat(req.path()).isEqualTo("/predictions/credit");
            double p = Twin.p(req.json());
            return Reply.json("{\"no\": " + (1 - p) + ", \"yes\": " + p + "}");
        });
        try (HttpModel m = http(server).protocol("torchserve").modelName("credit").build()) {
            assertTwin(m.predict(Twin.data()));
            assertThat(server.posts()).as("one row per request").isEqualTo(6);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dataframe_split", "dataframe_records", "instances", "inputs"})
    void mlflow_formats(String format) throws Exception {
        server = new LoopbackServer((req, n) -> {
            assertThat(req.path()).isEqualTo("/invocations");
            JsonNode body = req.json();
            ArrayNode preds = LoopbackServer.JSON.createArrayNode();
            switch (format) {
                case "dataframe_split": {
                    JsonNode split = body.get("dataframe_split");
                    assertThat(split.get("columns").toString()).isEqualTo("[\"age\",\"income\",\"sex\"]");
                    for (JsonNode row : split.get("data")) {
                        preds.add(Twin.p(row.get(0).asDouble(), row.get(1).asDouble()));
                    }
                    break;
                }
                case "inputs": {
                    JsonNode cols = body.get("inputs");
                    for (int i = 0; i < cols.get("age").size(); i++) {
                        preds.add(Twin.p(cols.get("age").get(i).asDouble(), cols.get("income").get(i).asDouble()));
                    }
                    break;
                }
                default:
                    for (JsonNode rec : body.get(format)) {
                        preds.add(Twin.p(rec));
                    }
            }
            return Reply.json("{\"predictions\": " + preds + "}");
        });
        try (HttpModel m = http(server).protocol("mlflow").format(format).build()) {
            assertTwin(m.predict(Twin.data()));
        }
    }

    @Test
    void bentoml_records_to_label_and_score_objects() throws Exception {
        server = new LoopbackServer((req, n) -> {
            assertThat(req.path()).isEqualTo("/classify");
            ArrayNode out = LoopbackServer.JSON.createArrayNode();
            for (JsonNode rec : req.json().get("inputs")) {
                double p = Twin.p(rec);
                out.addObject().put("label", p >= 0.5 ? "yes" : "no").put("score", p);
            }
            return Reply.json(out);
        });
        try (HttpModel m = http(server).protocol("bentoml").route("classify").build()) {
            assertTwin(m.predict(Twin.data()));
        }
    }

    @Test
    void tf_serving_instances_to_probability_vectors() throws Exception {
        server = new LoopbackServer((req, n) -> {
            assertThat(req.path()).isEqualTo("/v1/models/credit:predict");
            ArrayNode out = LoopbackServer.JSON.createArrayNode();
            for (JsonNode rec : req.json().get("instances")) {
                double p = Twin.p(rec.get(0).asDouble(), rec.get(1).asDouble());
                out.addArray().add(1 - p).add(p);
            }
            return Reply.json("{\"predictions\": " + out + "}");
        });
        try (HttpModel m = http(server).protocol("tf-serving").modelName("credit").inputLayout("matrix")
                .features(List.of("age", "income")).build()) {
            assertTwin(m.predict(Twin.data()));
        }
    }

    @Test
    void generic_json_with_template_and_pointers() throws Exception {
        server = new LoopbackServer((req, n) -> {
            JsonNode b = req.json();
            assertThat(b.get("meta").get("note").asText()).startsWith("applicant aged ");
            double p = Twin.p(b.get("x").get("a").asDouble(), b.get("x").get("i").asDouble());
            return Reply.json("{\"result\": {\"decision\": \"" + (p >= 0.5 ? "yes" : "no") + "\", \"p\": " + p + "}}");
        });
        try (HttpModel m = http(server).protocol("json")
                .requestTemplate("{\"x\": {\"a\": \"{{age}}\", \"i\": \"{{income}}\"}, "
                        + "\"meta\": {\"note\": \"applicant aged {{age}}\"}}")
                .labelPointer("/result/decision").scorePointer("/result/p").build()) {
            assertTwin(m.predict(Twin.data()));
            assertThat(server.requests().get(0).json().get("x").get("a").isNumber()).isTrue();
        }
    }

    static Dataset prompts() {
        return dev.assay.core.Datasets.inMemory("prompts")
                .categorical("prompt", "What is 2+2?", "Say hi", "What is 2+2?")
                .load();
    }

    @Test
    void openai_chat_answer_text_is_the_label() throws Exception {
        server = new LoopbackServer((req, n) -> {
            assertThat(req.path()).isEqualTo("/v1/chat/completions");
            JsonNode b = req.json();
            assertThat(b.get("model").asText()).isEqualTo("tiny");
            assertThat(b.get("temperature").asDouble()).isEqualTo(0.0);
            assertThat(b.get("max_tokens").asInt()).isEqualTo(16);
            assertThat(b.get("seed").asLong()).isEqualTo(7);
            assertThat(b.get("messages").get(0).get("role").asText()).isEqualTo("system");
            String prompt = b.get("messages").get(1).get("content").asText();
            return Reply.json("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"echo: " + prompt
                    + "\"}}], \"usage\": {\"total_tokens\": 5}}");
        });
        try (HttpModel m = http(server).protocol("openai-chat").modelName("tiny").system("Be brief.")
                .temperature(0).maxTokens(16).seed(7).build()) {
            Predictions p = m.predict(prompts());
            assertThat(p.label(0)).isEqualTo("echo: What is 2+2?");
            assertThat(p.label(1)).isEqualTo("echo: Say hi");
            assertThat(p.label(2)).isEqualTo("echo: What is 2+2?");
            assertThat(p.hasScores()).isFalse();
            assertThat(server.posts()).as("the repeated prompt is asked once").isEqualTo(2);
            assertThat(m.tokens()).isEqualTo(10);
        }
    }

    @Test
    void openai_chat_prompt_template_from_columns() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.json("{\"choices\": [{\"message\": {\"content\": "
                + LoopbackServer.JSON.writeValueAsString(req.json().get("messages").get(0).get("content").asText())
                + "}}]}"));
        try (HttpModel m = http(server).protocol("openai-chat").promptTemplate("Age {age}, sex {sex}: approve?")
                .build()) {
            Predictions p = m.predict(Twin.data());
            assertThat(p.label(0)).isEqualTo("Age 25, sex F: approve?");
            assertThat(p.label(4)).isEqualTo("Age 61, sex F: approve?");
        }
    }
}

package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {
    private static CheckResult contractExample() {
        Map<String, String> group = new LinkedHashMap<>();
        group.put("sex", "Male");
        return CheckResult.builder("fairness", "Four-fifths rule on sex")
                .id("credit-model-release-gate/four-fifths-rule-on-sex")
                .metric("demographic_parity_ratio").value(0.83).ci(new Interval(0.79, 0.87)).confidence(0.95)
                .threshold(Threshold.atLeast(0.8)).decision(Decision.POINT).verdict(Verdict.PASS)
                .group(new GroupResult(group, 600, Map.of("selection_rate", 0.31)))
                .finding(new Finding(3, "EMAIL_ADDRESS", 10, 27, "j***@e******.com", 1.0))
                .build();
    }

    /** The example of DESIGN.md's evidence contract, written out by hand in Jackson's pretty layout. */
    @Test
    void theContractExampleSerialisesExactly() {
        Evidence real = Evidence.of("Credit model release gate", 7, "2026-11-26T12:00:00Z",
                List.of(contractExample().toBuilder().model(new ModelInfo("credit", "java", "sha256:ab12"))
                        .data(new DataInfo("data/holdout.csv", 1000, "cd34")).build()));

        assertThat(real.toJson()).isEqualTo("{\n"
                + "  \"schema\" : \"assay-evidence/1\",\n"
                + "  \"suite\" : \"Credit model release gate\",\n"
                + "  \"seed\" : 7,\n"
                + "  \"started\" : \"2026-11-26T12:00:00Z\",\n"
                + "  \"model\" : {\n"
                + "    \"id\" : \"credit\",\n"
                + "    \"kind\" : \"java\",\n"
                + "    \"fingerprint\" : \"sha256:ab12\"\n"
                + "  },\n"
                + "  \"data\" : {\n"
                + "    \"path\" : \"data/holdout.csv\",\n"
                + "    \"rows\" : 1000,\n"
                + "    \"sha256\" : \"cd34\"\n"
                + "  },\n"
                + "  \"checks\" : [ {\n"
                + "    \"id\" : \"credit-model-release-gate/four-fifths-rule-on-sex\",\n"
                + "    \"name\" : \"Four-fifths rule on sex\",\n"
                + "    \"kind\" : \"fairness\",\n"
                + "    \"metric\" : \"demographic_parity_ratio\",\n"
                + "    \"value\" : 0.83,\n"
                + "    \"ci\" : [ 0.79, 0.87 ],\n"
                + "    \"confidence\" : 0.95,\n"
                + "    \"threshold\" : {\n"
                + "      \"min\" : 0.8\n"
                + "    },\n"
                + "    \"decision\" : \"point\",\n"
                + "    \"verdict\" : \"pass\",\n"
                + "    \"model\" : {\n"
                + "      \"id\" : \"credit\",\n"
                + "      \"kind\" : \"java\",\n"
                + "      \"fingerprint\" : \"sha256:ab12\"\n"
                + "    },\n"
                + "    \"data\" : {\n"
                + "      \"path\" : \"data/holdout.csv\",\n"
                + "      \"rows\" : 1000,\n"
                + "      \"sha256\" : \"cd34\"\n"
                + "    },\n"
                + "    \"groups\" : [ {\n"
                + "      \"group\" : {\n"
                + "        \"sex\" : \"Male\"\n"
                + "      },\n"
                + "      \"n\" : 600,\n"
                + "      \"metrics\" : {\n"
                + "        \"selection_rate\" : 0.31\n"
                + "      }\n"
                + "    } ],\n"
                + "    \"findings\" : [ {\n"
                + "      \"row\" : 3,\n"
                + "      \"entity\" : \"EMAIL_ADDRESS\",\n"
                + "      \"start\" : 10,\n"
                + "      \"end\" : 27,\n"
                + "      \"masked\" : \"j***@e******.com\",\n"
                + "      \"score\" : 1.0\n"
                + "    } ]\n"
                + "  } ]\n"
                + "}\n");
        assertThat(real.checks()).hasSize(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aRealResultFollowsTheContractOrder() throws Exception {
        CheckResult r = Checks.evaluate(Performance.check().named("acc by sex").by("sex", "race").minGroupSize(3)
                .atLeast(0.5).build(), Models.predictions("pred"), Fixtures.perf10(), new RunContext("S", 1));
        String json = Evidence.of("S", 1, "2026-01-01T00:00:00Z", List.of(r)).toJson();
        JsonNode root = new ObjectMapper().readTree(json);

        assertThat(fieldNames(root)).containsExactly("schema", "suite", "seed", "started", "model", "data", "checks");
        JsonNode check = root.get("checks").get(0);
        assertThat(fieldNames(check)).containsExactly("id", "name", "kind", "metric", "value", "ci", "confidence",
                "threshold", "decision", "verdict", "message", "n", "seed", "model", "data", "groups");
        JsonNode g = check.get("groups").get(0);
        assertThat(fieldNames(g)).containsExactly("group", "n", "metrics", "ci");
        // map entries are ordered by key, whatever order they were built in
        assertThat(fieldNames(g.get("group"))).containsExactly("race", "sex");
        assertThat(fieldNames(g.get("metrics"))).containsExactly("accuracy", "f1", "precision", "recall");
        assertThat(fieldNames(g.get("ci"))).containsExactly("accuracy", "precision", "recall");
        JsonNode excluded = check.get("groups").get(1);
        assertThat(excluded.get("excluded").asText()).isEqualTo("fewer than 3 rows (min-group-size)");
        assertThat(root.get("data").get("rows").asLong()).isEqualTo(10);
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNullNeverAsTokens() throws Exception {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("precision", Double.NaN);
        metrics.put("ratio", Double.POSITIVE_INFINITY);
        CheckResult r = CheckResult.builder("k", "n").metric("m").value(Double.NaN).verdict(Verdict.ERROR)
                .threshold(new Threshold(Double.NEGATIVE_INFINITY, 1.0))
                .group(new GroupResult(Map.of("g", "a"), 0, metrics))
                .finding(new Finding(0, "X", 0, 1, "*", Double.NaN))
                .build();
        String json = Evidence.of("s", 1, "t", List.of(r)).toJson();

        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode check = new ObjectMapper().readTree(json).get("checks").get(0);
        assertThat(check.has("value")).as("an undefined value is left out").isFalse();
        assertThat(check.get("threshold").get("min").isNull()).isTrue();
        assertThat(check.get("groups").get(0).get("metrics").get("precision").isNull()).isTrue();
        assertThat(check.get("groups").get(0).get("metrics").get("ratio").isNull()).isTrue();
        assertThat(check.get("findings").get(0).get("score").isNull()).isTrue();
    }

    @Test
    void parseRoundTripsByteForByte() {
        CheckResult r = Checks.evaluate(Performance.check().metric("f1").by("sex").minGroupSize(1).build(),
                Models.predictions("pred"), Fixtures.perf10(), new RunContext("S", 9));
        Evidence e = Evidence.of("S", 9, "2026-01-01T00:00:00Z", List.of(r, contractExample()));
        String json = e.toJson();

        Evidence back = Evidence.parse(json);
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(back.suite()).isEqualTo("S");
        assertThat(back.seed()).isEqualTo(9);
        assertThat(back.model()).isEqualTo(r.model());
        assertThat(back.data()).isEqualTo(r.data());
        assertThat(back.checks()).hasSize(2);
        assertThat(back.checks().get(0).get("verdict").asText()).isEqualTo("pass");
        // the same inputs and seed give the same evidence
        CheckResult again = Checks.evaluate(Performance.check().metric("f1").by("sex").minGroupSize(1).build(),
                Models.predictions("pred"), Fixtures.perf10(), new RunContext("S", 9));
        assertThat(Evidence.of("S", 9, "2026-01-01T00:00:00Z", List.of(again, contractExample())).toJson())
                .isEqualTo(json);
    }

    @Test
    void parseRejectsWhatIsNotEvidence() {
        assertThatThrownBy(() -> Evidence.parse("{\"suite\": 1")).isInstanceOf(AssayException.class)
                .hasMessageStartingWith("not an evidence file");
        assertThatThrownBy(() -> Evidence.parse("{\"suite\": \"s\", \"seed\": 1, \"started\": \"t\"}"))
                .isInstanceOf(AssayException.class);
    }

    @Test
    void errorResultsCarryNoThresholdDecisionOrInterval() throws Exception {
        CheckResult r = CheckResult.error("performance", "broken", new DataException("x.csv line 2: bad"));
        JsonNode node = new ObjectMapper().readTree(Evidence.toJson(r));
        assertThat(fieldNames(node)).containsExactly("id", "name", "kind", "verdict", "message");
        assertThat(node.get("verdict").asText()).isEqualTo("error");
        assertThat(node.get("id").asText()).isEqualTo("broken");
    }
}

package dev.assay.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data/credit.csv: 10 rows, label income (positive ">50K"), predictions y_pred. Confusion matrix by hand:
 * TP rows 1,6,8,10 = 4; FP row 2 = 1; FN rows 3,5 = 2; TN rows 4,7,9 = 3. Accuracy 7/10, precision 4/5, recall
 * 4/6, F1 8/11. By sex: F (rows 1-5) 2 of 5 right = 0.4; M (rows 6-10) 5 of 5 = 1.
 */
class ScenarioRunnerTest {
    @TempDir
    Path dir;
    Path evidence;

    @BeforeEach
    void copyData() throws IOException {
        Files.copy(Path.of("src/test/resources/data/credit.csv"), dir.resolve("credit.csv"));
        evidence = dir.resolve("evidence");
    }

    private ScenarioRunner runner(Map<String, String> properties) {
        Map<String, String> p = new HashMap<>(properties);
        p.put(AssayConstants.EVIDENCE_DIR, evidence.toString());
        return new ScenarioRunner(AssaySettings.of(k -> Optional.empty(), p, Map.of()));
    }

    private Scenario scenario(String model, String seed, String checks) throws IOException {
        Path file = dir.resolve("s.assay.yaml");
        Files.writeString(file, "name: Runner test\n" + seed + "model:\n  " + model + "\n"
                + "data: {path: credit.csv, label: income, positive: \">50K\", sensitive: [sex]}\n"
                + "checks:\n" + checks);
        return ScenarioLoader.withVariables(k -> null).load(file);
    }

    private static final String PREDICTIONS = "predictions: {column: y_pred}";

    @Test
    void computesTheMetricsByHand() throws IOException {
        Scenario s = scenario(PREDICTIONS, "", """
                  - name: accuracy
                    performance: {metric: accuracy, min: 0.7}
                  - name: precision
                    performance: {metric: precision, min: 0.81}
                  - name: recall
                    performance: {metric: recall, max: 0.7}
                  - name: f1
                    performance: {metric: f1, min: 0.7, bootstrap: 200}
                """);
        List<CheckResult> results = runner(Map.of()).run(s);
        assertThat(results).extracting(CheckResult::value).containsExactly(0.7, 0.8, 4.0 / 6, 8.0 / 11);
        assertThat(results).extracting(CheckResult::verdict)
                .containsExactly(Verdict.PASS, Verdict.FAIL, Verdict.PASS, Verdict.PASS);
        assertThat(results).extracting(CheckResult::id).containsExactly("runner-test/accuracy",
                "runner-test/precision", "runner-test/recall", "runner-test/f1");
        assertThat(results.get(0).n()).isEqualTo(10);
    }

    @Test
    void perGroupUsesTheWorstGroup() throws IOException {
        Scenario s = scenario(PREDICTIONS, "", """
                  - name: accuracy by sex
                    performance: {by: [sex], min: 0.8, min-group-size: 5}
                """);
        CheckResult r = runner(Map.of()).run(s).get(0);
        assertThat(r.verdict()).as(r.toString()).isEqualTo(Verdict.FAIL);
        assertThat(r.value()).isEqualTo(0.4);
        assertThat(r.groups()).extracting(g -> g.label() + "=" + g.metric("accuracy"))
                .containsExactlyInAnyOrder("sex=F=0.4", "sex=M=1.0");
    }

    @Test
    void strictDecisionUsesTheInterval() throws IOException {
        // Wilson 95% interval of 7/10 is about [0.397, 0.892]: strict fails at 0.6, lenient passes at 0.85
        Scenario s = scenario(PREDICTIONS, "", """
                  - name: strict
                    performance: {min: 0.6, decision: strict}
                  - name: lenient
                    performance: {min: 0.85, decision: lenient}
                """);
        List<CheckResult> results = runner(Map.of()).run(s);
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(results.get(0).ci().lower()).isCloseTo(0.3968, within(1e-3));
        assertThat(results.get(1).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void javaModel() throws IOException {
        Scenario s = scenario("java: dev.assay.scenarios.fixtures.AlwaysHighModel", "", """
                  - name: accuracy
                    performance: {min: 0.5}
                """);
        CheckResult r = runner(Map.of()).run(s).get(0);
        assertThat(r.value()).isEqualTo(0.6);
        assertThat(r.model().kind()).isEqualTo("java");
    }

    @Test
    void aModelThatCannotBeMadeIsAnErrorForEveryCheck() throws IOException {
        Scenario s = scenario("java: dev.assay.scenarios.fixtures.ExplodingModel", "", """
                  - name: a
                    performance: {min: 0.5}
                  - name: b
                    performance: {max: 0.5}
                """);
        List<CheckResult> results = runner(Map.of()).run(s);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.message()).contains("weights file missing");
        });
    }

    @Test
    void aModelThatFailsToPredictIsAnErrorWithTheModelInTheEvidence() throws IOException {
        Scenario s = scenario("java: dev.assay.scenarios.fixtures.FailingModel", "",
                "  - name: a\n    performance: {min: 0.5}\n");
        CheckResult r = runner(Map.of()).run(s).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("connection refused");
        assertThat(r.model()).isNotNull();
        assertThat(r.model().id()).isEqualTo("FailingModel");
    }

    @Test
    void aPositiveLabelThatNeverOccursIsAnError() throws IOException {
        Scenario s = scenario(PREDICTIONS, "", """
                  - name: a
                    performance: {min: 0.5, positive: "yes"}
                """);
        CheckResult r = runner(Map.of()).run(s).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("yes");
    }

    @Test
    void seedPrecedence() throws IOException {
        String check = "  - name: a\n    performance: {min: 0.5}\n";
        Scenario seeded = scenario(PREDICTIONS, "seed: 7\n", check);
        Scenario unseeded = scenario(PREDICTIONS, "", check);
        assertThat(runner(Map.of()).run(seeded).get(0).seed()).isEqualTo(7);
        assertThat(runner(Map.of(AssayConstants.SEED, "99")).run(seeded).get(0).seed()).isEqualTo(99);
        assertThat(runner(Map.of()).run(unseeded).get(0).seed()).isEqualTo(AssayConstants.DEFAULT_SEED);
        assertThat(runner(Map.of()).seed(seeded)).isEqualTo(7);
    }

    @Test
    void recordsEveryResultAndWritesEvidence() throws IOException {
        Scenario s = scenario(PREDICTIONS, "seed: 7\n", """
                  - name: passes
                    performance: {min: 0.7}
                  - name: fails
                    performance: {min: 0.9}
                  - name: errors
                    performance: {min: 0.5, positive: "yes"}
                """);
        ScenarioRunner runner = runner(Map.of(AssayConstants.EVIDENCE_TIMESTAMP, "2026-11-26T12:00:00Z"));
        runner.run(s);
        Path written = runner.flush();
        assertThat(Files.isSameFile(written, evidence.resolve("evidence.json"))).isTrue();
        JsonNode json = new ObjectMapper().readTree(evidence.resolve("evidence.json").toFile());
        assertThat(json.get("suite").asText()).isEqualTo("Runner test");
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("checks")).extracting(c -> c.get("name").asText() + ":" + c.get("verdict").asText())
                .containsExactly("passes:pass", "fails:fail", "errors:error");
        assertThat(json.get("checks").get(0).get("value").asDouble()).isEqualTo(0.7);
    }
}

package dev.assay.junit;

import static dev.assay.core.fairness.FairnessMetrics.DEMOGRAPHIC_PARITY_DIFFERENCE;
import static dev.assay.core.fairness.FairnessMetrics.DEMOGRAPHIC_PARITY_RATIO;
import static dev.assay.core.fairness.FairnessMetrics.SELECTION_RATE;
import static dev.assay.junit.AssayAssertions.assertThat;
import static dev.assay.junit.EngineRuns.check;
import static dev.assay.junit.EngineRuns.evidence;
import static dev.assay.junit.EngineRuns.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.AssayException;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Evidence;
import dev.assay.core.Model;
import dev.assay.core.fairness.BaseMetric;
import dev.assay.core.fairness.Fairness;
import dev.assay.core.fairness.FairnessReport;
import dev.assay.junit.Fixtures.AgeRule;
import dev.assay.junit.Fixtures.TestKitOnly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Fairness assertions and {@code @FairnessGate}, run through the engine. On credit.csv the age rule selects 3 of 5
 * women (selection rate 0.6) and 2 of 5 men (0.4): ratio 0.4 / 0.6 = 0.6667, difference 0.2; true positive rate
 * 2/3 for women and 2/2 for men: difference 0.3333.
 */
class FairnessAssertionsTest {
    @TempDir
    Path evidenceDir;

    @TestKitOnly
    @ModelTest
    static class ReportFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K", sensitive = "sex")
        static Dataset data;

        @TestModel(AgeRule.class)
        static Model model;

        static FairnessReport report() {
            return Fairness.of(model).on(data).by("sex").minGroupSize(1).bootstrap(200)
                    .frame(BaseMetric.TRUE_POSITIVE_RATE).report();
        }

        @Test
        void fourFifthsRule() {
            assertThat(report()).metric(SELECTION_RATE).ratioAtLeast(0.8);
        }

        @Test
        void withinBounds() {
            assertThat(report()).metric(SELECTION_RATE).differenceAtMost(0.2).ratioAtLeast(0.66)
                    .groupMinAtLeast(0.4).groupMaxAtMost(0.6);
        }

        @Test
        void equalOpportunity() {
            assertThat(report()).as("credit gate").metric(BaseMetric.TRUE_POSITIVE_RATE).differenceAtMost(0.3);
        }

        @Test
        void metricNotInTheFrame() {
            assertThat(report()).metric("precision").ratioAtLeast(0.8);
        }
    }

    @Test
    void assertionsJudgeTheReportAndFailWithEveryGroupAndTheInterval() {
        EngineExecutionResults results = EngineRuns.run(ReportFixture.class, evidenceDir, Map.of());
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(1).failed(3));
        EngineRuns.assertSucceeded(results, "withinBounds");
        Throwable ratio = failureOf(results, "fourFifthsRule");
        assertThat(ratio).isInstanceOf(AssertionError.class).hasMessageContainingAll(
                "Expecting selection_rate_ratio over the groups of [sex]:",
                "  0.6667 [", "] (95%)",
                "to be at least 0.8 (decision: point)",
                "selection_rate per group:",
                "  sex=Female 0.6 [", "n=5",
                "  sex=Male 0.4 [",
                "  overall 0.5 [", "n=10");
        assertThat(failureOf(results, "equalOpportunity")).hasMessageContainingAll("[credit gate]",
                "Expecting true_positive_rate_difference over the groups of [sex]:", "  0.3333 [",
                "to be at most 0.3", "  sex=Female 0.6667 [", "  sex=Male 1 [");
        assertThat(failureOf(results, "metricNotInTheFrame")).isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("to have the per-group metric:", "precision",
                        "[selection_rate, true_positive_rate]");
    }

    @Test
    void theDecisionRuleUsesTheInterval() {
        // the same data outside the engine: the report is deterministic for a seed
        FairnessReport report = Fairness.of(new AgeRule()).on(dev.assay.core.Datasets.file(Path.of(
                        "src/test/resources/dev/assay/junit/credit.csv")).load().withLabel("income", ">50K"))
                .by("sex").minGroupSize(1).bootstrap(200).seed(7).report();
        FairnessReport.Value ratio = report.aggregate("selection_rate_ratio").orElseThrow();
        assertThat(ratio.value()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ratio.ci().lower()).as("five rows a group: a wide interval").isLessThan(0.5);
        assertThat(report).metric(SELECTION_RATE).ratioAtLeast(0.5);
        assertThatThrownBy(() -> assertThat(report).metric(SELECTION_RATE).decision(Decision.STRICT)
                .ratioAtLeast(0.5)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to be at least 0.5 (decision: strict)");
        assertThat(report).metric(SELECTION_RATE).decision(Decision.LENIENT).ratioAtLeast(ratio.ci().lower());
        // an all-negative model: every selection rate is 0, the ratio 0/0 is undefined and cannot be judged
        FairnessReport none = Fairness.of(dev.assay.core.Models.function("none", row -> "<=50K"))
                .on(dev.assay.core.Datasets.file(Path.of("src/test/resources/dev/assay/junit/credit.csv")).load()
                        .withLabel("income", ">50K")).by("sex").minGroupSize(1).bootstrap(0).report();
        assertThatThrownBy(() -> assertThat(none).metric(SELECTION_RATE).ratioAtLeast(0.8))
                .isExactlyInstanceOf(AssayException.class)
                .hasMessageContaining("selection_rate_ratio over the groups of [sex] is undefined");
    }

    // ------------------------------------------------------------------------------------------------ the gate

    @TestKitOnly
    @ModelTest
    static class GateFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K", sensitive = "sex")
        static Dataset data;

        @TestModel(AgeRule.class)
        static Model model;

        @FairnessGate(metric = DEMOGRAPHIC_PARITY_RATIO, by = "sex", min = 0.8, minGroupSize = 1,
                name = "Four-fifths rule on sex")
        void fourFifths() {
        }

        @FairnessGate(metric = DEMOGRAPHIC_PARITY_DIFFERENCE, by = "sex", max = 0.25, minGroupSize = 1)
        void parityDifference() {
        }

        @FairnessGate(metric = DEMOGRAPHIC_PARITY_RATIO, by = "sex", min = 0.5)
        void groupsTooSmall() {
        }

        @FairnessGate(metric = DEMOGRAPHIC_PARITY_RATIO, min = 0.6, minGroupSize = 1, name = "From the parameter")
        void withParameter(@TestModel(predictions = "y_pred") Model stored) {
        }

        @FairnessGate(metric = DEMOGRAPHIC_PARITY_RATIO, by = "sex", model = "nope", min = 0.5)
        void unknownModel() {
        }
    }

    @TestKitOnly
    static class GateWithoutModelTestFixture {
        @TestModel(AgeRule.class)
        static Model model;

        @TestDataset(value = "credit.csv", label = "income", positive = ">50K")
        static Dataset data;

        @FairnessGate(metric = DEMOGRAPHIC_PARITY_RATIO, by = "sex", min = 0.8, minGroupSize = 1)
        void gate() {
        }
    }

    @Test
    void aGateOutsideAModelTestIsAClearErrorNeverAPass() {
        EngineExecutionResults results = EngineRuns.run(GateWithoutModelTestFixture.class, evidenceDir, Map.of());
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failureOf(results, "gate")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("holds null (not injected: is the class a @ModelTest?)");
    }

    @Test
    void aGateIsATestThatRecordsItsCheckAndFailsWithTheGroups() throws IOException {
        EngineExecutionResults results = EngineRuns.run(GateFixture.class, evidenceDir, Map.of());
        results.testEvents().assertStatistics(s -> s.started(5).succeeded(2).failed(3));
        EngineRuns.assertSucceeded(results, "parityDifference");
        EngineRuns.assertSucceeded(results, "withParameter");
        assertThat(failureOf(results, "fourFifths")).isInstanceOf(AssertionError.class).hasMessageContainingAll(
                "Expecting check <Four-fifths rule on sex> to pass, but it failed:",
                "metric: demographic_parity_ratio", "value: 0.6667 [",
                "threshold: at least 0.8 (decision: point)",
                "sex=Female selection_rate 0.6 [", "sex=Male selection_rate 0.4 [");
        assertThat(failureOf(results, "groupsTooSmall")).isExactlyInstanceOf(AssayException.class)
                .hasMessageContaining("ended in error, which is never a pass")
                .hasMessageContaining("has at least 30 rows (min-group-size)");
        assertThat(failureOf(results, "unknownModel")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@FairnessGate on unknownModel(): `model` names 'nope', but the @TestModel"
                        + " fields and parameters are [field model]");

        Evidence evidence = evidence(evidenceDir);
        JsonNode fourFifths = check(evidence, "Four-fifths rule on sex");
        assertThat(fourFifths.path("verdict").asText()).isEqualTo("fail");
        assertThat(fourFifths.path("kind").asText()).isEqualTo("fairness");
        assertThat(fourFifths.path("value").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions
                .within(1e-12));
        assertThat(fourFifths.path("groups")).hasSize(2);
        assertThat(check(evidence, "parityDifference()").path("verdict").asText()).isEqualTo("pass");
        assertThat(check(evidence, "parityDifference()").path("value").asDouble()).isCloseTo(0.2,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(check(evidence, "groupsTooSmall()").path("verdict").asText()).isEqualTo("error");
        assertThat(check(evidence, "From the parameter").path("verdict").asText()).isEqualTo("pass");
    }
}

package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected values are worked out by hand in {@link Fixtures#perf10()} and the Wilson bounds in StatsTest. */
class PerformanceCheckTest {
    private static final RunContext CTX = new RunContext("perf suite", 7);
    private static final double EPS = 1e-9;
    private final Dataset data = Fixtures.perf10();
    private final Model model = Models.predictions("pred");

    private CheckResult run(Performance.Builder b) {
        return Checks.evaluate(b.build(), model, data, CTX);
    }

    @Test
    void overallAccuracyIsSevenTenthsWithItsWilsonInterval() {
        CheckResult r = run(Performance.check().named("Accuracy").metric("accuracy").atLeast(0.6));

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.value()).isCloseTo(0.7, within(EPS));
        assertThat(r.ci().lower()).isCloseTo(0.396778147461, within(EPS));
        assertThat(r.ci().upper()).isCloseTo(0.892208732594, within(EPS));
        assertThat(r.confidence()).isEqualTo(0.95);
        assertThat(r.n()).isEqualTo(10);
        assertThat(r.seed()).isEqualTo(7);
        assertThat(r.id()).isEqualTo("perf-suite/accuracy");
        assertThat(r.kind()).isEqualTo("performance");
        assertThat(r.metric()).isEqualTo("accuracy");
        assertThat(r.threshold()).isEqualTo(Threshold.atLeast(0.6));
        assertThat(r.decision()).isEqualTo(Decision.POINT);
        assertThat(r.model().id()).isEqualTo("column:pred");
        assertThat(r.data()).isEqualTo(new DataInfo("perf-10.csv", 10, data.sha256()));
        assertThat(r.groups()).isEmpty();
    }

    @Test
    void decisionRulesOnTheSameEstimate() {
        // 0.7 in [0.397, 0.892] against min 0.6: point passes, strict fails, lenient passes
        assertThat(run(Performance.check().atLeast(0.6).decision(Decision.STRICT)).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(run(Performance.check().atLeast(0.6).decision(Decision.LENIENT)).verdict())
                .isEqualTo(Verdict.PASS);
        // against min 0.75: point fails, lenient still passes (0.892 > 0.75), strict fails
        CheckResult point = run(Performance.check().atLeast(0.75));
        assertThat(point.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(point.message()).isEqualTo("accuracy is 0.7 [0.3968, 0.8922], expected at least 0.75"
                + " (decision: point)");
        assertThat(run(Performance.check().atLeast(0.75).decision(Decision.LENIENT)).verdict())
                .isEqualTo(Verdict.PASS);
        // against min 0.9 the whole interval is below: lenient fails too
        assertThat(run(Performance.check().atLeast(0.9).decision(Decision.LENIENT)).verdict())
                .isEqualTo(Verdict.FAIL);
        // no threshold: a measurement, which passes
        assertThat(run(Performance.check()).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void precisionRecallAndF1() {
        CheckResult precision = run(Performance.check().metric("precision"));
        assertThat(precision.value()).isCloseTo(0.75, within(EPS));
        assertThat(precision.ci().lower()).isCloseTo(0.300641842582, within(EPS));
        assertThat(precision.ci().upper()).isCloseTo(0.954412739190, within(EPS));
        assertThat(precision.n()).isEqualTo(10);

        CheckResult recall = run(Performance.check().metric(PerformanceCheck.Metric.RECALL));
        assertThat(recall.value()).isCloseTo(0.6, within(EPS));
        assertThat(recall.ci().lower()).isCloseTo(0.230724281276, within(EPS));
        assertThat(recall.ci().upper()).isCloseTo(0.882379225767, within(EPS));

        CheckResult f1 = run(Performance.check().metric("F1").bootstrap(500));
        assertThat(f1.value()).isCloseTo(6.0 / 9, within(EPS));
        assertThat(f1.ci()).isNotNull();
        assertThat(f1.ci().lower()).isLessThan(6.0 / 9).isGreaterThanOrEqualTo(0);
        assertThat(f1.ci().upper()).isGreaterThan(6.0 / 9).isLessThanOrEqualTo(1);

        assertThatThrownBy(() -> Performance.check().metric("auc")).hasMessageContaining("'auc'")
                .hasMessageContaining("accuracy, precision, recall, f1");
    }

    @Test
    void perGroupValuesAndTheWorstGroupDecides() {
        CheckResult r = run(Performance.check().named("acc by sex").by("sex").minGroupSize(5).atLeast(0.7));

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.groups()).hasSize(2);
        GroupResult f = r.groups().get(0);
        GroupResult m = r.groups().get(1);
        assertThat(f.group()).isEqualTo(Map.of("sex", "F"));
        assertThat(f.n()).isEqualTo(5);
        assertThat(f.metric("accuracy")).isCloseTo(0.6, within(EPS));
        assertThat(f.metric("precision")).isCloseTo(2.0 / 3, within(EPS));
        assertThat(f.metric("recall")).isCloseTo(2.0 / 3, within(EPS));
        assertThat(f.metric("f1")).isCloseTo(2.0 / 3, within(EPS));
        assertThat(f.ci().get("accuracy").lower()).isCloseTo(0.230724281276, within(EPS));
        assertThat(f.ci().get("precision").upper()).isCloseTo(0.938508055280, within(EPS));
        assertThat(f.excluded()).isNull();
        assertThat(m.group()).isEqualTo(Map.of("sex", "M"));
        assertThat(m.metric("accuracy")).isCloseTo(0.8, within(EPS));
        assertThat(m.metric("precision")).isCloseTo(1.0, within(EPS));
        assertThat(m.metric("recall")).isCloseTo(0.5, within(EPS));
        assertThat(m.ci().get("accuracy").upper()).isCloseTo(0.963775891368, within(EPS));
        assertThat(m.ci().get("recall").lower()).isCloseTo(0.094531205734, within(EPS));

        // the value is the worst judged group's (F), with its interval
        assertThat(r.value()).isCloseTo(0.6, within(EPS));
        assertThat(r.ci().lower()).isCloseTo(0.230724281276, within(EPS));
        assertThat(r.message()).isEqualTo("accuracy of 1 of 2 groups is not at least 0.7 (decision: point):"
                + " sex=F 0.6 [0.2307, 0.8824] (n=5)");
        assertThat(r.worstGroups()).extracting(GroupResult::label).containsExactly("sex=F", "sex=M");
    }

    @Test
    void withAMaxThresholdTheHighestGroupIsTheWorst() {
        CheckResult r = run(Performance.check().by("sex").minGroupSize(1).atMost(0.7));
        assertThat(r.value()).isCloseTo(0.8, within(EPS));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains("sex=M 0.8").doesNotContain("sex=F");
    }

    @Test
    void withARangeTheGroupFarthestOutsideIsTheWorst() {
        // F 0.6 is 0.05 below 0.65; M 0.8 is 0.05 above 0.75 ... make M farther: range [0.55, 0.7]
        CheckResult r = run(Performance.check().by("sex").minGroupSize(1)
                .threshold(Threshold.between(0.55, 0.7)));
        assertThat(r.value()).isCloseTo(0.8, within(EPS));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void intersectionalGroupsInFirstAppearanceOrderWithoutEmptyCells() {
        CheckResult r = run(Performance.check().by("sex", "race").minGroupSize(1));

        assertThat(r.groups()).extracting(GroupResult::label).containsExactly(
                "sex=F, race=W", "sex=F, race=B", "sex=M, race=W", "sex=M, race=B", "sex=M, race=A");
        assertThat(r.groups()).extracting(GroupResult::n).containsExactly(3L, 2L, 2L, 2L, 1L);
        assertThat(r.groups()).extracting(g -> g.metric("accuracy"))
                .containsExactly(2.0 / 3, 0.5, 1.0, 0.5, 1.0);
        // precision of (M, A) is undefined: it is recorded as missing (null), not as 0 or NaN
        assertThat(r.groups().get(4).metrics()).containsEntry("precision", null);
        assertThat(r.value()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void smallGroupsAreListedWithTheReasonAndLeftOut() {
        // race: W rows 1,2,5,6,7 (4/5 right), B rows 3,4,8,9 (2/4), A row 10 (1/1)
        CheckResult r = run(Performance.check().by("race").minGroupSize(3).atLeast(0.4));

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.groups()).hasSize(3);
        GroupResult a = r.groups().get(2);
        assertThat(a.group()).isEqualTo(Map.of("race", "A"));
        assertThat(a.excluded()).isEqualTo("fewer than 3 rows (min-group-size)");
        assertThat(r.groups().get(0).excluded()).isNull();
        assertThat(r.value()).isCloseTo(0.5, within(EPS));
        assertThat(r.message()).isEqualTo("left out (too small): race=A (n=1)");

        // with the default min-group-size (30) no group is judged: an error, never a pass
        CheckResult none = run(Performance.check().by("race").atLeast(0.4));
        assertThat(none.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(none.message()).startsWith("no group of [race] has at least 30 rows")
                .contains("race=W (n=5)", "race=B (n=4)", "race=A (n=1)");
    }

    @Test
    void anUndefinedMetricInAJudgedGroupIsAnError() {
        CheckResult r = run(Performance.check().metric("precision").by("race").minGroupSize(1).atLeast(0.1));
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).isEqualTo("precision is undefined for race=A: the model predicted the positive"
                + " label for none of its 1 rows");
        assertThat(r.value()).isNull();

        CheckResult recall = run(Performance.check().metric("recall").by("race").minGroupSize(1));
        assertThat(recall.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(recall.message()).contains("race=A: no row has the positive label");

        // left out as too small, the same group is no longer an error: the check is judged (B's precision is 0/1)
        CheckResult small = run(Performance.check().metric("precision").by("race").minGroupSize(2).atLeast(0.1));
        assertThat(small.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(small.message()).contains("race=B 0 ", "left out (too small): race=A (n=1)");
    }

    @Test
    void overallUndefinedMetricIsAnError() {
        Dataset d = Datasets.inMemory("mem").categorical("y", "1", "0", "1").categorical("p", "0", "0", "0")
                .label("y").load();
        CheckResult r = Checks.evaluate(Performance.check().metric("precision").atLeast(0.5).build(),
                Models.predictions("p"), d, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).isEqualTo("precision is undefined on mem: the model predicted the positive label"
                + " for none of its 3 rows");
    }

    @Test
    void f1BootstrapIsDeterministicForASeed() {
        Performance.Builder b = Performance.check().named("f1 by sex").metric("f1").by("sex").minGroupSize(1);
        CheckResult a1 = Checks.evaluate(b.build(), model, data, new RunContext("s", 11));
        CheckResult a2 = Checks.evaluate(b.build(), model, data, new RunContext("s", 11));
        CheckResult other = Checks.evaluate(b.build(), model, data, new RunContext("s", 12));

        assertThat(Evidence.toJson(a2)).isEqualTo(Evidence.toJson(a1));
        assertThat(a1.groups().get(0).ci().get("f1")).isEqualTo(a2.groups().get(0).ci().get("f1"));
        assertThat(a1.seed()).isEqualTo(11);
        assertThat(other.seed()).isEqualTo(12);

        // on a larger sample another seed gives another (but close) interval
        String[] y = new String[300];
        String[] p = new String[300];
        for (int i = 0; i < 300; i++) {
            y[i] = i % 3 == 0 ? "1" : "0";
            p[i] = i % 5 == 0 ? "1" : "0";
        }
        Dataset big = Datasets.inMemory("big").categorical("y", y).categorical("p", p).label("y").load();
        PerformanceCheck f1 = Performance.check().named("f1").metric("f1").build();
        Interval s11 = f1.run(Models.predictions("p"), big, new RunContext("s", 11)).ci();
        Interval s11again = f1.run(Models.predictions("p"), big, new RunContext("s", 11)).ci();
        Interval s12 = f1.run(Models.predictions("p"), big, new RunContext("s", 12)).ci();
        assertThat(s11again).isEqualTo(s11);
        assertThat(s12).isNotEqualTo(s11);
        assertThat(Math.abs(s12.lower() - s11.lower())).isLessThan(0.05);
    }

    /**
     * Rough calibration of the F1 bootstrap interval: draw 200 samples of 400 rows from a known population
     * (P(TP) = 0.30, P(FP) = 0.10, P(TN) = 0.45, P(FN) = 0.15, so F1 = 0.6 / 0.85 = 0.70588) and count how often
     * the 95% interval covers the true F1. A percentile bootstrap should cover about 95%; 200 replications put the
     * observed rate within about ±3 points of its mean, so the bounds [0.88, 0.99] fail only for a real defect.
     */
    @Test
    void f1BootstrapIntervalIsRoughlyCalibrated() {
        double trueF1 = 0.6 / 0.85;
        Random population = new Random(2026);
        int replications = 200;
        int covered = 0;
        PerformanceCheck check = Performance.check().named("f1").metric("f1").bootstrap(400).build();
        for (int rep = 0; rep < replications; rep++) {
            int n = 400;
            String[] y = new String[n];
            String[] p = new String[n];
            for (int i = 0; i < n; i++) {
                double u = population.nextDouble();
                boolean truth = u < 0.30 || u >= 0.85;         // TP [0, .3) or FN [.85, 1)
                boolean pred = u < 0.40;                        // TP [0, .3) or FP [.3, .4)
                y[i] = truth ? "1" : "0";
                p[i] = pred ? "1" : "0";
            }
            Dataset d = Datasets.inMemory("sim").categorical("y", y).categorical("p", p).label("y").load();
            CheckResult r = check.run(Models.predictions("p"), d, new RunContext("cal", rep));
            if (r.ci().contains(trueF1)) {
                covered++;
            }
        }
        assertThat(covered / (double) replications).isBetween(0.88, 0.99);
    }

    @Test
    void invalidSettingsAreRejectedWhenTheCheckIsBuilt() {
        assertThatThrownBy(() -> Performance.check().confidence(1.0).build()).hasMessageContaining("confidence");
        assertThatThrownBy(() -> Performance.check().bootstrap(0).build()).hasMessageContaining("bootstrap");
        assertThatThrownBy(() -> Performance.check().minGroupSize(-1).build())
                .hasMessageContaining("min-group-size");
        assertThatThrownBy(() -> Performance.check().by("sex", "sex").build()).hasMessageContaining("more than once");
    }

    @Test
    void labelAndPositiveOverrides() {
        Dataset d = Datasets.inMemory("mem").categorical("truth", "a", "b", "a", "b")
                .categorical("p", "a", "a", "a", "b").load();
        CheckResult r = Checks.evaluate(Performance.check().label("truth").positive("b").metric("recall").build(),
                Models.predictions("p"), d, CTX);
        // positive b: rows 2 and 4 are positive, only row 4 predicted b -> recall 1/2
        assertThat(r.value()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void theJavaEntryPointEvaluatesWithTheSeedGiven() {
        CheckResult r = Performance.of(model).on(data).named("entry").atLeast(0.5).seed(3).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.seed()).isEqualTo(3);
        assertThat(r.id()).isEqualTo("assay/entry");
        assertThatThrownBy(() -> Performance.check().evaluate()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numericLabelsAndPredictionsWithDifferentSpellings() {
        // 1.0 and 1 are the same label when the label column is numeric
        Dataset d = Datasets.inMemory("mem").numeric("y", 1, 0, 1, 0).categorical("p", "1.0", "0.0", "0", "0")
                .label("y").positive("1.0").load();
        CheckResult r = Checks.evaluate(Performance.check().build(), Models.predictions("p"), d, CTX);
        assertThat(r.value()).isCloseTo(0.75, within(EPS));
        assertThat(List.of(r.verdict())).containsExactly(Verdict.PASS);
    }
}

package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.DataException;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.GroupResult;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed values for every AIF360 metric and the edge cases. The data: men (privileged) TP 3, FN 1, FP 2,
 * TN 4; women TP 1, FN 2, FP 1, TN 4.
 */
class FairnessHandComputedTest {
    private static final double EPS = 1e-12;
    private static final Model MODEL = Models.predictions("p");

    /** Rows of one group: {@code tp, fn, fp, tn} counts, as (group, y, p). */
    static final class Rows {
        final List<String> a = new ArrayList<>();
        final List<String> b = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        final List<Double> p = new ArrayList<>();

        Rows add(String ga, String gb, int tp, int fn, int fp, int tn) {
            put(ga, gb, 1, 1, tp);
            put(ga, gb, 1, 0, fn);
            put(ga, gb, 0, 1, fp);
            put(ga, gb, 0, 0, tn);
            return this;
        }

        private void put(String ga, String gb, int yv, int pv, int times) {
            for (int i = 0; i < times; i++) {
                a.add(ga);
                b.add(gb);
                y.add((double) yv);
                p.add((double) pv);
            }
        }

        Dataset load() {
            return Datasets.inMemory("hand").categorical("sex", a.toArray(String[]::new))
                    .categorical("race", b.toArray(String[]::new))
                    .numeric("y", y.stream().mapToDouble(Double::doubleValue).toArray())
                    .numeric("p", p.stream().mapToDouble(Double::doubleValue).toArray()).label("y").load();
        }
    }

    private static Dataset standard() {
        return new Rows().add("M", "W", 3, 1, 2, 4).add("F", "W", 1, 2, 1, 4).load();
    }

    private static double aif(String metric) {
        return Fairness.of(MODEL).on(standard()).by("sex").privileged(Map.of("sex", "M")).metric(metric)
                .minGroupSize(0).bootstrap(0).report().value();
    }

    @Test
    void aif360GroupMetricsAreSignedUnprivilegedMinusPrivileged() {
        // SR_F = 2/8, SR_M = 5/10; TPR_F = 1/3, TPR_M = 3/4; FPR_F = 1/5, FPR_M = 2/6
        assertThat(aif("disparate_impact")).isCloseTo(0.25 / 0.5, within(EPS));
        assertThat(aif("statistical_parity_difference")).isCloseTo(0.25 - 0.5, within(EPS));
        assertThat(aif("average_odds_difference")).isCloseTo(0.5 * ((0.2 - 2.0 / 6) + (1.0 / 3 - 0.75)), within(EPS));
        assertThat(aif("average_abs_odds_difference")).isCloseTo(0.5 * ((2.0 / 6 - 0.2) + (0.75 - 1.0 / 3)),
                within(EPS));
        assertThat(aif("equal_opportunity_difference")).isCloseTo(1.0 / 3 - 0.75, within(EPS));
        assertThat(aif("false_positive_rate_ratio")).isCloseTo(0.2 / (2.0 / 6), within(EPS));
        assertThat(aif("equalized_odds_difference")).isCloseTo(0.75 - 1.0 / 3, within(EPS));
        // the privileged FN is the men's: TrustyAI's AOD took it from the unprivileged matrix (3/5 instead of 3/4)
        assertThat(aif("average_odds_difference")).isNotCloseTo(0.5 * ((0.2 - 2.0 / 6) + (1.0 / 3 - 0.6)),
                within(1e-3));
    }

    @Test
    void explicitUnprivilegedGroupAndOrConditions() {
        Dataset d = new Rows().add("M", "W", 3, 1, 2, 4).add("F", "W", 1, 2, 1, 4).add("F", "B", 2, 0, 0, 2).load();
        // privileged: M or (F and W); unprivileged: F and B -> SR_u = 2/4, SR_p = (5 + 2) / 18
        double di = Fairness.of(MODEL).on(d).by("sex", "race")
                .privileged(Map.of("sex", "M"), Map.of("sex", "F", "race", "W"))
                .unprivileged(Map.of("sex", "F", "race", "B")).metric("disparate_impact").bootstrap(0)
                .minGroupSize(0).report().value();
        assertThat(di).isCloseTo(0.5 / (7.0 / 18), within(EPS));
    }

    /** AIF360's definition, row by row: b_i = yhat_i - y_i + 1. */
    private static double geiByRows(double[] b, double alpha) {
        double mu = 0;
        for (double v : b) {
            mu += v;
        }
        mu /= b.length;
        double s = 0;
        for (double v : b) {
            if (alpha == 1) {
                s += v == 0 ? 0 : (v / mu) * Math.log(v / mu);
            } else {
                s += Math.pow(v / mu, alpha) - 1;
            }
        }
        return alpha == 1 ? s / b.length : s / (b.length * alpha * (alpha - 1));
    }

    private static double[] bValues(Rows r) {
        double[] b = new double[r.y.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.p.get(i) - r.y.get(i) + 1;
        }
        return b;
    }

    @Test
    void inequalityIndices() {
        Rows rows = new Rows().add("M", "W", 3, 1, 2, 4).add("F", "W", 1, 2, 1, 4);
        double[] b = bValues(rows);
        Fairness.Builder base = Fairness.of(MODEL).on(rows.load()).by("sex").bootstrap(0).minGroupSize(0);
        // mu = 1; GEI(2) = (3 * (0 - 1) + 3 * (4 - 1)) / (18 * 2) = 1/6
        assertThat(base.metric("generalized_entropy_index").report().value()).isCloseTo(1.0 / 6, within(EPS));
        assertThat(geiByRows(b, 2)).isCloseTo(1.0 / 6, within(EPS));
        // Theil = (3 * 2 ln 2) / 18
        assertThat(base.metric("theil_index").report().value()).isCloseTo(Math.log(2) / 3, within(EPS));
        assertThat(base.metric("coefficient_of_variation").report().value()).isCloseTo(Math.sqrt(1.0 / 3),
                within(EPS));
        for (double alpha : new double[] {0.5, 3, -0.0001 + 1.5}) {
            assertThat(base.metric("generalized_entropy_index").alpha(alpha).report().value()).as("alpha " + alpha)
                    .isCloseTo(geiByRows(b, alpha), within(EPS));
        }
        // between groups (privileged M vs F): b_M = 1.1, b_F = 0.875, mu = 1:
        // (10 * (1.21 - 1) + 8 * (0.765625 - 1)) / 36
        double between = base.privileged(Map.of("sex", "M")).metric("between_group_generalized_entropy_index")
                .alpha(2).report().value();
        assertThat(between).isCloseTo((10 * 0.21 + 8 * (0.765625 - 1)) / 36, within(EPS));
        double[] bg = new double[18];
        for (int i = 0; i < 18; i++) {
            bg[i] = i < 10 ? 1.1 : 0.875;
        }
        assertThat(between).isCloseTo(geiByRows(bg, 2), within(EPS));
        // without privileged: every cell is a group (AIF360's between_all_groups): the same two groups here
        assertThat(Fairness.of(MODEL).on(rows.load()).by("sex").bootstrap(0)
                .metric("between_group_generalized_entropy_index").report().value()).isCloseTo(between, within(EPS));
    }

    @Test
    void consistencyOfNearestNeighbours() {
        // x = 0 1 2 | 10 11 12, yhat = 1 1 0 | 0 0 1, k = 3 (each row is its own neighbour):
        // |1-2/3|, |1-2/3|, |0-2/3|, |0-1/3|, |0-1/3|, |1-1/3| -> mean 4/9 -> consistency 5/9
        Dataset d = Datasets.inMemory("knn").categorical("sex", "M", "M", "M", "F", "F", "F")
                .numeric("x", 0, 1, 2, 10, 11, 12).numeric("y", 1, 0, 0, 0, 1, 1).numeric("p", 1, 1, 0, 0, 0, 1)
                .label("y").load();
        FairnessReport r = Fairness.of(MODEL).on(d).by("sex").metric("consistency").features("x").neighbors(3)
                .minGroupSize(0).bootstrap(0).report();
        assertThat(r.value()).isCloseTo(5.0 / 9, within(EPS));
        assertThat(r.ci().contains(5.0 / 9)).isTrue();
    }

    @Test
    void groupWithoutPositiveLabels() {
        // women: no positive label at all: Fairlearn's TPR and FNR are 0 (0/0 -> 0), AIF360's are undefined
        Dataset d = new Rows().add("M", "W", 3, 1, 2, 4).add("F", "W", 0, 0, 2, 6).load();
        FairnessReport r = Fairness.of(MODEL).on(d).by("sex").metric("true_positive_rate_difference")
                .frame(BaseMetric.FALSE_NEGATIVE_RATE).bootstrap(0).minGroupSize(0).report();
        GroupResult women = r.groups().stream().filter(g -> g.group().get("sex").equals("F")).findFirst().get();
        assertThat(women.metric("true_positive_rate")).isEqualTo(0.0);
        assertThat(women.metric("false_negative_rate")).isEqualTo(0.0);
        assertThat(r.value()).isCloseTo(0.75, within(EPS));
        CheckResult aod = Fairness.of(MODEL).on(d).by("sex").privileged(Map.of("sex", "M"))
                .metric("average_odds_difference").max(0.1).bootstrap(0).minGroupSize(0).evaluate();
        assertThat(aod.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(aod.message()).contains("average_odds_difference is undefined");
    }

    @Test
    void groupWithoutPositivePredictions() {
        Dataset d = new Rows().add("M", "W", 3, 1, 2, 4).add("F", "W", 0, 3, 0, 5).load();
        FairnessReport r = Fairness.of(MODEL).on(d).by("sex").metric("demographic_parity_ratio")
                .frame(BaseMetric.PRECISION, BaseMetric.FALSE_DISCOVERY_RATE).bootstrap(0).minGroupSize(0).report();
        GroupResult women = r.groups().stream().filter(g -> g.group().get("sex").equals("F")).findFirst().get();
        assertThat(women.metric("selection_rate")).isEqualTo(0.0);
        assertThat(women.metric("precision")).isEqualTo(0.0); // sklearn zero_division, AIF360 PPV
        assertThat(women.metric("false_discovery_rate")).isEqualTo(0.0);
        assertThat(r.value()).isEqualTo(0.0); // one rate 0, the other not: ratio 0 (Fairlearn)
        double di = Fairness.of(MODEL).on(d).by("sex").privileged(Map.of("sex", "F")).metric("disparate_impact")
                .bootstrap(0).minGroupSize(0).report().value();
        assertThat(di).isInfinite(); // AIF360: x / 0
    }

    @Test
    void allZeroRatesMakeTheRatioUndefinedAndTheCheckAnError() {
        Dataset d = new Rows().add("M", "W", 0, 4, 0, 6).add("F", "W", 0, 3, 0, 5).load();
        Fairness.Builder b = Fairness.of(MODEL).on(d).by("sex").bootstrap(50).minGroupSize(0);
        assertThat(b.metric("demographic_parity_difference").report().value()).isEqualTo(0.0);
        assertThat(b.metric("demographic_parity_ratio").report().value()).isNaN(); // 0/0, as Fairlearn
        CheckResult r = b.metric("demographic_parity_ratio").min(0.8).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.value()).isNull();
    }

    @Test
    void singleGroup() {
        Dataset d = new Rows().add("M", "W", 3, 1, 2, 4).load();
        Fairness.Builder b = Fairness.of(MODEL).on(d).by("sex").bootstrap(0).minGroupSize(0);
        assertThat(b.metric("demographic_parity_difference").report().value()).isEqualTo(0.0);
        assertThat(b.metric("demographic_parity_ratio").report().value()).isEqualTo(1.0);
        assertThat(b.report().groups()).hasSize(1);
    }

    @Test
    void emptyIntersectionsAreSkipped() {
        // (F, B) never occurs: three groups, not four; min and max over the three
        Dataset d = new Rows().add("M", "W", 3, 1, 2, 4).add("F", "W", 1, 2, 1, 4).add("M", "B", 1, 1, 1, 1).load();
        FairnessReport r = Fairness.of(MODEL).on(d).by("sex", "race").metric("selection_rate_group_min")
                .bootstrap(0).minGroupSize(0).report();
        assertThat(r.groups()).extracting(GroupResult::label)
                .containsExactly("sex=M, race=W", "sex=M, race=B", "sex=F, race=W");
        assertThat(r.value()).isCloseTo(0.25, within(EPS));
        assertThat(r.aggregate("selection_rate_ratio").orElseThrow().value()).isCloseTo(0.25 / 0.5, within(EPS));
    }

    @Test
    void sparseIntersectionsOfManyValuesGiveTheSameResultAsOneCombinedColumn() {
        // 300 x 300 possible pairs (beyond the dense index) but only 600 occur: the GroupIndex path
        int n = 6000;
        String[] a = new String[n];
        String[] b = new String[n];
        String[] ab = new String[n];
        double[] y = new double[n];
        double[] p = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(600);
            a[i] = "a" + (k % 300);
            b[i] = "b" + (k < 300 ? k : (k * 7) % 300);
            ab[i] = a[i] + "|" + b[i];
            y[i] = r.nextDouble() < 0.4 ? 1 : 0;
            p[i] = r.nextDouble() < (k % 3 == 0 ? 0.2 : 0.5) ? 1 : 0;
        }
        Dataset d = Datasets.inMemory("sparse").categorical("a", a).categorical("b", b).categorical("ab", ab)
                .numeric("y", y).numeric("p", p).label("y").load();
        for (String metric : List.of("equalized_odds_difference", "selection_rate_group_min", "accuracy_ratio")) {
            FairnessReport two = Fairness.of(MODEL).on(d).by("a", "b").metric(metric).minGroupSize(5).bootstrap(0)
                    .report();
            FairnessReport one = Fairness.of(MODEL).on(d).by("ab").metric(metric).minGroupSize(5).bootstrap(0)
                    .report();
            assertThat(two.groups()).hasSameSizeAs(one.groups());
            assertThat(two.value()).as(metric).isCloseTo(one.value(), within(EPS));
        }
    }

    @Test
    void missingSensitiveValuesAreAnErrorNamingColumnAndRows() {
        Dataset d = Datasets.inMemory("gaps.csv").categorical("sex", "M", null, "F", "M", null)
                .numeric("y", 1, 0, 1, 0, 1).numeric("p", 1, 0, 0, 0, 1).label("y").load();
        assertThatThrownBy(() -> Fairness.of(MODEL).on(d).by("sex").bootstrap(0).report())
                .isInstanceOf(DataException.class)
                .hasMessageContaining("sensitive column 'sex'")
                .hasMessageContaining("2 rows have no value (row 1, row 4)")
                .hasMessageContaining("missing: as-group");
        CheckResult error = Fairness.of(MODEL).on(d).by("sex").max(0.1).evaluate();
        assertThat(error.verdict()).isEqualTo(Verdict.ERROR);
        FairnessReport r = Fairness.of(MODEL).on(d).by("sex").missing("as-group").bootstrap(0).minGroupSize(0)
                .report();
        assertThat(r.groups()).extracting(GroupResult::label).containsExactly("sex=M", "sex=F", "sex=<missing>");
        assertThat(r.groups().get(2).n()).isEqualTo(2);
    }

    @Test
    void aValueOutsideTheTwoLabelsIsAnErrorNamingTheRow() {
        Dataset d = Datasets.inMemory("third").categorical("sex", "M", "F", "M", "F").numeric("y", 1, 0, 1, 0)
                .numeric("p", 1, 0, 2, 0).label("y").load();
        assertThatThrownBy(() -> Fairness.of(MODEL).on(d).by("sex").bootstrap(0).report())
                .isInstanceOf(DataException.class).hasMessageContaining("third row 2")
                .hasMessageContaining("'2' is neither the positive label nor the other label value");
        Dataset missingLabel = Datasets.inMemory("nolabel").categorical("sex", "M", "F").numeric("y", 1, Double.NaN)
                .numeric("p", 1, 0).label("y").load();
        assertThatThrownBy(() -> Fairness.of(MODEL).on(missingLabel).by("sex").bootstrap(0).report())
                .isInstanceOf(DataException.class).hasMessageContaining("nolabel row 1")
                .hasMessageContaining("no value");
    }

    @Test
    void sampleWeightsCountAsRows() {
        // weight 2 on every man's row = the men's rows duplicated
        Rows dup = new Rows().add("M", "W", 6, 2, 4, 8).add("F", "W", 1, 2, 1, 4);
        Rows rows = new Rows().add("M", "W", 3, 1, 2, 4).add("F", "W", 1, 2, 1, 4);
        double[] w = new double[rows.a.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rows.a.get(i).equals("M") ? 2 : 1;
        }
        Dataset weighted = Datasets.inMemory("w").categorical("sex", rows.a.toArray(String[]::new))
                .numeric("y", rows.y.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("p", rows.p.stream().mapToDouble(Double::doubleValue).toArray()).numeric("w", w)
                .label("y").load();
        for (String m : List.of("equalized_odds_difference", "accuracy_ratio", "demographic_parity_difference")) {
            double expected = Fairness.of(MODEL).on(dup.load()).by("sex").metric(m).bootstrap(0).report().value();
            double actual = Fairness.of(MODEL).on(weighted).by("sex").weights("w").metric(m).bootstrap(0).report()
                    .value();
            assertThat(actual).as(m).isCloseTo(expected, within(EPS));
        }
        // the overall accuracy differs from the unweighted one: weights are used
        double unweighted = Fairness.of(MODEL).on(weighted).by("sex").metric("accuracy_group_max").bootstrap(0)
                .report().overall().metric("accuracy");
        double withWeights = Fairness.of(MODEL).on(weighted).by("sex").weights("w").metric("accuracy_group_max")
                .bootstrap(0).report().overall().metric("accuracy");
        assertThat(unweighted).isCloseTo(12.0 / 18, within(EPS));
        assertThat(withWeights).isCloseTo(19.0 / 28, within(EPS));
    }

    @Test
    void regressionMetricsAndBoundedGroupLoss() {
        // M: y 1 2 3, yhat 1 3 5 -> errors 0 1 2: MAE 1, MSE 5/3; F: y 0 0, yhat 1 -1 -> MAE 1, MSE 1
        Dataset d = Datasets.inMemory("reg").categorical("sex", "M", "M", "M", "F", "F")
                .numeric("y", 1, 2, 3, 0, 0).numeric("p", 1, 3, 5, 1, -1).label("y").load();
        Fairness.Builder b = Fairness.of(MODEL).on(d).by("sex").bootstrap(0).minGroupSize(0);
        FairnessReport r = b.metric("mean_absolute_error_difference")
                .frame(BaseMetric.ROOT_MEAN_SQUARED_ERROR, BaseMetric.MEAN_PREDICTION).report();
        assertThat(r.value()).isCloseTo(0.0, within(EPS));
        GroupResult m = r.groups().get(0);
        assertThat(m.metric("root_mean_squared_error")).isCloseTo(Math.sqrt(5.0 / 3), within(EPS));
        assertThat(m.metric("mean_prediction")).isCloseTo(3.0, within(EPS));
        assertThat(r.groups().get(1).metric("mean_prediction")).isCloseTo(0.0, within(EPS));
        CheckResult bgl = b.metric("bounded_group_loss").loss("mean_squared_error").max(1.5).evaluate();
        assertThat(bgl.value()).isCloseTo(5.0 / 3, within(EPS));
        assertThat(bgl.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(bgl.message()).contains("sex=M").contains("sex=F");
    }

    @Test
    void scoreMetrics() {
        // M: (score, y) = (0.9, 1) (0.8, 0) (0.3, 1) (0.2, 0); F: (0.7, 1) (0.6, 1) (0.4, 0) (0.1, 0)
        Dataset d = Datasets.inMemory("scores").categorical("sex", "M", "M", "M", "M", "F", "F", "F", "F")
                .numeric("y", 1, 0, 1, 0, 1, 1, 0, 0).numeric("p", 1, 1, 0, 0, 1, 1, 0, 0)
                .numeric("s", 0.9, 0.8, 0.3, 0.2, 0.7, 0.6, 0.4, 0.1).label("y").load();
        FairnessReport r = Fairness.of(MODEL).on(d).by("sex").scoreColumn("s").metric("roc_auc_difference")
                .frame(BaseMetric.BRIER_SCORE, BaseMetric.EXPECTED_CALIBRATION_ERROR).bootstrap(200).minGroupSize(0)
                .report();
        GroupResult m = r.groups().get(0);
        GroupResult f = r.groups().get(1);
        // AUC M: pairs (pos, neg): (0.9>0.8) (0.9>0.2) (0.3<0.8) (0.3>0.2) -> 3/4; F: 4/4
        assertThat(m.metric("roc_auc")).isCloseTo(0.75, within(EPS));
        assertThat(f.metric("roc_auc")).isCloseTo(1.0, within(EPS));
        assertThat(r.value()).isCloseTo(0.25, within(EPS));
        assertThat(m.metric("brier_score")).isCloseTo((0.01 + 0.64 + 0.49 + 0.04) / 4, within(EPS));
        // ECE M: one row per bin: |y - s| averaged = (0.1 + 0.8 + 0.7 + 0.2) / 4
        assertThat(m.metric("expected_calibration_error")).isCloseTo((0.1 + 0.8 + 0.7 + 0.2) / 4, within(EPS));
        assertThat(r.overall().metric("roc_auc")).isCloseTo(aucByPairs(new double[] {0.9, 0.3, 0.7, 0.6},
                new double[] {0.8, 0.2, 0.4, 0.1}), within(EPS));
        assertThat(r.ci()).isNotNull();
        double calibration = Fairness.of(MODEL).on(d).by("sex").scoreColumn("s").metric("calibration_difference")
                .bootstrap(0).minGroupSize(0).report().value();
        double eceF = (0.3 + 0.4 + 0.4 + 0.1) / 4;
        assertThat(calibration).isCloseTo(Math.abs((0.1 + 0.8 + 0.7 + 0.2) / 4 - eceF), within(EPS));
    }

    private static double aucByPairs(double[] pos, double[] neg) {
        double s = 0;
        for (double p : pos) {
            for (double n : neg) {
                s += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return s / (pos.length * neg.length);
    }
}

package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Decision;
import dev.assay.core.GroupResult;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Stats;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The boundary search against models whose distance to the boundary is known by hand: a linear model
 * {@code w.x + b >= 0}, where a row's distance in standardised units is {@code |w.x + b| / ||w * sd||} (the
 * boundary plane's distance with every feature divided by its standard deviation), and a threshold on one integer
 * feature, where it is the distance to the first whole number past the threshold.
 */
class BoundarySearchTest {
    static final RunContext CTX = new RunContext("boundary", 7);
    static final double[] W = {0.08, -30, 1.5};
    static final double B = -3.2;
    static final int N = 300;

    final Dataset data;
    final double[][] x = new double[3][N];

    BoundarySearchTest() {
        UniformRandomProvider rng = Stats.rng(11, 1);
        String[] id = new String[N];
        String[] group = new String[N];
        for (int i = 0; i < N; i++) {
            x[0][i] = Math.rint(20 + 60 * rng.nextDouble());       // integer-valued, sd ~ 17
            x[1][i] = 0.05 * rng.nextDouble();                      // small scale, sd ~ 0.014
            x[2][i] = 4 * rng.nextDouble();                         // sd ~ 1.15
            id[i] = "r" + i;
            group[i] = i % 3 == 0 ? "a" : "b";
        }
        data = Datasets.inMemory("linear").numeric("x1", x[0]).numeric("x2", x[1]).numeric("x3", x[2])
                .categorical("id", id).categorical("group", group).load();
    }

    /** {@code yes} when {@code w.x + b >= 0}, with the score of a logistic link. */
    static Model linear(Map<String, Integer> queries) {
        return d -> {
            int n = d.rows();
            String[] l = new String[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                double z = B + W[0] * d.column("x1").doubleValue(i) + W[1] * d.column("x2").doubleValue(i)
                        + W[2] * d.column("x3").doubleValue(i);
                l[i] = z >= 0 ? "yes" : "no";
                s[i] = 1 / (1 + Math.exp(-z));
                if (queries != null) {
                    queries.merge(d.column("id").stringValue(i), 1, Integer::sum);
                }
            }
            return Predictions.of(Column.categorical("prediction", l), s);
        };
    }

    double[] exactDistances() {
        double norm = 0;
        for (int j = 0; j < 3; j++) {
            double sd = sd(x[j]);
            norm += W[j] * sd * W[j] * sd;
        }
        norm = Math.sqrt(norm);
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            out[i] = Math.abs(B + W[0] * x[0][i] + W[1] * x[1][i] + W[2] * x[2][i]) / norm;
        }
        Arrays.sort(out);
        return out;
    }

    static double sd(double[] v) {
        double m = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / (v.length - 1));
    }

    static GroupResult table(CheckResult r) {
        assertThat(r.groups()).hasSize(1);
        return r.groups().get(0);
    }

    @Test
    void findsTheAnalyticDistancesOfALinearModelWithinTheBudget() {
        Map<String, Integer> queries = new HashMap<>();
        double radius = 0.3;
        CheckResult r = Checks.evaluate(BoundarySearch.check().named("linear").features("x1", "x2", "x3")
                .rows(N).maxQueries(400).radius(radius).maxFlipRate(0.5).build(), linear(queries), data, CTX);

        assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.PASS);
        assertThat(r.kind()).isEqualTo("boundary-search");
        assertThat(r.metric()).isEqualTo("flip_rate_within_radius");
        double[] exact = exactDistances();
        GroupResult t = table(r);
        assertThat(t.metric("not_flipped")).isZero();
        assertThat(t.metric("min")).isCloseTo(exact[0], within(0.03 * exact[0] + 1e-6));
        assertThat(t.metric("p10")).isCloseTo(Stats.quantile(exact, N, 0.1), within(0.03 * exact[30]));
        assertThat(t.metric("median")).isCloseTo(Stats.quantile(exact, N, 0.5), within(0.03 * exact[150]));
        assertThat(t.metric("p90")).isCloseTo(Stats.quantile(exact, N, 0.9), within(0.03 * exact[270]));
        // a found distance is never below the true one: at most as many rows within the radius as truly are
        long truly = Arrays.stream(exact).filter(v -> v <= radius).count();
        long nearly = Arrays.stream(exact).filter(v -> v <= radius / 1.03).count();
        assertThat(r.value() * N).isBetween((double) nearly - 1e-9, (double) truly + 1e-9);
        assertThat(r.ci().lower()).isLessThan(r.value());
        // every row's own queries within the budget: its prediction over the data, plus at most 400
        assertThat(queries).hasSize(N);
        assertThat(queries.values()).allSatisfy(q -> assertThat(q).isLessThanOrEqualTo(401));
        long used = queries.values().stream().mapToLong(q -> q - 1).sum();
        assertThat(t.metric("queries_used")).isEqualTo((double) used);
        assertThat(t.metric("query_budget")).isEqualTo(400.0 * N);
        assertThat(r.message()).contains(used + " of a budget of " + 400 * N);
    }

    @Test
    void aTightBudgetIsNeverExceeded() {
        Map<String, Integer> queries = new HashMap<>();
        CheckResult r = Checks.evaluate(BoundarySearch.check().features("x1", "x2", "x3").rows(50).maxQueries(7)
                .radius(0.3).build(), linear(queries), data, CTX);

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        // 50 sampled rows searched; every other row of the data is predicted once only
        assertThat(queries.values()).allSatisfy(q -> assertThat(q).isLessThanOrEqualTo(8));
        assertThat(queries.values().stream().filter(q -> q > 1)).hasSizeLessThanOrEqualTo(50);
        assertThat(table(r).metric("queries_used")).isLessThanOrEqualTo(7.0 * 50);
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        BoundarySearchCheck c = BoundarySearch.check().features("x1", "x2", "x3").rows(40).maxQueries(300)
                .radius(0.3).build();
        CheckResult a = Checks.evaluate(c, linear(null), data, CTX);
        CheckResult b = Checks.evaluate(c, linear(null), data, CTX);
        CheckResult other = Checks.evaluate(c, linear(null), data, new RunContext("boundary", 8));

        assertThat(b.groups()).isEqualTo(a.groups());
        assertThat(b.message()).isEqualTo(a.message());
        assertThat(other.groups()).isNotEqualTo(a.groups()); // another seed samples other rows
    }

    @Test
    void immutableFeaturesNeverMoveAndIntegerFeaturesStayWhole() {
        Map<String, String> seen = new HashMap<>();
        Model recording = d -> {
            for (int i = 0; i < d.rows(); i++) {
                int row = Integer.parseInt(d.column("id").stringValue(i).substring(1));
                double x1 = d.column("x1").doubleValue(i);
                double x3 = d.column("x3").doubleValue(i);
                if (x3 != x[2][row]) {
                    seen.put("x3 moved on row " + row, x3 + " instead of " + x[2][row]);
                }
                if (x1 != Math.rint(x1) || x1 < 20 || x1 > 80) {
                    seen.put("x1 not whole or out of range on row " + row, Double.toString(x1));
                }
            }
            return linear(null).predict(d);
        };
        CheckResult r = Checks.evaluate(BoundarySearch.check().rows(100).maxQueries(300).radius(0.3)
                .constraints(Constraints.none().immutable("x3").integer("x1").range("x1", 20, 80)).build(),
                recording, data, CTX);

        assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.PASS);
        assertThat(seen).isEmpty();
        assertThat(table(r).metric("flipped")).isPositive();
    }

    @Test
    void aFlipMustHoldAfterRounding() {
        // yes when x1 >= 50.5: a row at x1 = 48 needs x1 = 51, three whole steps, not 2.5
        Model threshold = d -> {
            String[] l = new String[d.rows()];
            for (int i = 0; i < l.length; i++) {
                l[i] = d.column("x1").doubleValue(i) >= 50.5 ? "yes" : "no";
            }
            return Predictions.of(Column.categorical("prediction", l));
        };
        CheckResult r = Checks.evaluate(BoundarySearch.check().features("x1").rows(N).maxQueries(100)
                .constraints(Constraints.none().integer("x1")).build(), threshold, data, CTX);

        double sd = sd(x[0]);
        double[] steps = new double[N];
        for (int i = 0; i < N; i++) {
            steps[i] = x[0][i] >= 50.5 ? x[0][i] - 50 : 51 - x[0][i];
        }
        Arrays.sort(steps);
        GroupResult t = table(r);
        assertThat(r.metric()).isEqualTo("median_distance");
        assertThat(t.metric("not_flipped")).isZero();
        assertThat(t.metric("min")).isCloseTo(steps[0] / sd, within(1e-9));
        assertThat(t.metric("median")).isCloseTo(Stats.quantile(steps, N, 0.5) / sd, within(1e-9));
        assertThat(t.metric("p90")).isCloseTo(Stats.quantile(steps, N, 0.9) / sd, within(1e-9));
    }

    @Test
    void aListedCategoricalFeatureCountsOneUnitWhenItChanges() {
        // yes exactly for group a: only the group can change the decision, and it costs one unit on every row
        Model byGroup = d -> {
            String[] l = new String[d.rows()];
            for (int i = 0; i < l.length; i++) {
                l[i] = "a".equals(d.column("group").stringValue(i)) ? "yes" : "no";
            }
            return Predictions.of(Column.categorical("prediction", l));
        };
        CheckResult r = Checks.evaluate(BoundarySearch.check().features("x1", "group").rows(60).maxQueries(100)
                .radius(0.999).maxFlipRate(0).build(), byGroup, data, CTX);

        GroupResult t = table(r);
        assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.PASS);
        assertThat(r.value()).isZero();
        assertThat(t.metric("not_flipped")).isZero();
        // the search may also have moved x1, which this model ignores: the plane fit and the steps take it back
        assertThat(t.metric("min")).isCloseTo(1.0, within(1e-3));
        assertThat(t.metric("p90")).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void aConstantModelFlipsNothingAndPasses() {
        Model constant = d -> {
            String[] l = new String[d.rows()];
            Arrays.fill(l, "no");
            return Predictions.of(Column.categorical("prediction", l));
        };
        CheckResult r = Checks.evaluate(BoundarySearch.check().rows(30).radius(1).maxFlipRate(0).build(),
                constant, data, CTX);

        assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.PASS);
        assertThat(r.value()).isZero();
        assertThat(table(r).metric("not_flipped")).isEqualTo(30.0);
        assertThat(table(r).metric("queries_used")).isZero();
        assertThat(table(r).metrics().get("median")).isNull(); // beyond the search: undefined
        assertThat(r.message()).contains("same label, so there is no decision boundary to find");
    }

    @Test
    void aFailingModelIsAnError() {
        Model failsWhenPerturbed = d -> {
            if (d.rows() != N) {
                throw new IllegalStateException("boom");
            }
            return linear(null).predict(d);
        };
        CheckResult r = Checks.evaluate(BoundarySearch.check().rows(20).radius(0.3).maxFlipRate(1).build(),
                failsWhenPerturbed, data, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("boom");

        Model noLabels = d -> Predictions.of(Column.categorical("prediction", new String[d.rows()]));
        assertThat(Checks.evaluate(BoundarySearch.check().rows(20).build(), noLabels, data, CTX).verdict())
                .isEqualTo(Verdict.ERROR);
    }

    @Test
    void failsWhenRowsFlipWithinTheRadiusOrTheMedianIsTooClose() {
        CheckResult rate = Checks.evaluate(BoundarySearch.check().named("tight").features("x1", "x2", "x3")
                .rows(N).maxQueries(300).radius(0.3).maxFlipRate(0.05).decision(Decision.STRICT).build(),
                linear(null), data, CTX);
        assertThat(rate.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(rate.threshold()).isEqualTo(Threshold.atMost(0.05));
        assertThat(rate.message()).startsWith("Expecting flip rate within radius 0.3 to be at most 0.05"
                + " (decision: strict) but was " + dev.assay.core.robustness.internal.Fmt.number(rate.value()));

        double median = Stats.quantile(exactDistances(), N, 0.5);
        CheckResult med = Checks.evaluate(BoundarySearch.check().features("x1", "x2", "x3").rows(N)
                .maxQueries(300).minMedianDistance(median * 1.2).build(), linear(null), data, CTX);
        assertThat(med.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(med.metric()).isEqualTo("median_distance");
        assertThat(med.value()).isCloseTo(median, within(0.03 * median));
        assertThat(med.ci().lower()).isLessThan(med.value());
        assertThat(med.ci().upper()).isGreaterThan(med.value());
        assertThat(med.message()).startsWith("Expecting median distance to be at least");

        CheckResult ok = Checks.evaluate(BoundarySearch.check().features("x1", "x2", "x3").rows(N)
                .maxQueries(300).minMedianDistance(median * 0.8).build(), linear(null), data, CTX);
        assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void badSettingsAndFeaturesAreErrors() {
        assertThatThrownBy(() -> BoundarySearch.check().maxFlipRate(0.1).build())
                .hasMessageContaining("max-flip-rate needs a radius");
        assertThatThrownBy(() -> BoundarySearch.check().maxQueries(0).build())
                .hasMessageContaining("max-queries must be at least 1");
        CheckResult unknown = Checks.evaluate(BoundarySearch.check().features("height").build(), linear(null),
                data, CTX);
        assertThat(unknown.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(unknown.message()).contains("unknown feature column 'height'");
        CheckResult immutable = Checks.evaluate(BoundarySearch.check().features("x1")
                .constraints(Constraints.none().immutable("x1")).build(), linear(null), data, CTX);
        assertThat(immutable.message()).contains("feature 'x1' is immutable");
    }

    @Test
    void theMedianIntervalIsTheOrderStatisticsOfTheBinomial() {
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = i + 1;
        }
        // P(Bin(20, 1/2) <= 5) = 0.0207 <= 0.025 < P(<= 6) = 0.0577: l = 6, the interval [x(6), x(15)]
        assertThat(BoundarySearchCheck.medianInterval(v, 0.95)).isEqualTo(new dev.assay.core.Interval(6, 15));
        assertThat(BoundarySearchCheck.medianInterval(new double[] {1, 2, 3}, 0.95)).isNull();
    }
}

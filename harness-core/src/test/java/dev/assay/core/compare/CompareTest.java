package dev.assay.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.Verdict;
import dev.assay.core.compare.internal.PairedBootstrap;
import dev.assay.core.internal.Stats;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompareTest {
    static Dataset small() throws Exception {
        return Datasets.csv(Path.of(CompareTest.class.getResource("/data/compare.csv").toURI())).label("y")
                .positive("1").load();
    }

    static GroupResult row(CheckResult r, String key, String value) {
        return r.groups().stream().filter(g -> value.equals(g.group().get(key))).findFirst().orElseThrow();
    }

    @Test
    void handCountedDifferenceAndDisagreementWithFileLines() throws Exception {
        // candidate: tp 4 (rows 0,1,5,8), fn 1 (row 2), fp 1 (row 6), tn 4 -> recall 4/5
        // baseline:  tp 3 (rows 0,5,8), fn 2 (rows 1,2), fp 2 (rows 3,6), tn 3 -> recall 3/5
        // they disagree on rows 1 and 3
        CheckResult r = Compare.candidate(Models.predictions("cand")).against(Models.predictions("base"))
                .on(small()).metric("recall").margin(0.5).seed(7).evaluate();
        assertThat(r.kind()).isEqualTo("compare");
        assertThat(r.metric()).isEqualTo("recall_difference");
        assertThat(r.value()).isCloseTo(0.2, within(1e-12));
        assertThat(row(r, "model", "candidate").metric("recall")).isEqualTo(0.8);
        assertThat(row(r, "model", "baseline").metric("recall")).isEqualTo(0.6);
        assertThat(row(r, "model", "baseline").metric("accuracy")).isEqualTo(0.6);
        GroupResult cmp = row(r, "comparison", "candidate - baseline");
        assertThat(cmp.metric("disagreement")).isEqualTo(0.2);
        assertThat(cmp.ci().get("disagreement")).isEqualTo(Stats.wilson(2, 10, 0.95));
        assertThat(r.findings()).extracting(Finding::row).containsExactly(1L, 3L);
        assertThat(r.findings().get(0).detail()).isEqualTo("candidate '1', baseline '0' at "
                + small().source() + " line 3 (row 1)");
        assertThat(r.threshold().min()).isEqualTo(-0.5);
    }

    static Dataset synthetic(int n, double candidateMiss, double baselineMiss, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] y = new String[n];
        String[] c = new String[n];
        String[] b = new String[n];
        for (int i = 0; i < n; i++) {
            boolean t = rnd.nextDouble() < 0.4;
            double u = rnd.nextDouble();
            // correlated errors: both wrong below min(miss), one wrong between
            boolean cWrong = u < candidateMiss;
            boolean bWrong = u < baselineMiss;
            y[i] = t ? "1" : "0";
            c[i] = (t != cWrong) ? "1" : "0";
            b[i] = (t != bWrong) ? "1" : "0";
        }
        return Datasets.inMemory("synthetic").categorical("y", y).categorical("cand", c).categorical("base", b)
                .label("y").positive("1").load();
    }

    @Test
    void cellBootstrapAgreesWithANaiveRowBootstrap() {
        Dataset d = synthetic(3000, 0.12, 0.10, 3);
        CheckResult r = Compare.candidate(Models.predictions("cand")).against(Models.predictions("base")).on(d)
                .metric("f1").bootstrap(4000).seed(11).evaluate();
        // naive: resample row indices with replacement, recompute both F1s from rows
        boolean[] t = new boolean[d.rows()];
        boolean[] c = new boolean[d.rows()];
        boolean[] b = new boolean[d.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = d.column("y").stringValue(i).equals("1");
            c[i] = d.column("cand").stringValue(i).equals("1");
            b[i] = d.column("base").stringValue(i).equals("1");
        }
        SplittableRandom rnd = new SplittableRandom(99);
        double[] diffs = new double[4000];
        for (int k = 0; k < diffs.length; k++) {
            long[] fc = new long[3];
            long[] fb = new long[3];
            for (int j = 0; j < t.length; j++) {
                int i = rnd.nextInt(t.length);
                count(fc, t[i], c[i]);
                count(fb, t[i], b[i]);
            }
            diffs[k] = f1(fc) - f1(fb);
        }
        Arrays.sort(diffs);
        Interval naive = new Interval(Stats.quantile(diffs, diffs.length, 0.025),
                Stats.quantile(diffs, diffs.length, 0.975));
        assertThat(r.ci().lower()).isCloseTo(naive.lower(), within(0.004));
        assertThat(r.ci().upper()).isCloseTo(naive.upper(), within(0.004));
        assertThat(r.value()).isBetween(r.ci().lower(), r.ci().upper());
    }

    private static void count(long[] f, boolean truth, boolean pred) {
        if (truth && pred) {
            f[0]++;
        } else if (pred) {
            f[1]++;
        } else if (truth) {
            f[2]++;
        }
    }

    private static double f1(long[] f) {
        return 2.0 * f[0] / (2.0 * f[0] + f[1] + f[2]);
    }

    @Test
    void nonInferiorityPassesWithinTheMarginAndFailsBeyondIt() {
        Dataset close = synthetic(20000, 0.101, 0.100, 5);
        CheckResult ok = Compare.candidate(Models.predictions("cand")).against(Models.predictions("base"))
                .on(close).metric("recall").margin(0.01).seed(1).evaluate();
        assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
        assertThat(ok.ci().lower()).isGreaterThanOrEqualTo(-0.01);
        Dataset worse = synthetic(20000, 0.16, 0.10, 5);
        CheckResult bad = Compare.candidate(Models.predictions("cand")).against(Models.predictions("base"))
                .on(worse).metric("recall").margin(0.01).seed(1).maxDisagreement(0.01).evaluate();
        assertThat(bad.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(bad.ci().lower()).isLessThan(-0.01);
        assertThat(bad.message()).startsWith("Expecting the candidate's recall to be at most 0.01 lower than the"
                + " baseline's (95% interval of candidate - baseline at least -0.01, decision: strict), but the"
                + " difference is -0.").contains("Expecting the models to disagree on at most 0.01 of the rows");
        CheckResult again = Compare.candidate(Models.predictions("cand")).against(Models.predictions("base"))
                .on(worse).metric("recall").margin(0.01).seed(1).maxDisagreement(0.01).evaluate();
        assertThat(again.ci()).isEqualTo(bad.ci());
    }

    @Test
    void fairnessHookGetsPerGroupCountsAndLowerIsBetter() throws Exception {
        // selection-rate gap between groups (F: rows 0,2,4,6,8; M: rows 1,3,5,7,9)
        // candidate selects F: rows 0,6,8 -> 3/5; M: rows 1,5 -> 2/5: gap 0.2
        // baseline selects F: 0,6,8 -> 3/5; M: 3,5 -> 2/5: gap 0.2 -> difference 0
        PairedMetric gap = new PairedMetric() {
            @Override
            public double value(long[][] counts) {
                double lo = 1;
                double hi = 0;
                for (long[] c : counts) {
                    double rate = (double) (c[0] + c[1]) / (c[0] + c[1] + c[2] + c[3]);
                    lo = Math.min(lo, rate);
                    hi = Math.max(hi, rate);
                }
                return hi - lo;
            }

            @Override
            public boolean higherIsBetter() {
                return false;
            }
        };
        CheckResult r = Compare.candidate(Models.predictions("cand")).against(Models.predictions("base"))
                .on(small()).metric("selection_rate_gap", gap).by("sex").margin(0.05).bootstrap(500).evaluate();
        assertThat(r.value()).isCloseTo(0.0, within(1e-12));
        assertThat(row(r, "model", "candidate").metric("selection_rate_gap")).isCloseTo(0.2, within(1e-12));
        assertThat(r.threshold().max()).isEqualTo(0.05);
        // 10 rows: the interval is wide, so strict non-inferiority cannot be shown
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains("at most 0.05 higher than the baseline's");
    }

    @Test
    void modelErrorsAndUndefinedMetricsAreErrors() throws Exception {
        Model broken = d -> {
            throw new IllegalStateException("connection refused");
        };
        CheckResult r = Compare.candidate(Models.predictions("cand")).against(broken).on(small()).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("connection refused");
        Dataset noPositivePredictions = Datasets.inMemory("np").categorical("y", "1", "0", "1")
                .categorical("a", "0", "0", "0").categorical("b", "1", "0", "0").label("y").positive("1").load();
        CheckResult u = Compare.candidate(Models.predictions("a")).against(Models.predictions("b"))
                .on(noPositivePredictions).metric("precision").evaluate();
        assertThat(u.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(u.message()).isEqualTo("precision is undefined on np for the candidate 'column:a'");
    }

    @Test
    void aJavaFunctionModelAgainstAPredictionsArtifact() throws Exception {
        // candidate predicts "1" for sex F only: F rows 0,2,4,6,8 -> tp rows 0,2,8; fp 4,6; M rows: fn 1,5
        Model bySex = Models.function("by-sex", row -> row.getString("sex").equals("F") ? "1" : "0");
        CheckResult r = Compare.candidate(bySex).against(Models.predictions("base")).on(small())
                .metric("accuracy").margin(1.0).seed(2).evaluate();
        // candidate accuracy: correct rows 0,2,3,7,8,9 = 6/10; baseline: 6/10 -> difference 0
        assertThat(row(r, "model", "candidate").metric("accuracy")).isEqualTo(0.6);
        assertThat(r.value()).isCloseTo(0.0, within(1e-12));
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(row(r, "model", "candidate").group().get("id")).isEqualTo("by-sex");
    }

    @Test
    void binomialSamplerHasTheBinomialMeanAndVariance() {
        var rng = Stats.rng(17, 1);
        for (long n : new long[] {20, 1000, 1_000_000}) {
            double p = 0.3;
            int draws = 4000;
            double sum = 0;
            double sq = 0;
            for (int k = 0; k < draws; k++) {
                long x = dev.assay.core.compare.internal.Multinomial.binomial(rng, n, p);
                assertThat(x).isBetween(0L, n);
                sum += x;
                sq += (double) x * x;
            }
            double mean = sum / draws;
            double var = sq / draws - mean * mean;
            double sd = Math.sqrt(n * p * (1 - p));
            // the sample mean is within 5 standard errors, the variance within 15%
            assertThat(mean).isCloseTo(n * p, within(5 * sd / Math.sqrt(draws)));
            assertThat(var).isCloseTo(n * p * (1 - p), within(0.15 * n * p * (1 - p)));
        }
        long[] out = new long[4];
        dev.assay.core.compare.internal.Multinomial.resample(rng, new long[] {0, 5, 0, 7}, out);
        assertThat(out[0]).isZero();
        assertThat(out[2]).isZero();
        assertThat(out[1] + out[3]).isEqualTo(12);
    }

    @Test
    void jointCellsRoundTripToConfusionCounts() {
        long[] cells = new long[8];
        cells[PairedBootstrap.cell(0, true, true, false)] = 3; // candidate tp, baseline fn
        cells[PairedBootstrap.cell(0, false, true, true)] = 2; // both fp
        assertThat(PairedBootstrap.confusion(cells, 1, true)[0]).containsExactly(3, 2, 0, 0);
        assertThat(PairedBootstrap.confusion(cells, 1, false)[0]).containsExactly(0, 2, 0, 3);
    }
}

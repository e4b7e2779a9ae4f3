package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Decision;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.Verdict;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bootstrap and Wilson intervals, the gap test, min-group-size and the decision rules. */
class FairnessIntervalsTest {
    private static final Model MODEL = Models.predictions("p");

    /** Two groups A and B of random size (each row is A with probability 1/2), selection rates pA and pB. */
    private static Dataset twoGroups(long seed, int n, double pA, double pB) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] g = new String[n];
        double[] y = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            boolean a = r.nextDouble() < 0.5;
            g[i] = a ? "A" : "B";
            p[i] = r.nextDouble() < (a ? pA : pB) ? 1 : 0;
            y[i] = r.nextDouble() < 0.5 ? 1 : 0;
        }
        return Datasets.inMemory("two-groups-" + seed).categorical("g", g).numeric("y", y).numeric("p", p)
                .label("y").load();
    }

    /**
     * Coverage: with a true selection-rate gap of 0.10 (0.30 vs 0.40) and true ratio 0.75, the 95% bootstrap
     * intervals (1000 resamples) cover the truth in about 95% of 300 seeds. Tolerance: 0.90 to 0.99, about three
     * binomial standard errors (sqrt(0.95 * 0.05 / 300) = 0.0126) either side, minus the percentile bootstrap's
     * known slight under-coverage at n = 2000.
     */
    @Test
    void bootstrapIntervalsCoverTheTrueGapInAbout95PercentOfSeeds() {
        int seeds = 300;
        int coveredDiff = 0;
        int coveredRatio = 0;
        for (int s = 0; s < seeds; s++) {
            Dataset d = twoGroups(1000 + s, 2000, 0.30, 0.40);
            Fairness.Builder b = Fairness.of(MODEL).on(d).by("g").seed(s).bootstrap(1000);
            FairnessReport r = b.metric("demographic_parity_difference").report();
            if (r.ci().contains(0.10)) {
                coveredDiff++;
            }
            Interval ratio = r.aggregate("selection_rate_ratio").orElseThrow().ci();
            if (ratio.contains(0.75)) {
                coveredRatio++;
            }
        }
        assertThat(coveredDiff / (double) seeds).as("coverage of the difference").isBetween(0.90, 0.99);
        assertThat(coveredRatio / (double) seeds).as("coverage of the ratio").isBetween(0.90, 0.99);
    }

    /** The cell bootstrap has the distribution of a plain row bootstrap (Fairlearn's), here done row by row. */
    @Test
    void cellBootstrapAgreesWithARowBootstrap() {
        Dataset d = twoGroups(7, 3000, 0.25, 0.45);
        Interval cells = Fairness.of(MODEL).on(d).by("g").seed(3).bootstrap(4000).metric("demographic_parity_difference")
                .report().ci();
        // row bootstrap by hand
        boolean[] a = new boolean[3000];
        boolean[] p = new boolean[3000];
        for (int i = 0; i < 3000; i++) {
            a[i] = d.column("g").stringValue(i).equals("A");
            p[i] = d.column("p").doubleValue(i) == 1;
        }
        SplittableRandom r = new SplittableRandom(99);
        double[] diffs = new double[4000];
        for (int b = 0; b < diffs.length; b++) {
            int nA = 0;
            int nB = 0;
            int sA = 0;
            int sB = 0;
            for (int i = 0; i < 3000; i++) {
                int k = r.nextInt(3000);
                if (a[k]) {
                    nA++;
                    sA += p[k] ? 1 : 0;
                } else {
                    nB++;
                    sB += p[k] ? 1 : 0;
                }
            }
            diffs[b] = Math.abs((double) sA / nA - (double) sB / nB);
        }
        Arrays.sort(diffs);
        double lo = diffs[(int) (0.025 * (diffs.length - 1))];
        double hi = diffs[(int) Math.ceil(0.975 * (diffs.length - 1))];
        assertThat(cells.lower()).isCloseTo(lo, within(0.006));
        assertThat(cells.upper()).isCloseTo(hi, within(0.006));
    }

    @Test
    void sameSeedSameIntervalsOtherSeedOtherIntervals() {
        Dataset d = twoGroups(11, 1000, 0.3, 0.4);
        Fairness.Builder b = Fairness.of(MODEL).on(d).by("g").metric("equalized_odds_difference");
        Interval first = b.seed(5).report().ci();
        assertThat(b.seed(5).report().ci()).isEqualTo(first);
        assertThat(b.seed(6).report().ci()).isNotEqualTo(first);
    }

    @Test
    void wilsonIntervalsForEveryRate() {
        Dataset d = twoGroups(13, 500, 0.3, 0.4);
        FairnessReport r = Fairness.of(MODEL).on(d).by("g").metric("selection_rate_difference").report();
        for (GroupResult g : r.groups()) {
            long n = g.n();
            long x = Math.round(g.metric("selection_rate") * n);
            double z = 1.959963984540054;
            double centre = (x + z * z / 2) / (n + z * z);
            double half = z / (n + z * z) * Math.sqrt((double) x * (n - x) / n + z * z / 4);
            Interval w = g.ci().get("selection_rate_wilson");
            assertThat(w.lower()).isCloseTo(centre - half, within(1e-9));
            assertThat(w.upper()).isCloseTo(centre + half, within(1e-9));
            assertThat(g.ci().get("selection_rate").contains(g.metric("selection_rate"))).isTrue();
        }
    }

    private static Dataset counts(int xA, int nA, int xB, int nB) {
        int n = nA + nB;
        String[] g = new String[n];
        double[] p = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean a = i < nA;
            g[i] = a ? "A" : "B";
            p[i] = a ? (i < xA ? 1 : 0) : (i - nA < xB ? 1 : 0);
            y[i] = i % 2;
        }
        return Datasets.inMemory("counts").categorical("g", g).numeric("y", y).numeric("p", p).label("y").load();
    }

    @Test
    void twoGroupGapTests() {
        // z test: 30/100 vs 50/100 -> z = -2.8868, p = 0.0038924 (scipy.stats.norm)
        FairnessReport.GapTest z = Fairness.of(MODEL).on(counts(30, 100, 50, 100)).by("g").bootstrap(0).report()
                .gapTest().orElseThrow();
        assertThat(z.test()).isEqualTo("two-proportion z test");
        assertThat(z.statistic()).isCloseTo(-2.886751345948129, within(1e-9));
        assertThat(z.pValue()).isCloseTo(0.003892417122778628, within(1e-9));
        // Fisher: 1/10 vs 6/10 -> p = 0.0572755 (scipy.stats.fisher_exact)
        FairnessReport.GapTest fisher = Fairness.of(MODEL).on(counts(1, 10, 6, 10)).by("g").minGroupSize(0)
                .bootstrap(0).report().gapTest().orElseThrow();
        assertThat(fisher.test()).isEqualTo("Fisher's exact test");
        assertThat(fisher.pValue()).isCloseTo(0.057275541795665644, within(1e-9));
    }

    @Test
    void smallGroupsAreListedAndExcludedOrFail() {
        // C has 10 rows with selection rate 1.0: it would dominate the gap if counted
        Dataset d = Datasets.inMemory("small").categorical("g", repeat("A", 100, "B", 100, "C", 10))
                .numeric("y", alternate(210)).numeric("p", concat(ones(30, 100), ones(40, 100), ones(10, 10)))
                .label("y").load();
        CheckResult excluded = Fairness.of(MODEL).on(d).by("g").metric("demographic_parity_difference").max(0.2)
                .bootstrap(200).evaluate();
        assertThat(excluded.verdict()).isEqualTo(Verdict.PASS);
        assertThat(excluded.value()).isCloseTo(0.1, within(1e-12));
        assertThat(excluded.message()).contains("g=C (n=10)");
        assertThat(excluded.groups()).filteredOn(g -> g.excluded() != null).extracting(GroupResult::label)
                .containsExactly("g=C");
        CheckResult failed = Fairness.of(MODEL).on(d).by("g").metric("demographic_parity_difference").max(0.2)
                .smallGroups("fail").bootstrap(200).evaluate();
        assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failed.message()).contains("at least 30 rows").contains("g=C (n=10)");
        CheckResult none = Fairness.of(MODEL).on(d).by("g").metric("demographic_parity_difference").max(0.2)
                .minGroupSize(1000).bootstrap(0).evaluate();
        assertThat(none.verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void decisionRules() {
        // gap 0.10 with a wide interval (n = 200 per group): max 0.15 passes on the point estimate, but the
        // interval reaches above 0.15 (strict fails) and below it (lenient passes)
        Dataset d = counts(60, 200, 80, 200);
        Fairness.Builder b = Fairness.of(MODEL).on(d).by("g").metric("demographic_parity_difference").max(0.15);
        CheckResult point = b.decision(Decision.POINT).evaluate();
        assertThat(point.value()).isCloseTo(0.1, within(1e-12));
        assertThat(point.ci().upper()).isGreaterThan(0.15);
        assertThat(point.verdict()).isEqualTo(Verdict.PASS);
        CheckResult strict = b.decision("strict").evaluate();
        assertThat(strict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(strict.message()).startsWith("Expecting demographic_parity_difference over the groups of [g] to be"
                + " at most 0.15 (decision: strict) but was 0.1 [")
                .contains("g=A (n=200): selection_rate 0.3 [").contains("g=B (n=200): selection_rate 0.4 [");
        assertThat(b.decision("lenient").max(0.05).evaluate().verdict()).isEqualTo(Verdict.PASS);
        assertThat(b.decision("lenient").max(0.0).evaluate().verdict()).isEqualTo(Verdict.FAIL);
    }

    private static String[] repeat(Object... valueAndCount) {
        int n = 0;
        for (int i = 1; i < valueAndCount.length; i += 2) {
            n += (Integer) valueAndCount[i];
        }
        String[] out = new String[n];
        int k = 0;
        for (int i = 0; i < valueAndCount.length; i += 2) {
            for (int j = 0; j < (Integer) valueAndCount[i + 1]; j++) {
                out[k++] = (String) valueAndCount[i];
            }
        }
        return out;
    }

    private static double[] alternate(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % 2;
        }
        return out;
    }

    private static double[] ones(int ones, int n) {
        double[] out = new double[n];
        Arrays.fill(out, 0, ones, 1);
        return out;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }
}

package dev.assay.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.internal.DriftStats;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Drift statistics against hand-worked values and against SciPy values recorded in drift_fixtures.json. */
class DriftStatsTest {
    static JsonNode fixtures() throws IOException {
        try (InputStream in = DriftStatsTest.class.getResourceAsStream("/data/drift_fixtures.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static double[] sorted(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        Arrays.sort(v);
        return v;
    }

    static long[] longs(JsonNode array) {
        long[] v = new long[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asLong();
        }
        return v;
    }

    @TestFactory
    List<DynamicTest> numericStatisticsMatchScipy() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fixtures().get("numeric")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                double[] a = sorted(c.get("reference"));
                double[] b = sorted(c.get("current"));
                assertThat(DriftStats.ksStatistic(a, b)).isCloseTo(c.get("ks_statistic").asDouble(), within(1e-12));
                assertThat(DriftStats.wasserstein(a, b)).isCloseTo(c.get("wasserstein").asDouble(), within(1e-9));
                // the one-pass version the drift check uses gives the same numbers
                double[] dw = DriftStats.ksAndWasserstein(a, b);
                assertThat(dw[0]).isCloseTo(c.get("ks_statistic").asDouble(), within(1e-12));
                assertThat(dw[1]).isCloseTo(c.get("wasserstein").asDouble(), within(1e-9));
                double[] edges = DriftStats.psiEdges(a);
                double psi = DriftStats.psi(DriftStats.binCounts(a, edges), DriftStats.binCounts(b, edges));
                assertThat(psi).isCloseTo(c.get("psi").asDouble(), within(1e-9));
                if (c.has("ks_p_value")) {
                    double[] ks = DriftStats.ksTest(a, b);
                    assertThat(ks[0]).isCloseTo(c.get("ks_statistic").asDouble(), within(1e-12));
                    double expected = c.get("ks_p_value").asDouble();
                    // exact p-values agree closely; the asymptotic ones differ by SciPy's rounding of n*m/(n+m)
                    String method = c.get("ks_method").asText();
                    double tol = method.equals("exact") ? 1e-6 * Math.max(1e-3, expected) + 1e-12
                            : method.equals("limit") ? 1e-12 : 0.003;
                    assertThat(ks[1]).isCloseTo(expected, within(tol));
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> categoricalStatisticsMatchScipy() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fixtures().get("categorical")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                long[] r = longs(c.get("reference"));
                long[] k = longs(c.get("current"));
                double[] chi = DriftStats.chiSquare(r, k);
                assertThat(chi[0]).isCloseTo(c.get("chi2").asDouble(), within(1e-9));
                assertThat(chi[1]).isCloseTo(c.get("chi2_p_value").asDouble(), within(1e-12));
                assertThat(DriftStats.jensenShannon(r, k)).isCloseTo(c.get("jensen_shannon").asDouble(),
                        within(1e-12));
            }));
        }
        return tests;
    }

    @Test
    void kolmogorovSurvivalFunctionMatchesKnownValues() {
        // scipy.special.kolmogorov: 1.0 -> 0.26999967167735456, 0.5 -> 0.9639452436648751, 2.0 -> 0.0006709252557797
        assertThat(DriftStats.kolmogorovSf(1.0)).isCloseTo(0.26999967167735456, within(1e-14));
        assertThat(DriftStats.kolmogorovSf(0.5)).isCloseTo(0.9639452436648751, within(1e-14));
        assertThat(DriftStats.kolmogorovSf(2.0)).isCloseTo(0.0006709252557796953, within(1e-16));
        assertThat(DriftStats.kolmogorovSf(0.0)).isEqualTo(1.0);
    }

    @Test
    void radixSortAgreesWithArraysSort() {
        radixSortAgreesWithArraysSortAt(50_000); // 11-bit digits
        radixSortAgreesWithArraysSortAt(300_000); // 16-bit digits (from 2^18 values)
        radixSortAgreesWithArraysSortAt(50_000); // a smaller array after a larger one: the reused buffers
    }

    private static void radixSortAgreesWithArraysSortAt(int n) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        double[] v = new double[n];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7 == 0 ? Math.round(rnd.nextGaussian())
                    : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-300, 300));
        }
        v[3] = Double.NEGATIVE_INFINITY;
        v[4] = Double.POSITIVE_INFINITY;
        v[5] = Double.MIN_VALUE;
        v[6] = -Double.MAX_VALUE;
        double[] expected = v.clone();
        Arrays.sort(expected);
        dev.assay.core.data.internal.Sorting.sort(v);
        assertThat(Arrays.equals(v, expected)).as("sorted like Arrays.sort, -0.0 before 0.0").isTrue();
    }

    @Test
    void countingSortOfTiedValuesAgreesWithArraysSort() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(6);
        double[] v = new double[200_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(rnd.nextGaussian() * 1000) / 1000.0;
        }
        v[7] = -0.0;
        v[8] = 0.0;
        v[9] = Double.NEGATIVE_INFINITY;
        double[] expected = v.clone();
        Arrays.sort(expected);
        dev.assay.core.data.internal.Sorting.sort(v);
        assertThat(Arrays.equals(v, expected)).as("sorted like Arrays.sort, -0.0 before 0.0").isTrue();
    }

    @Test
    void handWorkedWassersteinAndKs() {
        // F_a steps at 0,1,2,3 (quarters); F_b at 5,6,7,8: every unit of mass moves 5 -> W = 5, D = 1
        double[] a = {0, 1, 2, 3};
        double[] b = {5, 6, 7, 8};
        assertThat(DriftStats.wasserstein(a, b)).isEqualTo(5.0);
        assertThat(DriftStats.ksStatistic(a, b)).isEqualTo(1.0);
        // {0, 0, 1} vs {1}: F_a = 2/3 on [0, 1), F_b = 0 there -> W = 2/3; D = 2/3
        assertThat(DriftStats.wasserstein(new double[] {0, 0, 1}, new double[] {1})).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(DriftStats.ksStatistic(new double[] {0, 0, 1}, new double[] {1})).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(DriftStats.ksAndWasserstein(a, b)).containsExactly(1.0, 5.0);
        assertThat(DriftStats.ksAndWasserstein(new double[] {0, 0, 1}, new double[] {1}))
                .containsExactly(new double[] {2.0 / 3, 2.0 / 3}, within(1e-15));
    }

    @Test
    void handWorkedPsiWithEmptyBin() {
        // reference 50/50, current 100/0: (1 - .5) ln(1/.5) + (1e-4 - .5) ln(1e-4/.5)
        double expected = 0.5 * Math.log(2) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5);
        assertThat(DriftStats.psi(new long[] {50, 50}, new long[] {100, 0})).isCloseTo(expected, within(1e-12));
        assertThat(DriftStats.psi(new long[] {10, 30}, new long[] {20, 60})).isEqualTo(0.0);
    }

    @Test
    void psiEdgesAreDistinctDecilesAndOuterBinsAreOpen() {
        double[] ref = new double[100];
        for (int i = 0; i < 100; i++) {
            ref[i] = i < 95 ? 1 : 2; // deciles are all 1 except none: one distinct edge
        }
        assertThat(DriftStats.psiEdges(ref)).containsExactly(1.0);
        double[] constant = {3, 3, 3};
        assertThat(DriftStats.psiEdges(constant)).containsExactly(3.0, Math.nextUp(3.0));
        long[] counts = DriftStats.binCounts(new double[] {-5, 0.5, 1, 1, 7}, new double[] {1.0});
        assertThat(counts).containsExactly(2, 3);
    }

    @Test
    void handWorkedJensenShannon() {
        // disjoint supports: JS divergence = 1 bit, distance 1
        assertThat(DriftStats.jensenShannon(new long[] {1, 0}, new long[] {0, 1})).isEqualTo(1.0);
        // p = (1/2, 1/2), q = (1, 0): m = (3/4, 1/4); JSD = 1/2 [1/2 log2(2/3) + 1/2 log2(2) + log2(4/3)]
        double jsd = 0.5 * (0.5 * log2(0.5 / 0.75) + 0.5 * log2(0.5 / 0.25) + log2(1 / 0.75));
        assertThat(DriftStats.jensenShannon(new long[] {5, 5}, new long[] {3, 0})).isCloseTo(Math.sqrt(jsd),
                within(1e-15));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void handWorkedHolmAndBenjaminiHochberg() {
        double[] p = {0.01, 0.04, 0.03, 0.005};
        // Holm: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max
        assertThat(DriftStats.holm(p)).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
        // BH: p * 4 / rank = 0.02, 0.02, 0.04, 0.04 (ranks 1..4 of sorted), running min from the top
        assertThat(DriftStats.benjaminiHochberg(p)).containsExactly(new double[] {0.02, 0.04, 0.04, 0.02},
                within(1e-15));
    }
}

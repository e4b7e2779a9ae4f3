package dev.assay.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.assay.core.privacy.internal.BoundedSums;
import dev.assay.core.privacy.internal.SafeNoise;
import dev.assay.core.privacy.internal.Samplers;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReferenceMechanismsTest {
    private static RandomGenerator rng(long seed) {
        return new SplittableRandom(seed);
    }

    @Test
    void bernoulliExpHasMeanExpMinusGamma() {
        RandomGenerator r = rng(1);
        long[][] cases = {{1, 3}, {5, 2}, {0, 1}, {7, 7}};
        for (long[] c : cases) {
            int n = 200_000;
            int hits = 0;
            for (int i = 0; i < n; i++) {
                hits += Samplers.bernoulliExp(r, c[0], c[1]) ? 1 : 0;
            }
            double p = Math.exp(-(double) c[0] / c[1]);
            // 5 standard errors
            assertThat((double) hits / n).as("gamma=%s/%s", c[0], c[1])
                    .isCloseTo(p, offset(5 * Math.sqrt(p * (1 - p) / n) + 1e-9));
        }
    }

    @Test
    void discreteLaplaceHasTheRightPmf() {
        // scale 2: P(y) = (1 - e^{-1/2}) / (1 + e^{-1/2}) e^{-|y|/2}
        RandomGenerator r = rng(2);
        int n = 400_000;
        int[] counts = new int[41];
        for (int i = 0; i < n; i++) {
            long y = Samplers.discreteLaplace(r, 1, 2);
            if (Math.abs(y) <= 20) {
                counts[(int) y + 20]++;
            }
        }
        double q = Math.exp(-0.5);
        for (int y = -5; y <= 5; y++) {
            double p = (1 - q) / (1 + q) * Math.pow(q, Math.abs(y));
            assertThat((double) counts[y + 20] / n).as("P(%s)", y)
                    .isCloseTo(p, offset(5 * Math.sqrt(p / n)));
        }
    }

    @Test
    void discreteGaussianHasTheRightPmfAndVariance() {
        // sigma^2 = 9: P(y) ∝ exp(-y²/18); normaliser summed by hand over |y| <= 60
        RandomGenerator r = rng(3);
        double z = 0;
        for (int y = -60; y <= 60; y++) {
            z += Math.exp(-y * y / 18.0);
        }
        int n = 300_000;
        int zeros = 0;
        int threes = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            long y = Samplers.discreteGaussian(r, 9, 1);
            zeros += y == 0 ? 1 : 0;
            threes += y == 3 ? 1 : 0;
            sq += y * y;
        }
        double p0 = 1 / z;
        double p3 = Math.exp(-0.5) / z;
        assertThat((double) zeros / n).isCloseTo(p0, offset(5 * Math.sqrt(p0 / n)));
        assertThat((double) threes / n).isCloseTo(p3, offset(5 * Math.sqrt(p3 / n)));
        assertThat(sq / n).isCloseTo(9, offset(0.15));
    }

    @Test
    void safeLaplaceOutputsLieOnThePowerOfTwoGridWithLaplaceVariance() {
        RandomGenerator r = rng(4);
        double g = SafeNoise.laplaceGranularity(1, 0.5);
        assertThat(g).isEqualTo(0x1p-39); // 2/2^40 = 2^-39 is already a power of two
        int n = 200_000;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double out = i % 1000 == 0 ? SafeNoise.laplace(r, new BigDecimal(0.3), 1, 0.5)
                    : SafeNoise.laplace(r, 0.3, 1, 0.5);
            assertThat(out / g).as("multiple of the grid").isEqualTo(Math.rint(out / g));
            sq += (out - 0.3) * (out - 0.3);
        }
        // Laplace(scale 2) variance 8
        assertThat(sq / n).isCloseTo(8, offset(0.25));
    }

    @Test
    void releasesRecordTheirSpends() {
        PrivacyLedger ledger = Privacy.ledger(Accountant.basic(), 1e-5);
        DpRelease dp = Privacy.release(ledger, rng(5));
        dp.laplace(10, 1, 0.5);
        dp.count(100, 0.25);
        dp.boundedSum(new long[] {1, 2, 3}, 0, 10, 0.25);
        dp.gaussian(3.0, 1, 1, 1e-6);
        assertThat(ledger.spends()).extracting(PrivacySpend::mechanism)
                .containsExactly("laplace", "count", "bounded-sum", "gaussian");
        assertThat(ledger.totalEpsilon()).isCloseTo(2.0, offset(1e-12));
        assertThat(ledger.spends().get(3).noiseMultiplier()).isCloseTo(GaussianSigmaReference.SIGMA_1_1EM6,
                offset(1e-4));
        assertThat(ledger.describe()).contains("1. laplace [laplace] (sensitivity=1.0, epsilon=0.5)");
    }

    /** Analytic Gaussian sigma for (1, 1e-6) computed independently from Balle-Wang's delta by bisection in the test. */
    static final class GaussianSigmaReference {
        static final double SIGMA_1_1EM6 = sigma();

        static double sigma() {
            double lo = 1;
            double hi = 10;
            for (int i = 0; i < 100; i++) {
                double s = (lo + hi) / 2;
                double d = phi(0.5 / s - s) - Math.exp(1) * phi(-0.5 / s - s);
                if (d > 1e-6) {
                    lo = s;
                } else {
                    hi = s;
                }
            }
            return hi;
        }

        static double phi(double x) {
            return 0.5 * org.apache.commons.numbers.gamma.Erfc.value(-x / Math.sqrt(2));
        }
    }

    @Test
    void longSumDoesNotWrapAroundAtTheLimits() {
        // a naive `+` would wrap: Long.MAX_VALUE + Long.MAX_VALUE == -2
        long max = Long.MAX_VALUE;
        assertThat(max + max).isEqualTo(-2);
        assertThat(BoundedSums.clampedSum(new long[] {max, max, max}, 0, max)).isEqualTo(max);
        assertThat(BoundedSums.clampedSum(new long[] {-max, -max}, -max, max)).isEqualTo(Long.MIN_VALUE);
        // exact total back in range after an intermediate overflow
        assertThat(BoundedSums.clampedSum(new long[] {max, max, -max}, -max, max)).isEqualTo(max);
        // sensitivity holds for neighbours (one row removed) at the extremes, in every order
        long[][] datasets = {{max, max, -max, 5}, {max, 1, max}, {-max, -max, max}, {max - 1, 2, max}};
        for (long[] d : datasets) {
            long full = BoundedSums.clampedSum(d, -max, max);
            for (int drop = 0; drop < d.length; drop++) {
                long[] nb = new long[d.length - 1];
                for (int i = 0, j = 0; i < d.length; i++) {
                    if (i != drop) {
                        nb[j++] = d[i];
                    }
                }
                long diff = Math.abs(Math.subtractExact(full / 2, BoundedSums.clampedSum(nb, -max, max) / 2)) * 2;
                assertThat(diff).as("neighbours of %s", java.util.Arrays.toString(d)).isLessThanOrEqualTo(max);
            }
        }
        // clamping to [lower, upper] happens before adding
        assertThat(BoundedSums.clampedSum(new long[] {-50, 5, 500}, 0, 100)).isEqualTo(105);
    }

    @Test
    void longBoundsWithoutARepresentableSensitivityAreRefused() {
        assertThatThrownBy(() -> BoundedSums.sensitivity(Long.MIN_VALUE, 0)).hasMessageContaining("Long.MIN_VALUE");
        assertThatThrownBy(() -> BoundedSums.sensitivity(5, 1)).hasMessageContaining("above upper bound");
        assertThat(BoundedSums.sensitivity(-Long.MAX_VALUE, 3)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void noisyCountAndSumSaturateInsteadOfWrapping() {
        DpRelease dp = Privacy.release(Privacy.ledger(Accountant.basic(), 0), rng(6));
        for (int i = 0; i < 200; i++) {
            long c = dp.count(Long.MAX_VALUE, 1);
            assertThat(c).isGreaterThan(Long.MAX_VALUE - 1000);
        }
        assertThat(BoundedSums.saturatedAdd(Long.MAX_VALUE, 5)).isEqualTo(Long.MAX_VALUE);
        assertThat(BoundedSums.saturatedAdd(Long.MIN_VALUE, -5)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void doubleSumIsExactAndOrderIndependentAtTheLimits() {
        double big = Double.MAX_VALUE;
        // naive summation overflows to infinity and loses small terms depending on order
        assertThat(big + big).isInfinite();
        assertThat((1e16 + 1.0) + 1.0).isNotEqualTo(1e16 + (1.0 + 1.0));
        BigDecimal a = BoundedSums.clampedSum(new double[] {1e16, 1.0, 1.0}, -1e17, 1e17);
        BigDecimal b = BoundedSums.clampedSum(new double[] {1.0, 1.0, 1e16}, -1e17, 1e17);
        assertThat(a).isEqualByComparingTo(b).isEqualByComparingTo(new BigDecimal("10000000000000002"));
        BigDecimal huge = BoundedSums.clampedSum(new double[] {big, big, -big}, -big, big);
        assertThat(huge).isEqualByComparingTo(new BigDecimal(big));
        DpRelease dp = Privacy.release(Privacy.ledger(Accountant.basic(), 0), rng(7));
        double out = dp.boundedSum(new double[] {big, big}, -big, big, 1);
        assertThat(out).as("saturates at the double range").isFinite();
        assertThatThrownBy(() -> dp.boundedSum(new double[] {1, Double.NaN}, 0, 1, 1))
                .hasMessageContaining("index 1 is NaN");
        assertThatThrownBy(() -> dp.laplace(Double.POSITIVE_INFINITY, 1, 1)).hasMessageContaining("finite");
    }
}

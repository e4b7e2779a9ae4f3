package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.fairness.internal.FastBinomial;
import dev.assay.core.internal.Stats;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** The bootstrap's binomial sampler against the exact distribution (chi-square goodness of fit). */
class FastBinomialTest {
    private static void fits(int n, double p, long seed) {
        UniformRandomProvider rng = Stats.rng(seed, 1);
        int draws = 200_000;
        long[] hist = new long[n + 1];
        for (int i = 0; i < draws; i++) {
            long x = FastBinomial.sample(rng, n, p);
            assertThat(x).isBetween(0L, (long) n);
            hist[(int) x]++;
        }
        BinomialDistribution exact = BinomialDistribution.of(n, p);
        // pool the tails so that every bin expects at least 5 draws
        double chi2 = 0;
        int bins = 0;
        double expected = 0;
        long observed = 0;
        for (int k = 0; k <= n; k++) {
            expected += exact.probability(k) * draws;
            observed += hist[k];
            if (expected >= 5 && (k == n || exact.survivalProbability(k) * draws >= 5)) {
                chi2 += (observed - expected) * (observed - expected) / expected;
                bins++;
                expected = 0;
                observed = 0;
            }
        }
        if (expected > 0) {
            chi2 += (observed - expected) * (observed - expected) / expected;
            bins++;
        }
        double critical = ChiSquaredDistribution.of(bins - 1).inverseSurvivalProbability(1e-4);
        assertThat(chi2).as("chi-square of Binomial(" + n + ", " + p + ") over " + bins + " bins").isLessThan(critical);
    }

    @Test
    void inversionAndBtpeFollowTheBinomialDistribution() {
        fits(10, 0.3, 1);      // inversion
        fits(50, 0.7, 2);      // inversion of the complement
        fits(200, 0.45, 3);    // BTPE
        fits(1000, 0.93, 4);   // BTPE, p > 0.5
        fits(100_000, 0.2, 5); // BTPE, large n
    }

    @Test
    void multinomialKeepsTheTotalAndTheProportions() {
        UniformRandomProvider rng = Stats.rng(9, 9);
        long[] counts = {500_000, 0, 250_000, 125_000, 125_000};
        long[] out = new long[5];
        double[] mean = new double[5];
        for (int b = 0; b < 2000; b++) {
            FastBinomial.multinomial(rng, counts, 1_000_000, out);
            assertThat(out[0] + out[1] + out[2] + out[3] + out[4]).isEqualTo(1_000_000);
            assertThat(out[1]).isZero();
            for (int i = 0; i < 5; i++) {
                mean[i] += out[i] / 2000.0;
            }
        }
        // standard error of each mean is at most sqrt(250000 / 2000) ~ 11
        for (int i = 0; i < 5; i++) {
            assertThat(Math.abs(mean[i] - counts[i])).as("cell " + i).isLessThan(60);
        }
    }
}

package dev.assay.core.compare.internal;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/**
 * Exact multinomial resampling of cell counts by conditional binomials, with a binomial sampler whose cost grows
 * with {@code log n} rather than with the inverse-CDF search (which dominated a bootstrap of a million rows).
 */
public final class Multinomial {
    private static final int DIRECT = 32;

    private Multinomial() {
    }

    /**
     * Draws a multinomial resample of {@code counts} (total {@code n}, probabilities {@code counts[i] / n}) into
     * {@code out}.
     */
    public static void resample(UniformRandomProvider rng, long[] counts, long[] out) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        long left = n;
        long massLeft = n;
        for (int i = 0; i < counts.length; i++) {
            if (left == 0 || i == counts.length - 1 || massLeft == counts[i]) {
                out[i] = left;
                left = 0;
                massLeft -= counts[i];
                continue;
            }
            double q = (double) counts[i] / massLeft;
            long draw = counts[i] == 0 ? 0 : binomial(rng, left, q);
            out[i] = draw;
            left -= draw;
            massLeft -= counts[i];
        }
    }

    /**
     * An exact Binomial(n, p) variate by Knuth's recursion (TAOCP vol. 2, 3.4.1 F): the a-th smallest of n
     * uniforms is Beta(a, n + 1 - a) (two gamma variates); the count below {@code p} then recurses on one side, until
     * at most {@value #DIRECT} Bernoulli trials are left.
     */
    public static long binomial(UniformRandomProvider rng, long n, double p) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        long result = 0;
        while (n > DIRECT) {
            long a = 1 + n / 2;
            long b = 1 + n - a;
            double g1 = AhrensDieterMarsagliaTsangGammaSampler.of(rng, a, 1).sample();
            double g2 = AhrensDieterMarsagliaTsangGammaSampler.of(rng, b, 1).sample();
            double x = g1 / (g1 + g2);
            if (x >= p) {
                n = a - 1;
                p = p / x;
            } else {
                result += a;
                n = b - 1;
                p = (p - x) / (1 - x);
            }
        }
        for (long i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                result++;
            }
        }
        return result;
    }
}

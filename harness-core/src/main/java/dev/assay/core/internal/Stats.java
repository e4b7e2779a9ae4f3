package dev.assay.core.internal;

import dev.assay.core.Interval;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;

/** Interval estimates shared by the checks. */
public final class Stats {
    private Stats() {
    }

    /** Wilson score interval for {@code x} successes in {@code n} trials; {@code null} when {@code n == 0}. */
    public static Interval wilson(long x, long n, double confidence) {
        if (n <= 0) {
            return null;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n too large for the Wilson interval: " + n);
        }
        var ci = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate((int) n, (int) x, 1 - confidence);
        return new Interval(Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound()));
    }

    /**
     * Clopper-Pearson ("exact") interval for {@code x} successes in {@code n} trials, two-sided at {@code confidence};
     * the lower bound is 0 when {@code x == 0} and the upper bound 1 when {@code x == n}. {@code null} when
     * {@code n == 0}.
     */
    public static Interval clopperPearson(long x, long n, double confidence) {
        if (n <= 0) {
            return null;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n too large for the Clopper-Pearson interval: " + n);
        }
        var ci = BinomialConfidenceInterval.CLOPPER_PEARSON.fromErrorRate((int) n, (int) x, 1 - confidence);
        double lo = x == 0 ? 0 : Math.max(0, ci.getLowerBound());
        double hi = x == n ? 1 : Math.min(1, ci.getUpperBound());
        return new Interval(lo, hi);
    }

    /**
     * A seeded generator; {@code stream} separates independent uses of one seed (hash of a check id, say). The seed
     * and stream are scrambled with SplitMix64 before they become the generator's state, so nearby seeds (7, 8, ...)
     * give unrelated sequences from the first draw on (xoroshiro's raw state would not).
     */
    public static UniformRandomProvider rng(long seed, long stream) {
        long a = splitMix64(seed);
        long b = splitMix64(a ^ stream ^ 0x9E3779B97F4A7C15L);
        if (a == 0 && b == 0) {
            b = 0x9E3779B97F4A7C15L;
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {a, b});
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mix. */
    static long splitMix64(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit stable hash of a text (FNV-1a), to derive streams from names. */
    public static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * Draws a multinomial resample of {@code counts} (total {@code n}, probabilities {@code counts[i]/n}) into
     * {@code out}, by conditional binomials. Allocation-free apart from the samplers' own state.
     */
    public static void multinomial(UniformRandomProvider rng, long[] counts, long[] out) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        long left = n;
        double pLeft = 1.0;
        for (int i = 0; i < counts.length; i++) {
            if (left == 0 || i == counts.length - 1) {
                out[i] = left;
                left = 0;
                continue;
            }
            double p = n == 0 ? 0 : (double) counts[i] / n;
            double q = pLeft <= 0 ? 0 : Math.min(1, p / pLeft);
            long draw = q <= 0 ? 0 : q >= 1 ? left : binomial(rng, left, q);
            out[i] = draw;
            left -= draw;
            pLeft -= p;
        }
    }

    private static long binomial(UniformRandomProvider rng, long trials, double p) {
        if (trials > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many trials: " + trials);
        }
        return BinomialDistribution.of((int) trials, p).createSampler(rng).sample();
    }

    /** The {@code q}-quantile (linear interpolation) of {@code sorted[0..len)}. */
    public static double quantile(double[] sorted, int len, double q) {
        if (len == 0) {
            return Double.NaN;
        }
        double pos = q * (len - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, len - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}

package dev.assay.core.fairness.internal;

import dev.assay.core.Interval;
import dev.assay.core.internal.Stats;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A percentile bootstrap that resamples the cells, not the rows: every resample draws the row counts of all
 * sub-cells at once from a multinomial with the observed proportions (total fixed), which for count-based metrics
 * of unweighted data has exactly the distribution of a row bootstrap (Fairlearn's, which resamples all rows
 * without stratifying by group), and costs nothing per row.
 *
 * <p>Continuous sums (sample weights, scores, regression errors) are redrawn per sub-cell from the normal
 * approximation of the sum of {@code m} values drawn from that sub-cell: mean {@code m * s1 / n}, variance
 * {@code m * (s2 / n - (s1 / n)^2)}, clamped at zero for non-negative quantities.
 */
public final class CellBootstrap {
    private CellBootstrap() {
    }

    /**
     * Runs {@code resamples} resamples of {@code t} and evaluates {@code f} on each.
     *
     * @return {@code samples[output][resample]}
     */
    public static double[][] run(CellTable t, int resamples, UniformRandomProvider rng,
                                 Function<CellTable, double[]> f, int outputs) {
        double[][] out = new double[outputs][resamples];
        CellTable r = t.emptyCopy();
        long[] drawn = new long[t.size()];
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        boolean[] nonNegative = new boolean[t.accumulators()];
        for (int a = 0; a < nonNegative.length; a++) {
            nonNegative[a] = true;
            for (double v : t.sum1[a]) {
                if (v < 0) {
                    nonNegative[a] = false;
                    break;
                }
            }
        }
        long total = t.total();
        for (int b = 0; b < resamples; b++) {
            FastBinomial.multinomial(rng, t.n, total, drawn);
            for (int s = 0; s < drawn.length; s++) {
                long m = drawn[s];
                long n = t.n[s];
                r.n[s] = m;
                if (m == 0 || n == 0) {
                    r.w[s] = 0;
                    if (r.w2 != null) {
                        r.w2[s] = 0;
                    }
                    for (int a = 0; a < nonNegative.length; a++) {
                        r.sum1[a][s] = 0;
                        r.sum2[a][s] = 0;
                    }
                    continue;
                }
                if (t.w2 == null) {
                    r.w[s] = m;
                } else {
                    r.w[s] = Math.max(0, draw(gauss, m, n, t.w[s], t.w2[s]));
                    r.w2[s] = t.w2[s] * m / n;
                }
                for (int a = 0; a < nonNegative.length; a++) {
                    double v = draw(gauss, m, n, t.sum1[a][s], t.sum2[a][s]);
                    r.sum1[a][s] = nonNegative[a] ? Math.max(0, v) : v;
                    r.sum2[a][s] = t.sum2[a][s] * m / n;
                }
            }
            double[] v = f.apply(r);
            for (int o = 0; o < outputs; o++) {
                out[o][b] = v[o];
            }
        }
        return out;
    }

    private static double draw(ZigguratSampler.NormalizedGaussian g, long m, long n, double s1, double s2) {
        double mean = s1 / n;
        double var = Math.max(0, s2 / n - mean * mean);
        return m * mean + (var == 0 ? 0 : Math.sqrt(m * var) * g.sample());
    }

    /**
     * The percentile interval of the finite samples; {@code null} when fewer than half the resamples give a value
     * (the metric is then too often undefined for an interval to mean anything).
     */
    public static Interval percentile(double[] samples, double confidence) {
        double[] v = new double[samples.length];
        int len = 0;
        for (double s : samples) {
            if (!Double.isNaN(s) && !Double.isInfinite(s)) {
                v[len++] = s;
            }
        }
        if (len == 0 || len < samples.length / 2) {
            return null;
        }
        Arrays.sort(v, 0, len);
        double alpha = 1 - confidence;
        return new Interval(Stats.quantile(v, len, alpha / 2), Stats.quantile(v, len, 1 - alpha / 2));
    }
}

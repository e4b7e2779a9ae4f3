package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.robustness.internal.Fmt;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Adds Gaussian noise with standard deviation {@code scale} times the column's own standard deviation (sample
 * standard deviation over its non-missing values) to every value of a numeric column. Missing values stay missing.
 */
final class NumericNoise extends Perturbation.OfColumn {
    private final double scale;

    NumericNoise(String column, double scale) {
        super(column);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("noise scale must be a positive number, was " + scale);
        }
        this.scale = scale;
    }

    @Override
    public String describe() {
        return "noise " + column + " x" + Fmt.number(scale) + " sd";
    }

    @Override
    Column perturb(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
        requireNumeric(c, source, "noise");
        int n = c.size();
        double[] v = c.toDoubleArray();
        double mean = 0;
        long k = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                k++;
                mean += (x - mean) / k;
            }
        }
        double ss = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                ss += (x - mean) * (x - mean);
            }
        }
        double sd = k < 2 ? 0 : Math.sqrt(ss / (k - 1));
        if (!(sd > 0)) {
            throw new DataException(source + ": column '" + column + "' has no spread (standard deviation 0 over "
                    + k + " values), so noise scaled by it would change nothing");
        }
        double sigma = scale * sd;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(v[i])) {
                v[i] += sigma * gaussian(rng);
            }
        }
        constraints.enforce(column, v);
        return Column.numeric(column, v);
    }

    /** A standard normal draw (Box-Muller; one of the pair is used, for a simple, reproducible stream). */
    static double gaussian(UniformRandomProvider rng) {
        double u = 1.0 - rng.nextDouble(); // (0, 1]
        double w = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}

package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.robustness.internal.Fmt;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Sets the values of a numeric column beyond its bounds, by {@code factor} times the width of the range: below the
 * low bound ({@code min - factor * (max - min)}), above the high one ({@code max + factor * (max - min)}) or either,
 * drawn per row with probability 1/2 (seeded). The bounds are the ones given, or the smallest and largest value
 * observed in the column. Out-of-range values contradict a range constraint, so a column with one is refused; an
 * integer column gets whole numbers rounded outwards (down below, up above). Missing values stay missing.
 */
final class OutOfRange extends Perturbation.OfColumn {
    private final Perturbations.Side side;
    private final double factor;
    private final double min;
    private final double max;

    OutOfRange(String column, Perturbations.Side side, double factor, double min, double max) {
        super(column);
        this.side = java.util.Objects.requireNonNull(side, "side");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("out-of-range factor must be a positive number, was " + factor);
        }
        if (!Double.isNaN(min) || !Double.isNaN(max)) {
            if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
                throw new IllegalArgumentException("out-of-range bounds of column '" + column + "': expected finite"
                        + " min < max, was " + min + " and " + max);
            }
        }
        this.factor = factor;
        this.min = min;
        this.max = max;
    }

    @Override
    public String describe() {
        return "out-of-range " + column + " " + side.name().toLowerCase(Locale.ROOT) + " x" + Fmt.number(factor)
                + (Double.isNaN(min) ? "" : " [" + Fmt.number(min) + ", " + Fmt.number(max) + "]");
    }

    @Override
    Column perturb(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
        requireNumeric(c, source, "out-of-range");
        double[] range = constraints.rangeOf(column);
        if (range != null) {
            throw new IllegalArgumentException("column '" + column + "' has a range constraint [" + Fmt.number(range[0])
                    + ", " + Fmt.number(range[1]) + "], but the perturbation '" + describe() + "' puts values"
                    + " outside it");
        }
        double[] v = c.toDoubleArray();
        double[] b = BoundaryValues.bounds(v, column, source, min, max, null, "out-of-range");
        double width = b[1] - b[0];
        if (!(width > 0)) {
            throw new DataException(source + ": out-of-range needs a spread of values in column '" + column
                    + "', but all are " + Fmt.number(b[0]));
        }
        boolean integer = constraints.isInteger(column);
        double low = b[0] - factor * width;
        double high = b[1] + factor * width;
        if (integer) {
            low = Math.floor(low);
            high = Math.ceil(high);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                v[i] = BoundaryValues.pickLow(side, rng) ? low : high;
            }
        }
        return Column.numeric(column, v);
    }
}

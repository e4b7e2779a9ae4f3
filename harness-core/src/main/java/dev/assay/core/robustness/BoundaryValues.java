package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.robustness.internal.Fmt;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Sets the values of a numeric column to its bounds: the low bound, the high bound, or either one drawn per row with
 * probability 1/2 (seeded). The bounds are, in this order of precedence: the ones given to
 * {@link Perturbations#boundary(String, Perturbations.Side, double, double)}, the column's range constraint (when both
 * of its limits are finite), or the smallest and largest value observed in the column. The constraints still apply
 * (an integer column gets whole numbers, a range clamps). Missing values stay missing.
 */
final class BoundaryValues extends Perturbation.OfColumn {
    private final Perturbations.Side side;
    private final double min;
    private final double max;

    BoundaryValues(String column, Perturbations.Side side, double min, double max) {
        super(column);
        this.side = java.util.Objects.requireNonNull(side, "side");
        if (!Double.isNaN(min) || !Double.isNaN(max)) {
            if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
                throw new IllegalArgumentException("boundary of column '" + column + "': expected finite min <= max,"
                        + " was " + min + " and " + max);
            }
        }
        this.min = min;
        this.max = max;
    }

    @Override
    public String describe() {
        return "boundary " + column + " " + side.name().toLowerCase(Locale.ROOT)
                + (Double.isNaN(min) ? "" : " [" + Fmt.number(min) + ", " + Fmt.number(max) + "]");
    }

    @Override
    Column perturb(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
        requireNumeric(c, source, "boundary");
        double[] v = c.toDoubleArray();
        double[] b = bounds(v, column, source, min, max, constraints.rangeOf(column), "boundary");
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                v[i] = pickLow(side, rng) ? b[0] : b[1];
            }
        }
        constraints.enforce(column, v);
        return Column.numeric(column, v);
    }

    /** Whether this row goes to the low side. */
    static boolean pickLow(Perturbations.Side side, UniformRandomProvider rng) {
        return switch (side) {
            case LOW -> true;
            case HIGH -> false;
            case EITHER -> rng.nextBoolean();
        };
    }

    /** The given bounds, else the finite range constraint, else the observed min and max of {@code v}. */
    static double[] bounds(double[] v, String column, String source, double min, double max, double[] range,
                           String what) {
        if (!Double.isNaN(min)) {
            return new double[] {min, max};
        }
        if (range != null && !Double.isInfinite(range[0]) && !Double.isInfinite(range[1])) {
            return range;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (x < lo) {
                lo = x;
            }
            if (x > hi) {
                hi = x;
            }
        }
        if (lo > hi) {
            throw new DataException(source + ": " + what + " needs observed values in column '" + column
                    + "', but all " + v.length + " are missing");
        }
        return new double[] {lo, hi};
    }
}

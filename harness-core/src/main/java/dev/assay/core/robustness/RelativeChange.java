package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.robustness.internal.Fmt;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Multiplies every value of a numeric column by {@code 1 + change}: {@code change = 0.10} raises every value by 10%,
 * {@code -0.01} lowers it by 1%. Deterministic; missing values stay missing.
 */
final class RelativeChange extends Perturbation.OfColumn {
    private final double change;

    RelativeChange(String column, double change) {
        super(column);
        if (change == 0 || Double.isNaN(change) || Double.isInfinite(change)) {
            throw new IllegalArgumentException("relative change must be a non-zero number, was " + change);
        }
        this.change = change;
    }

    @Override
    public String describe() {
        return "relative " + column + " " + (change > 0 ? "+" : "") + Fmt.number(change * 100) + "%";
    }

    @Override
    Column perturb(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
        requireNumeric(c, source, "relative");
        double[] v = c.toDoubleArray();
        double factor = 1 + change;
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        constraints.enforce(column, v);
        return Column.numeric(column, v);
    }
}

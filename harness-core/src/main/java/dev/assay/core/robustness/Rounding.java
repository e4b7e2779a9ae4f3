package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.robustness.internal.Fmt;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Rounds every value of a numeric column to the nearest multiple of {@code step} (ties of the
 * quotient, by {@link Math#rint}: ties to even). Deterministic; missing values stay missing.
 */
final class Rounding extends Perturbation.OfColumn {
    private final double step;

    Rounding(String column, double step) {
        super(column);
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("rounding step must be a positive number, was " + step);
        }
        this.step = step;
    }

    @Override
    public String describe() {
        return "round " + column + " to " + Fmt.number(step);
    }

    @Override
    Column perturb(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
        requireNumeric(c, source, "round");
        double[] v = c.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.rint(v[i] / step) * step;
        }
        constraints.enforce(column, v);
        return Column.numeric(column, v);
    }
}

package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.robustness.internal.Fmt;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Makes values of a column missing: every value ({@code fraction = 1}) or each value independently with probability
 * {@code fraction} (seeded).
 */
final class SetMissing extends Perturbation.OfColumn {
    private final double fraction;

    SetMissing(String column, double fraction) {
        super(column);
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("missing fraction must be in (0, 1], was " + fraction);
        }
        this.fraction = fraction;
    }

    @Override
    public String describe() {
        return "missing " + column + (fraction < 1 ? " " + Fmt.number(fraction * 100) + "%" : "");
    }

    @Override
    Column perturb(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
        if (c.isNumeric()) {
            double[] v = c.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                if (fraction >= 1 || rng.nextDouble() < fraction) {
                    v[i] = Double.NaN;
                }
            }
            return Column.numeric(column, v);
        }
        int[] codes = c.toCodeArray();
        for (int i = 0; i < codes.length; i++) {
            if (fraction >= 1 || rng.nextDouble() < fraction) {
                codes[i] = -1;
            }
        }
        return Column.categorical(column, codes, c.dictionary());
    }
}

package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Gives every row of a categorical column a different value of that column: the other value when the column has
 * two (for example the other sex, a counterfactual for fairness), otherwise a value drawn uniformly from the others.
 * Missing values stay missing. The dictionary is kept, so only the codes are a new array.
 */
final class CategoricalSwap extends Perturbation.OfColumn {
    CategoricalSwap(String column) {
        super(column);
    }

    @Override
    public String describe() {
        return "swap " + column;
    }

    @Override
    Column perturb(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
        requireCategorical(c, source, "swap");
        int k = c.dictionary().size();
        if (k < 2) {
            throw new DataException(source + ": swap needs at least two values in column '" + column + "', found "
                    + k + (k == 1 ? " ('" + c.dictionary().get(0) + "')" : ""));
        }
        int[] codes = c.toCodeArray();
        if (k == 2) {
            for (int i = 0; i < codes.length; i++) {
                int code = codes[i];
                codes[i] = code ^ (~code >>> 31); // 0 <-> 1, a missing -1 stays: one branch-free pass
            }
            return Column.categorical(column, codes, c.dictionary());
        }
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i];
            if (code >= 0) {
                int r = rng.nextInt(k - 1);
                codes[i] = r >= code ? r + 1 : r;
            }
        }
        return Column.categorical(column, codes, c.dictionary());
    }
}

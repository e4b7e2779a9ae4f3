package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.internal.TrustedColumns;
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
        return perturbReporting(c, source, constraints, rng).column();
    }

    /**
     * Every non-missing row changes (its code is replaced by another code of the same dictionary), so the changed
     * rows are known without comparing: all rows, or the non-missing ones. The new codes are valid by construction
     * (from valid codes of {@code c}), so the column is made without checking them again.
     */
    @Override
    Reported perturbReporting(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
        requireCategorical(c, source, "swap");
        int k = c.dictionary().size();
        if (k < 2) {
            throw new DataException(source + ": swap needs at least two values in column '" + column + "', found "
                    + k + (k == 1 ? " ('" + c.dictionary().get(0) + "')" : ""));
        }
        int n = c.size();
        int[] codes = new int[n];
        int missing = 0;
        if (k == 2) {
            for (int i = 0; i < n; i++) { // one branch-free pass: read, swap 0 <-> 1 (a missing -1 stays), count -1s
                int code = c.code(i);
                codes[i] = code ^ (~code >>> 31);
                missing += code >>> 31;
            }
        } else {
            for (int i = 0; i < n; i++) {
                int code = c.code(i);
                if (code >= 0) {
                    int r = rng.nextInt(k - 1);
                    codes[i] = r >= code ? r + 1 : r;
                } else {
                    codes[i] = code;
                    missing++;
                }
            }
        }
        Column out = TrustedColumns.withCodes(c, column, codes);
        if (missing == 0) {
            return new Reported(out, ChangedRows.all(n));
        }
        boolean[] changed = new boolean[n];
        for (int i = 0; i < n; i++) {
            changed[i] = codes[i] >= 0;
        }
        return new Reported(out, ChangedRows.of(changed));
    }
}

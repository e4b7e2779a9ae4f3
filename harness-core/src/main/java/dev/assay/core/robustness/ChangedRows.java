package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import java.util.List;
import java.util.Objects;

/**
 * The rows a perturbation changed: those where a perturbed column's value differs from the original one (numbers
 * compared with {@link Double#compare}, so a missing value made missing again is unchanged; categories compared by
 * value). Either every row ({@link #all}) or a mask.
 */
final class ChangedRows {
    /** {@code null} when every row changed. */
    private final boolean[] mask;
    private final int count;
    private final int rows;

    private ChangedRows(boolean[] mask, int count, int rows) {
        this.mask = mask;
        this.count = count;
        this.rows = rows;
    }

    /** Every one of {@code rows} rows changed. */
    static ChangedRows all(int rows) {
        return new ChangedRows(null, rows, rows);
    }

    /** The rows set in {@code mask} (used as is, not copied). */
    static ChangedRows of(boolean[] mask) {
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        return count == mask.length ? all(mask.length) : new ChangedRows(mask, count, mask.length);
    }

    /** The rows of {@code base} where one of {@code columns} differs in {@code perturbed}, found by comparing. */
    static ChangedRows diff(Dataset base, Dataset perturbed, List<String> columns) {
        boolean[] changed = new boolean[base.rows()];
        for (String c : columns) {
            Column a = base.column(c);
            Column b = perturbed.column(c);
            // a text perturbation builds a new dictionary: compare the values, not the codes
            if (a.isNumeric()) {
                for (int i = 0; i < changed.length; i++) {
                    changed[i] |= Double.compare(a.doubleValue(i), b.doubleValue(i)) != 0;
                }
            } else if (a.dictionary().equals(b.dictionary())) {
                for (int i = 0; i < changed.length; i++) {
                    changed[i] |= a.code(i) != b.code(i);
                }
            } else {
                for (int i = 0; i < changed.length; i++) {
                    if (!changed[i]) {
                        changed[i] = !Objects.equals(a.stringValue(i), b.stringValue(i));
                    }
                }
            }
        }
        return of(changed);
    }

    /** Whether row {@code i} changed. */
    boolean has(int i) {
        return mask == null || mask[i];
    }

    /** Whether every row changed. */
    boolean isAll() {
        return mask == null;
    }

    /** How many rows changed. */
    int count() {
        return count;
    }

    /** A copy of the mask: one flag per row. */
    boolean[] toArray() {
        if (mask == null) {
            boolean[] m = new boolean[rows];
            java.util.Arrays.fill(m, true);
            return m;
        }
        return mask.clone();
    }
}

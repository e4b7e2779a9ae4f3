package dev.assay.core.robustness.internal;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/** Builds datasets from columns: replaced columns, row subsets. */
public final class Frames {
    private Frames() {
    }

    /** A dataset with {@code columns} (same rows as {@code like}) and {@code like}'s roles, called {@code name}. */
    public static Dataset replace(Dataset like, List<Column> columns, String name) {
        if (columns.size() == like.columns().size() && columns.stream().allMatch(c -> like.hasColumn(c.name())
                && c.size() == like.rows())) {
            return like.replacing(name, columns); // same rows: no copy, no re-hashing of every value
        }
        Datasets.InMemory b = Datasets.inMemory(name).label(like.label().orElse(null))
                .positive(like.positive().orElse(null)).sensitive(like.sensitive());
        for (Column c : columns) {
            b.column(c);
        }
        return b.load();
    }

    /**
     * {@code n} distinct rows of {@code rows} drawn without replacement (partial Fisher-Yates), in ascending order;
     * all rows when {@code n >= rows}.
     */
    public static int[] sample(int rows, int n, UniformRandomProvider rng) {
        int[] idx = new int[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = i;
        }
        if (n >= rows) {
            return idx;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(rows - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, n);
        Arrays.sort(out);
        return out;
    }

    /** The rows {@code rows} of {@code data}, in that order. */
    public static Dataset subset(Dataset data, int[] rows) {
        List<Column> cols = new ArrayList<>();
        for (Column c : data.columns()) {
            if (c.isNumeric()) {
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = c.doubleValue(rows[i]);
                }
                cols.add(Column.numeric(c.name(), v));
            } else {
                int[] codes = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    codes[i] = c.code(rows[i]);
                }
                cols.add(Column.categorical(c.name(), codes, c.dictionary()));
            }
        }
        return replace(data, cols, data.source() + " (" + rows.length + " sampled rows)");
    }
}

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

    /**
     * A dataset called {@code name} with one row per map (column to value, {@code null} = missing), for cases given
     * as values. A column {@code like} has keeps its type there (a value that is not a number in a numeric column is
     * an error naming the case and column); another column is numeric when all its values are numbers. Columns come
     * in {@code like}'s order, then in order of first appearance.
     *
     * @param what names row {@code i} in errors, such as {@code "case 3"}
     */
    public static Dataset fromMaps(String name, List<java.util.Map<String, String>> rows, Dataset like,
                                   java.util.function.IntFunction<String> what) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        rows.forEach(m -> used.addAll(m.keySet()));
        if (like != null) {
            for (String c : like.columnNames()) {
                if (used.contains(c)) {
                    names.add(c);
                }
            }
        }
        rows.forEach(m -> names.addAll(m.keySet()));
        Datasets.InMemory b = Datasets.inMemory(name);
        if (like != null) {
            b.label(like.label().filter(names::contains).orElse(null)).positive(like.positive().orElse(null));
        }
        for (String c : names) {
            boolean numeric;
            if (like != null && like.hasColumn(c)) {
                numeric = like.column(c).isNumeric();
            } else {
                numeric = true;
                for (java.util.Map<String, String> m : rows) {
                    String v = m.get(c);
                    if (v != null && parse(v) == null) {
                        numeric = false;
                        break;
                    }
                }
            }
            if (numeric) {
                double[] v = new double[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    String t = rows.get(i).get(c);
                    Double d = t == null ? Double.valueOf(Double.NaN) : parse(t);
                    if (d == null) {
                        throw new dev.assay.core.DataException(what.apply(i) + ": column '" + c
                                + "' is numeric, but the value is not a number");
                    }
                    v[i] = d;
                }
                b.numeric(c, v);
            } else {
                String[] v = new String[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rows.get(i).get(c);
                }
                b.categorical(c, v);
            }
        }
        return b.load();
    }

    private static Double parse(String t) {
        try {
            double d = Double.parseDouble(t.strip());
            return Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

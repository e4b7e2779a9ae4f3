package dev.assay.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One typed, columnar column of a {@link Dataset}: primitive arrays, no per-row objects.
 *
 * <p>Numeric columns hold {@code double}s ({@code NaN} = missing). Categorical columns hold dictionary codes
 * ({@code -1} = missing) into {@link #dictionary()}, in order of first appearance.
 */
public final class Column {
    private final String name;
    private final ColumnType type;
    private final double[] numbers;
    private final int[] codes;
    private final List<String> dictionary;

    static { // the trusted path for codes made valid by Assay itself (a swap of valid codes): no second check
        dev.assay.core.internal.TrustedColumns.install((name, codes, dictionary) ->
                new Column(name, ColumnType.CATEGORICAL, null, Objects.requireNonNull(codes, "codes"),
                        List.copyOf(dictionary)));
    }

    private Column(String name, ColumnType type, double[] numbers, int[] codes, List<String> dictionary) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.numbers = numbers;
        this.codes = codes;
        this.dictionary = dictionary;
    }

    /** A numeric column; the array is used as is (not copied). */
    public static Column numeric(String name, double[] values) {
        return new Column(name, ColumnType.NUMERIC, Objects.requireNonNull(values, "values"), null, null);
    }

    /** A categorical column from dictionary codes ({@code -1} = missing) and the dictionary; arrays are not copied. */
    public static Column categorical(String name, int[] codes, List<String> dictionary) {
        Objects.requireNonNull(codes, "codes");
        List<String> dict = List.copyOf(dictionary);
        int min = 0;
        int max = -1;
        for (int code : codes) { // a branch-free pass; the row is looked for only when a code is out of range
            min = Math.min(min, code);
            max = Math.max(max, code);
        }
        if (min < -1 || max >= dict.size()) {
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] < -1 || codes[i] >= dict.size()) {
                    throw new IllegalArgumentException("code " + codes[i] + " at row " + i + " of column '" + name
                            + "' is outside the dictionary of " + dict.size() + " values");
                }
            }
        }
        return new Column(name, ColumnType.CATEGORICAL, null, codes, dict);
    }

    /** A categorical column from strings ({@code null} = missing). */
    public static Column categorical(String name, String... values) {
        var encoder = new dev.assay.core.internal.DictionaryEncoder();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = values[i] == null ? -1 : encoder.encode(values[i]);
        }
        return new Column(name, ColumnType.CATEGORICAL, null, codes, encoder.dictionary());
    }

    /** The column's name. */
    public String name() {
        return name;
    }

    /** Numeric or categorical. */
    public ColumnType type() {
        return type;
    }

    /** The number of rows. */
    public int size() {
        return numbers != null ? numbers.length : codes.length;
    }

    /** Whether the column holds numbers. */
    public boolean isNumeric() {
        return type == ColumnType.NUMERIC;
    }

    /** Whether the value at {@code row} is missing. */
    public boolean isMissing(int row) {
        return numbers != null ? Double.isNaN(numbers[row]) : codes[row] < 0;
    }

    /** The number at {@code row}; for a categorical column, the value parsed as a number ({@code NaN} if it is none). */
    public double doubleValue(int row) {
        if (numbers != null) {
            return numbers[row];
        }
        int c = codes[row];
        if (c < 0) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(dictionary.get(c));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The dictionary code at {@code row} of a categorical column, {@code -1} when missing. */
    public int code(int row) {
        requireCategorical();
        return codes[row];
    }

    /** The distinct values of a categorical column, indexed by code; empty for a numeric column. */
    public List<String> dictionary() {
        return dictionary == null ? Collections.emptyList() : dictionary;
    }

    /** The value at {@code row} as text ({@code null} when missing); whole numbers print without a fraction. */
    public String stringValue(int row) {
        if (numbers != null) {
            double v = numbers[row];
            return Double.isNaN(v) ? null : formatNumber(v);
        }
        int c = codes[row];
        return c < 0 ? null : dictionary.get(c);
    }

    /** How many values are missing. */
    public int missingCount() {
        int n = 0;
        for (int i = 0, s = size(); i < s; i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }

    /** The first missing row, or {@code -1}. */
    public int firstMissing() {
        for (int i = 0, s = size(); i < s; i++) {
            if (isMissing(i)) {
                return i;
            }
        }
        return -1;
    }

    /** A copy of the raw numbers of a numeric column. */
    public double[] toDoubleArray() {
        if (numbers != null) {
            return numbers.clone();
        }
        double[] out = new double[codes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubleValue(i);
        }
        return out;
    }

    /** A copy of the codes of a categorical column. */
    public int[] toCodeArray() {
        requireCategorical();
        return codes.clone();
    }

    /** Canonical text of a number: {@code 1} rather than {@code 1.0}, otherwise Java's shortest repr. */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private void requireCategorical() {
        if (codes == null) {
            throw new IllegalStateException("column '" + name + "' is numeric, not categorical");
        }
    }

    @Override
    public String toString() {
        return "Column[" + name + ", " + type + ", " + size() + " rows"
                + (dictionary != null ? ", " + dictionary.size() + " values" : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Column)) {
            return false;
        }
        Column c = (Column) o;
        return name.equals(c.name) && type == c.type && Arrays.equals(numbers, c.numbers)
                && Arrays.equals(codes, c.codes) && Objects.equals(dictionary, c.dictionary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, size());
    }
}

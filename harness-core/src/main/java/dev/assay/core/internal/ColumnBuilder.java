package dev.assay.core.internal;

import dev.assay.core.Column;
import dev.assay.core.ColumnType;
import java.util.Arrays;

/**
 * Accumulates the text cells of one column and decides its type at the end: numeric when every present value
 * parses as a finite or infinite number, otherwise categorical. Keeps the dictionary so the original text survives.
 */
public final class ColumnBuilder {
    private final String name;
    private final ColumnType forced;
    private final DictionaryEncoder encoder = new DictionaryEncoder();
    private int[] codes = new int[1024];
    private double[] numbers = new double[1024];
    private boolean numeric = true;
    private int size;

    public ColumnBuilder(String name, ColumnType forced) {
        this.name = name;
        this.forced = forced;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    public void addMissing() {
        ensure();
        codes[size] = -1;
        numbers[size] = Double.NaN;
        size++;
    }

    public void add(String value) {
        ensure();
        codes[size] = encoder.encode(value);
        if (numeric && forced != ColumnType.CATEGORICAL) {
            double d = parse(value);
            if (Double.isNaN(d)) {
                numeric = false;
            } else {
                numbers[size] = d;
            }
        }
        size++;
    }

    /** Whether every value so far parsed as a number. */
    public boolean isNumericSoFar() {
        return numeric && forced != ColumnType.CATEGORICAL;
    }

    public Column build() {
        ColumnType type = forced != null ? forced : (numeric && encoder.size() > 0 ? ColumnType.NUMERIC
                : ColumnType.CATEGORICAL);
        if (type == ColumnType.NUMERIC) {
            if (!numeric) {
                throw new IllegalStateException("column '" + name + "' has values that are not numbers");
            }
            return Column.numeric(name, Arrays.copyOf(numbers, size));
        }
        return Column.categorical(name, Arrays.copyOf(codes, size), encoder.dictionary());
    }

    /** The first row whose value is not a number, or -1. */
    public int firstNonNumericRow() {
        for (int i = 0; i < size; i++) {
            if (codes[i] >= 0 && Double.isNaN(parse(encoder.dictionary().get(codes[i])))) {
                return i;
            }
        }
        return -1;
    }

    private void ensure() {
        if (size == codes.length) {
            int n = codes.length * 2;
            codes = Arrays.copyOf(codes, n);
            numbers = Arrays.copyOf(numbers, n);
        }
    }

    /** Parses a decimal number; NaN when the text is not one (the literal "NaN" is not accepted as a number). */
    static double parse(String s) {
        int len = s.length();
        if (len == 0 || len > 64) {
            return Double.NaN;
        }
        char c0 = s.charAt(0);
        if (!(c0 >= '0' && c0 <= '9') && c0 != '-' && c0 != '+' && c0 != '.') {
            if (s.equals("Infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            return Double.NaN;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                if (s.endsWith("Infinity") && (c0 == '-' || c0 == '+') && len == 9) {
                    return c0 == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}

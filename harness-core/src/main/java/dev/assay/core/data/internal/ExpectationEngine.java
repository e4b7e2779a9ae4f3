package dev.assay.core.data.internal;

import dev.assay.core.Column;
import dev.assay.core.ColumnType;
import dev.assay.core.Threshold;
import dev.assay.core.internal.Fmt;
import dev.assay.core.internal.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Evaluates column expectations in one pass over each column: every row-level expectation of a column is tested
 * in the same loop, which also collects the numbers that the median and quantiles need.
 */
public final class ExpectationEngine {
    /** How many failing rows an outcome lists. */
    public static final int EXAMPLES = 5;

    private ExpectationEngine() {
    }

    /**
     * @param lookup a column by name, {@code null} when absent
     * @param rows the number of rows
     * @param locate where a row is, for messages
     */
    public static List<Outcome> evaluate(Function<String, Column> lookup, int rows, IntFunction<String> locate,
                                         Threshold rowCount, List<ColumnSpec> specs, List<List<String>> sumToOne,
                                         double tolerance) {
        List<Outcome> out = new ArrayList<>();
        if (rowCount != null) {
            boolean ok = rowCount.accepts(rows);
            out.add(new Outcome("row count " + rowCount.describe(), null, rows, null, rows, ok,
                    ok ? null : "there are " + rows + " rows", List.of()));
        }
        for (ColumnSpec spec : specs) {
            Column c = lookup.apply(spec.column());
            if (c == null) {
                out.add(new Outcome(spec.column() + ": present", spec.column(), 0, null, Double.NaN, false,
                        "there is no column '" + spec.column() + "'", List.of()));
                continue;
            }
            out.add(new Outcome(spec.column() + ": present", spec.column(), rows, null, Double.NaN, true, null,
                    List.of()));
            new ColumnPass(spec, c, rows, locate).run(out);
        }
        for (List<String> group : sumToOne) {
            out.add(sumToOne(lookup, rows, locate, group, tolerance));
        }
        return out;
    }

    private static Outcome sumToOne(Function<String, Column> lookup, int rows, IntFunction<String> locate,
                                    List<String> names, double tolerance) {
        String what = "probabilities " + names + " sum to 1 (tolerance " + Fmt.number(tolerance) + ")";
        Column[] cols = new Column[names.size()];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = lookup.apply(names.get(k));
            if (cols[k] == null) {
                return new Outcome(what, null, 0, null, Double.NaN, false,
                        "there is no column '" + names.get(k) + "'", List.of());
            }
        }
        Recorder r = new Recorder(locate);
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (Column c : cols) {
                s += c.doubleValue(i);
            }
            if (!(Math.abs(s - 1) <= tolerance)) {
                r.fail(i, Double.isNaN(s) ? "a missing or non-numeric score" : "sum " + Fmt.number(s));
            }
        }
        return r.outcome(what, null, rows, "rows do not");
    }

    /** Counts failing rows and keeps the first few. */
    static final class Recorder {
        final IntFunction<String> locate;
        long failing;
        final List<Outcome.Example> examples = new ArrayList<>();

        Recorder(IntFunction<String> locate) {
            this.locate = locate;
        }

        void fail(int row, String value) {
            if (failing++ < EXAMPLES) {
                examples.add(new Outcome.Example(row, locate.apply(row), Masker.mask(value)));
            }
        }

        Outcome outcome(String what, String column, long n, String verb) {
            boolean ok = failing == 0;
            return new Outcome(what, column, n, failing, n == 0 ? Double.NaN : (double) failing / n, ok,
                    ok ? null : failing + " of " + n + " " + verb, examples);
        }
    }

    /** A test of one value, by number (numeric columns) or by text (categorical columns). */
    abstract static class ValueRule {
        final String what;
        final Recorder recorder;
        boolean[] badCode;

        ValueRule(String what, IntFunction<String> locate) {
            this.what = what;
            this.recorder = new Recorder(locate);
        }

        abstract boolean okText(String s);

        boolean okNumber(double v) {
            return okText(Column.formatNumber(v));
        }
    }

    static final class Range extends ValueRule {
        final double lo;
        final double hi;

        Range(String what, IntFunction<String> locate, double lo, double hi) {
            super(what, locate);
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        boolean okText(String s) {
            double v;
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return false;
            }
            return okNumber(v);
        }

        @Override
        boolean okNumber(double v) {
            return v >= lo && v <= hi;
        }
    }

    static final class Integral extends ValueRule {
        Integral(IntFunction<String> locate, String what) {
            super(what, locate);
        }

        @Override
        boolean okText(String s) {
            try {
                return okNumber(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        boolean okNumber(double v) {
            return v == Math.rint(v) && !Double.isInfinite(v);
        }
    }

    /** One pass over one column. */
    static final class ColumnPass {
        final ColumnSpec spec;
        final Column c;
        final int rows;
        final IntFunction<String> locate;
        final String name;

        ColumnPass(ColumnSpec spec, Column c, int rows, IntFunction<String> locate) {
            this.spec = spec;
            this.c = c;
            this.rows = rows;
            this.locate = locate;
            this.name = spec.column();
        }

        void run(List<Outcome> out) {
            List<ValueRule> rules = new ArrayList<>();
            Outcome typeOutcome = null;
            if (spec.type() != null) {
                switch (spec.type()) {
                    case "numeric" -> {
                        if (c.type() != ColumnType.NUMERIC) {
                            rules.add(new Range(name + ": type numeric", locate, Double.NEGATIVE_INFINITY,
                                    Double.POSITIVE_INFINITY));
                        } else {
                            typeOutcome = pass(name + ": type numeric");
                        }
                    }
                    case "integer" -> rules.add(new Integral(locate, name + ": type integer"));
                    case "string" -> typeOutcome = c.type() == ColumnType.CATEGORICAL ? pass(name + ": type string")
                            : new Outcome(name + ": type string", name, rows, (long) rows - c.missingCount(),
                            Double.NaN, false, "the column holds numbers (read as numeric); declare its type as"
                            + " categorical when loading the data if it holds text", List.of());
                    default -> throw new IllegalArgumentException("column '" + name + "': unknown type '"
                            + spec.type() + "'; expected numeric, integer or string");
                }
            }
            if (spec.min() != null || spec.max() != null) {
                double lo = spec.min() == null ? Double.NEGATIVE_INFINITY : spec.min();
                double hi = spec.max() == null ? Double.POSITIVE_INFINITY : spec.max();
                rules.add(new Range(name + ": " + new Threshold(spec.min(), spec.max()).describe(), locate, lo, hi));
            }
            if (spec.probability()) {
                rules.add(new Range(name + ": a probability in [0, 1]", locate, 0, 1));
            }
            if (spec.in() != null) {
                Set<String> set = spec.in();
                Set<Double> numbers = new HashSet<>();
                for (String s : set) {
                    try {
                        numbers.add(Double.parseDouble(s.trim()));
                    } catch (NumberFormatException ignored) {
                        // a text value
                    }
                }
                rules.add(new ValueRule(name + ": in " + new java.util.TreeSet<>(set), locate) {
                    @Override
                    boolean okText(String s) {
                        return set.contains(s);
                    }

                    @Override
                    boolean okNumber(double v) {
                        return numbers.contains(v);
                    }
                });
            }
            if (spec.minLength() != null || spec.maxLength() != null) {
                int lo = spec.minLength() == null ? 0 : spec.minLength();
                int hi = spec.maxLength() == null ? Integer.MAX_VALUE : spec.maxLength();
                String what = spec.minLength() == null ? "at most " + hi : spec.maxLength() == null
                        ? "at least " + lo : "between " + lo + " and " + hi;
                rules.add(new ValueRule(name + ": length " + what, locate) {
                    @Override
                    boolean okText(String s) {
                        int len = s.codePointCount(0, s.length());
                        return len >= lo && len <= hi;
                    }
                });
            }
            if (spec.regex() != null) {
                var p = spec.regex();
                rules.add(new ValueRule(name + ": matches /" + p.pattern() + "/", locate) {
                    @Override
                    boolean okText(String s) {
                        return p.matcher(s).matches();
                    }
                });
            }
            boolean categorical = c.type() == ColumnType.CATEGORICAL;
            if (categorical) {
                List<String> dict = c.dictionary();
                for (ValueRule r : rules) {
                    r.badCode = new boolean[dict.size()];
                    for (int k = 0; k < dict.size(); k++) {
                        r.badCode[k] = !r.okText(dict.get(k));
                    }
                }
            }
            boolean needNumbers = spec.mean() != null || spec.median() != null || !spec.quantiles().isEmpty();
            double[] numbers = needNumbers ? new double[rows] : null;
            int numberCount = 0;
            double sum = 0;
            long notNumeric = 0;
            int firstNotNumeric = -1;
            Recorder nulls = new Recorder(locate);
            Recorder duplicates = spec.unique() ? new Recorder(locate) : null;
            int[] firstOfCode = spec.unique() && categorical ? new int[c.dictionary().size()] : null;
            if (firstOfCode != null) {
                Arrays.fill(firstOfCode, -1);
            }
            DoubleSet seen = spec.unique() && !categorical ? new DoubleSet(Math.max(16, rows)) : null;
            ValueRule[] rs = rules.toArray(new ValueRule[0]);
            long present = 0;
            for (int i = 0; i < rows; i++) {
                if (c.isMissing(i)) {
                    nulls.fail(i, null);
                    continue;
                }
                present++;
                if (categorical) {
                    int code = c.code(i);
                    for (ValueRule r : rs) {
                        if (r.badCode[code]) {
                            r.recorder.fail(i, c.stringValue(i));
                        }
                    }
                    if (firstOfCode != null) {
                        if (firstOfCode[code] >= 0) {
                            duplicates.fail(i, c.stringValue(i) + " (first at row " + firstOfCode[code] + ")");
                        } else {
                            firstOfCode[code] = i;
                        }
                    }
                } else {
                    double v = c.doubleValue(i);
                    for (ValueRule r : rs) {
                        if (!r.okNumber(v)) {
                            r.recorder.fail(i, Column.formatNumber(v));
                        }
                    }
                    if (seen != null && !seen.add(v)) {
                        duplicates.fail(i, Column.formatNumber(v));
                    }
                }
                if (numbers != null) {
                    double v = c.doubleValue(i);
                    if (Double.isNaN(v)) {
                        if (notNumeric++ == 0) {
                            firstNotNumeric = i;
                        }
                    } else {
                        numbers[numberCount++] = v;
                        sum += v;
                    }
                }
            }
            if (typeOutcome != null) {
                out.add(typeOutcome);
            }
            if (spec.notNull()) {
                out.add(nulls.outcome(name + ": not null", name, rows, "rows are null"));
            }
            if (spec.maxNullFraction() != null) {
                double f = rows == 0 ? 0 : (double) nulls.failing / rows;
                boolean ok = f <= spec.maxNullFraction();
                out.add(new Outcome(name + ": null fraction at most " + Fmt.number(spec.maxNullFraction()), name,
                        rows, nulls.failing, f, ok, ok ? null : nulls.failing + " of " + rows + " rows are null ("
                        + Fmt.number(f) + ")", ok ? List.of() : nulls.examples));
            }
            for (ValueRule r : rs) {
                out.add(r.recorder.outcome(r.what, name, present, "non-null values are not"));
            }
            if (duplicates != null) {
                out.add(duplicates.outcome(name + ": unique", name, present, "non-null values repeat an earlier one"));
            }
            if (numbers != null) {
                String why = null;
                if (notNumeric > 0) {
                    why = notNumeric + " non-null values are not numbers, e.g. " + locate.apply(firstNotNumeric)
                            + ": " + Masker.mask(c.stringValue(firstNotNumeric));
                } else if (numberCount == 0) {
                    why = "the column has no non-null values";
                }
                if (numbers != null && why == null && (spec.median() != null || !spec.quantiles().isEmpty())) {
                    Arrays.sort(numbers, 0, numberCount);
                }
                if (spec.mean() != null) {
                    out.add(aggregate(name + ": mean " + spec.mean().describe(), spec.mean(), why,
                            why == null ? sum / numberCount : Double.NaN, numberCount));
                }
                if (spec.median() != null) {
                    out.add(aggregate(name + ": median " + spec.median().describe(), spec.median(), why,
                            why == null ? Stats.quantile(numbers, numberCount, 0.5) : Double.NaN, numberCount));
                }
                for (ColumnSpec.QuantileSpec q : spec.quantiles()) {
                    out.add(aggregate(name + ": quantile " + Fmt.number(q.q()) + " " + q.range().describe(),
                            q.range(), why, why == null ? Stats.quantile(numbers, numberCount, q.q()) : Double.NaN,
                            numberCount));
                }
            }
        }

        private Outcome pass(String what) {
            return new Outcome(what, name, rows, 0L, Double.NaN, true, null, List.of());
        }

        private Outcome aggregate(String what, Threshold t, String why, double v, long n) {
            if (why != null) {
                return new Outcome(what, name, n, null, Double.NaN, false, why, List.of());
            }
            boolean ok = t.accepts(v);
            return new Outcome(what, name, n, null, v, ok, ok ? null : "it is " + Fmt.number(v), List.of());
        }
    }

    /** An open-addressing set of doubles (by bit pattern; -0.0 and 0.0 are one value). */
    static final class DoubleSet {
        private long[] keys;
        private boolean[] used;
        private int size;

        DoubleSet(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
            keys = new long[cap];
            used = new boolean[cap];
        }

        boolean add(double v) {
            long k = Double.doubleToLongBits(v == 0.0 ? 0.0 : v);
            int mask = keys.length - 1;
            int i = (int) mix(k) & mask;
            while (used[i]) {
                if (keys[i] == k) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = k;
            if (++size * 2 > keys.length) {
                grow();
            }
            return true;
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldUsed[j]) {
                    int i = (int) mix(oldKeys[j]) & mask;
                    while (used[i]) {
                        i = (i + 1) & mask;
                    }
                    used[i] = true;
                    keys[i] = oldKeys[j];
                }
            }
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
            z = (z ^ (z >>> 33)) * 0xc4ceb93f53a8b2fL;
            return z ^ (z >>> 33);
        }
    }
}

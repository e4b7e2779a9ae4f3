package dev.assay.core.robustness;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a perturbation may do to the data: columns it must not change ({@code immutable}), numeric columns that hold
 * whole numbers (perturbed values are rounded) and ranges (perturbed values are clamped into them). Immutable; every
 * method returns a new instance.
 *
 * <pre>{@code
 * Constraints c = Constraints.none().immutable("sex").integer("age").range("age", 17, 90);
 * }</pre>
 */
public final class Constraints {
    private static final Constraints NONE = new Constraints(Set.of(), Set.of(), Map.of());

    private final Set<String> immutable;
    private final Set<String> integer;
    private final Map<String, double[]> ranges;

    private Constraints(Set<String> immutable, Set<String> integer, Map<String, double[]> ranges) {
        this.immutable = immutable;
        this.integer = integer;
        this.ranges = ranges;
    }

    /** No constraints. */
    public static Constraints none() {
        return NONE;
    }

    /** These columns must not be perturbed: a perturbation of one of them is an error. */
    public Constraints immutable(String... columns) {
        Set<String> s = new LinkedHashSet<>(immutable);
        for (String c : columns) {
            s.add(Objects.requireNonNull(c, "column"));
        }
        return new Constraints(Set.copyOf(s), integer, ranges);
    }

    /** These numeric columns hold whole numbers: perturbed values are rounded to the nearest one. */
    public Constraints integer(String... columns) {
        Set<String> s = new LinkedHashSet<>(integer);
        for (String c : columns) {
            s.add(Objects.requireNonNull(c, "column"));
        }
        return new Constraints(immutable, Set.copyOf(s), ranges);
    }

    /**
     * Perturbed values of the numeric column are clamped into {@code [min, max]}.
     *
     * @throws IllegalArgumentException when {@code min > max} or either is {@code NaN}
     */
    public Constraints range(String column, double min, double max) {
        Objects.requireNonNull(column, "column");
        if (!(min <= max)) {
            throw new IllegalArgumentException("range of column '" + column + "': min " + min
                    + " is not at most max " + max);
        }
        Map<String, double[]> m = new LinkedHashMap<>(ranges);
        m.put(column, new double[] {min, max});
        return new Constraints(immutable, integer, Map.copyOf(m));
    }

    /** Whether the column must not be perturbed. */
    public boolean isImmutable(String column) {
        return immutable.contains(column);
    }

    /** Whether the column holds whole numbers. */
    public boolean isInteger(String column) {
        return integer.contains(column);
    }

    /** The {@code [min, max]} range of a numeric column (either may be infinite), or {@code null} when it has none. */
    double[] rangeOf(String column) {
        double[] r = ranges.get(column);
        return r == null ? null : r.clone();
    }

    /** The immutable columns. */
    public Set<String> immutableColumns() {
        return immutable;
    }

    /**
     * Applies the integer and range constraints of {@code column} to freshly perturbed values, in place; missing
     * values ({@code NaN}) stay missing.
     */
    void enforce(String column, double[] values) {
        boolean round = integer.contains(column);
        double[] r = ranges.get(column);
        if (!round && r == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (round) {
                v = Math.rint(v);
            }
            if (r != null) {
                v = Math.min(r[1], Math.max(r[0], v));
            }
            values[i] = v;
        }
    }

    /** {@link #enforce(String, double[])} for one value. */
    double enforce(String column, double value) {
        if (Double.isNaN(value)) {
            return value;
        }
        double v = integer.contains(column) ? Math.rint(value) : value;
        double[] r = ranges.get(column);
        return r == null ? v : Math.min(r[1], Math.max(r[0], v));
    }

    @Override
    public String toString() {
        return "Constraints[immutable " + immutable + ", integer " + integer + ", ranges " + ranges.keySet() + "]";
    }
}

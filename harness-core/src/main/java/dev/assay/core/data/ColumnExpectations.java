package dev.assay.core.data;

import dev.assay.core.Threshold;
import dev.assay.core.data.internal.ColumnSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The expectations on one column; each method is one scenario key of a column entry (kebab-case key, camel-case
 * method). Naming a column already expects it to be present. Value expectations (range, set, length, regex,
 * probability) ignore missing values: say {@link #notNull()} or {@link #maxNullFraction(double)} about those.
 */
public final class ColumnExpectations {
    private final String column;
    private String type;
    private boolean notNull;
    private Double maxNullFraction;
    private boolean unique;
    private Set<String> in;
    private Double min;
    private Double max;
    private Integer minLength;
    private Integer maxLength;
    private Pattern regex;
    private Threshold mean;
    private Threshold median;
    private final List<ColumnSpec.QuantileSpec> quantiles = new ArrayList<>();
    private boolean probability;

    ColumnExpectations(String column) {
        this.column = Objects.requireNonNull(column, "column");
    }

    /** {@code type}: {@code numeric}, {@code integer} (numbers without a fraction) or {@code string}. */
    public ColumnExpectations type(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (!Set.of("numeric", "integer", "string").contains(t)) {
            throw new IllegalArgumentException("column '" + column + "': unknown type '" + type
                    + "'; expected numeric, integer or string");
        }
        this.type = t;
        return this;
    }

    /** {@code not-null: true}: no row may be missing. */
    public ColumnExpectations notNull() {
        this.notNull = true;
        return this;
    }

    /** {@code max-null-fraction}: at most this fraction of the rows may be missing. */
    public ColumnExpectations maxNullFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("column '" + column + "': max-null-fraction must be in [0, 1], was "
                    + fraction);
        }
        this.maxNullFraction = fraction;
        return this;
    }

    /** {@code unique: true}: no non-null value occurs twice. */
    public ColumnExpectations unique() {
        this.unique = true;
        return this;
    }

    /** {@code in}: every non-null value is one of these (numbers compare by value: {@code 1} matches {@code 1.0}). */
    public ColumnExpectations in(String... values) {
        return in(List.of(values));
    }

    public ColumnExpectations in(Collection<String> values) {
        this.in = new LinkedHashSet<>(values);
        return this;
    }

    /** {@code min}: every non-null value is a number at least this. */
    public ColumnExpectations min(double min) {
        this.min = min;
        check();
        return this;
    }

    /** {@code max}: every non-null value is a number at most this. */
    public ColumnExpectations max(double max) {
        this.max = max;
        check();
        return this;
    }

    /** {@code min} and {@code max} together. */
    public ColumnExpectations between(double min, double max) {
        this.min = min;
        this.max = max;
        check();
        return this;
    }

    /** {@code min-length}: every non-null value has at least this many characters (code points). */
    public ColumnExpectations minLength(int length) {
        this.minLength = length;
        return this;
    }

    /** {@code max-length}: every non-null value has at most this many characters (code points). */
    public ColumnExpectations maxLength(int length) {
        this.maxLength = length;
        return this;
    }

    /** {@code regex}: every non-null value matches this regular expression as a whole. */
    public ColumnExpectations regex(String regex) {
        try {
            this.regex = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("column '" + column + "': invalid regex: " + e.getMessage(), e);
        }
        return this;
    }

    /** {@code mean: {min, max}}: the mean of the non-null values is in range ({@code null} = unbounded). */
    public ColumnExpectations mean(Double min, Double max) {
        this.mean = new Threshold(min, max);
        return this;
    }

    /** {@code median: {min, max}}. */
    public ColumnExpectations median(Double min, Double max) {
        this.median = new Threshold(min, max);
        return this;
    }

    /**
     * {@code quantiles: [{q, min, max}]}: the {@code q}-quantile of the non-null values (linear interpolation,
     * as NumPy's default) is in range.
     */
    public ColumnExpectations quantile(double q, Double min, Double max) {
        this.quantiles.add(new ColumnSpec.QuantileSpec(q, new Threshold(min, max)));
        return this;
    }

    /** {@code probability: true}: every non-null value is a number in [0, 1]. */
    public ColumnExpectations probability() {
        this.probability = true;
        return this;
    }

    private void check() {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("column '" + column + "': min " + min + " is above max " + max);
        }
    }

    ColumnSpec spec() {
        return new ColumnSpec(column, type, notNull, maxNullFraction, unique, in, min, max, minLength, maxLength,
                regex, mean, median, quantiles, probability);
    }
}

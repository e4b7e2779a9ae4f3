package dev.assay.core.data.internal;

import dev.assay.core.Threshold;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The expectations on one column, as collected by the public builder. {@code null} (or {@code false}) means "not
 * expected".
 *
 * @param type {@code numeric}, {@code integer} or {@code string}
 */
public record ColumnSpec(String column, String type, boolean notNull, Double maxNullFraction, boolean unique,
                         Set<String> in, Double min, Double max, Integer minLength, Integer maxLength,
                         Pattern regex, Threshold mean, Threshold median, List<QuantileSpec> quantiles,
                         boolean probability) {
    public ColumnSpec {
        quantiles = List.copyOf(quantiles);
        in = in == null ? null : Set.copyOf(in);
    }

    /** A quantile expectation: the {@code q}-quantile (linear interpolation) within {@code range}. */
    public record QuantileSpec(double q, Threshold range) {
        public QuantileSpec {
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("quantile q must be in [0, 1], was " + q);
            }
        }
    }
}

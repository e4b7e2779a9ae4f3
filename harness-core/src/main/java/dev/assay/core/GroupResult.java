package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One group's row of a check: the group (column to value; several columns for intersections), its sample size,
 * its metric values ({@code null} = undefined, such as precision with no positive prediction), their intervals,
 * whether the group was left out of the verdict (with the reason), and, for checks that compare two distributions
 * (the {@code drift} check's drifted columns), the binned proportions of both samples that a histogram needs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"group", "n", "metrics", "ci", "excluded", "bins"})
public record GroupResult(Map<String, String> group, long n, Map<String, Double> metrics, Map<String, Interval> ci,
                          String excluded, List<Bin> bins) {
    /**
     * A group's row; {@code NaN} and infinite metric values are stored as {@code null} (undefined).
     *
     * @param group    column to value, not {@code null}
     * @param n        the group's sample size
     * @param metrics  metric to value; {@code null} or a {@code null} value allowed (undefined)
     * @param ci       metric to interval; {@code null} allowed (none)
     * @param excluded why the group was left out of the verdict; {@code null} when it was judged
     * @param bins     the binned proportions of a reference and a current sample, in bin order; {@code null} or
     *                 empty for none
     */
    public GroupResult {
        group = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(group, "group")));
        Map<String, Double> m = new LinkedHashMap<>();
        if (metrics != null) {
            metrics.forEach((k, v) -> m.put(k, v == null || v.isNaN() || v.isInfinite() ? null : v));
        }
        metrics = Collections.unmodifiableMap(m);
        ci = Collections.unmodifiableMap(new LinkedHashMap<>(ci == null ? Map.of() : ci));
        bins = bins == null ? List.of() : List.copyOf(bins);
    }

    /**
     * A group's row without bins.
     *
     * @param group    column to value, not {@code null}
     * @param n        the group's sample size
     * @param metrics  metric to value; {@code null} or a {@code null} value allowed (undefined)
     * @param ci       metric to interval; {@code null} allowed (none)
     * @param excluded why the group was left out of the verdict; {@code null} when it was judged
     */
    public GroupResult(Map<String, String> group, long n, Map<String, Double> metrics, Map<String, Interval> ci,
                       String excluded) {
        this(group, n, metrics, ci, excluded, List.of());
    }

    /** This row with {@code bins} (replacing any it had). */
    public GroupResult withBins(List<Bin> bins) {
        return new GroupResult(group, n, metrics, ci, excluded, bins);
    }

    /**
     * A judged group without intervals.
     *
     * @param group   column to value, not {@code null}
     * @param n       the group's sample size
     * @param metrics metric to value; {@code null} values allowed (undefined)
     */
    public GroupResult(Map<String, String> group, long n, Map<String, Double> metrics) {
        this(group, n, metrics, Map.of(), null);
    }

    /** {@code sex=Female, race=Black}. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        group.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.length() == 0 ? "overall" : sb.toString();
    }

    /** A metric's value, {@code NaN} when undefined or absent. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    /**
     * One bin of a histogram comparison: its label (a numeric range such as {@code [0.5, 1.2)} or a category, masked
     * when it could be personal data) and the share of the reference and of the current sample that falls in it.
     *
     * @param label     the bin's label, not {@code null}
     * @param reference the reference sample's proportion in the bin, in [0, 1]
     * @param current   the current sample's proportion in the bin, in [0, 1]
     */
    @JsonPropertyOrder({"label", "reference", "current"})
    public record Bin(String label, double reference, double current) {
        /** Checks the label and that both proportions lie in [0, 1]. */
        public Bin {
            Objects.requireNonNull(label, "label");
            if (!(reference >= 0 && reference <= 1) || !(current >= 0 && current <= 1)) {
                throw new IllegalArgumentException("bin '" + label + "': proportions must lie in [0, 1], were "
                        + reference + " and " + current);
            }
        }
    }
}

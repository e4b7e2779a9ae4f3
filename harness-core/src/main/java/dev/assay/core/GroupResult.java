package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One group's row of a check: the group (column to value; several columns for intersections), its sample size,
 * its metric values ({@code null} = undefined, such as precision with no positive prediction), their intervals,
 * and whether the group was left out of the verdict (with the reason).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"group", "n", "metrics", "ci", "excluded"})
public record GroupResult(Map<String, String> group, long n, Map<String, Double> metrics, Map<String, Interval> ci,
                          String excluded) {
    /**
     * A group's row; {@code NaN} and infinite metric values are stored as {@code null} (undefined).
     *
     * @param group    column to value, not {@code null}
     * @param n        the group's sample size
     * @param metrics  metric to value; {@code null} or a {@code null} value allowed (undefined)
     * @param ci       metric to interval; {@code null} allowed (none)
     * @param excluded why the group was left out of the verdict; {@code null} when it was judged
     */
    public GroupResult {
        group = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(group, "group")));
        Map<String, Double> m = new LinkedHashMap<>();
        if (metrics != null) {
            metrics.forEach((k, v) -> m.put(k, v == null || v.isNaN() || v.isInfinite() ? null : v));
        }
        metrics = Collections.unmodifiableMap(m);
        ci = Collections.unmodifiableMap(new LinkedHashMap<>(ci == null ? Map.of() : ci));
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
}

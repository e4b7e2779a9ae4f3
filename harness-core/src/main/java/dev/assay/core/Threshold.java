package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.assay.core.internal.Fmt;

/** A lower bound {@code min}, an upper bound {@code max}, or both, that a metric must respect. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"min", "max"})
public record Threshold(Double min, Double max) {
    /**
     * A threshold.
     *
     * @param min the lower bound; {@code null} for none
     * @param max the upper bound; {@code null} for none
     * @throws IllegalArgumentException when both are {@code null}, either is {@code NaN}, or {@code min > max}
     */
    public Threshold {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a threshold needs min, max or both");
        }
        if (min != null && min.isNaN() || max != null && max.isNaN()) {
            throw new IllegalArgumentException("a threshold cannot be NaN (min " + min + ", max " + max + ")");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("threshold min " + min + " is above max " + max);
        }
    }

    /** The metric must be {@code >= min}. */
    public static Threshold atLeast(double min) {
        return new Threshold(min, null);
    }

    /** The metric must be {@code <= max}. */
    public static Threshold atMost(double max) {
        return new Threshold(null, max);
    }

    /** The metric must be within {@code [min, max]}. */
    public static Threshold between(double min, double max) {
        return new Threshold(min, max);
    }

    /** Whether {@code v} satisfies the threshold. */
    public boolean accepts(double v) {
        return !Double.isNaN(v) && (min == null || v >= min) && (max == null || v <= max);
    }

    /**
     * The verdict for an estimate under a decision rule. With no interval every rule falls back to the point
     * estimate (and the evidence says so, since {@code ci} is then absent).
     */
    public Verdict judge(double value, Interval ci, Decision decision) {
        if (Double.isNaN(value)) {
            return Verdict.ERROR;
        }
        if (ci == null || decision == Decision.POINT) {
            return accepts(value) ? Verdict.PASS : Verdict.FAIL;
        }
        if (decision == Decision.STRICT) {
            return accepts(ci.lower()) && accepts(ci.upper()) ? Verdict.PASS : Verdict.FAIL;
        }
        // lenient: fail only when the whole interval is outside
        boolean allBelow = min != null && ci.upper() < min;
        boolean allAbove = max != null && ci.lower() > max;
        return allBelow || allAbove ? Verdict.FAIL : Verdict.PASS;
    }

    /** "at least 0.8", "at most 0.1", "between 0.2 and 0.4". */
    public String describe() {
        if (min != null && max != null) {
            return "between " + Fmt.number(min) + " and " + Fmt.number(max);
        }
        return min != null ? "at least " + Fmt.number(min) : "at most " + Fmt.number(max);
    }
}

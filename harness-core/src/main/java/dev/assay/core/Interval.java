package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.assay.core.internal.Fmt;

/** A confidence interval {@code [lower, upper]}; serialised as a two-element JSON array. */
public record Interval(double lower, double upper) {
    /**
     * An interval.
     *
     * @throws IllegalArgumentException when a bound is {@code NaN} or {@code lower > upper}
     */
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("invalid interval [" + lower + ", " + upper + "]");
        }
    }

    /** Whether {@code lower <= v <= upper}. */
    public boolean contains(double v) {
        return v >= lower && v <= upper;
    }

    @JsonValue
    double[] json() {
        return new double[] {lower, upper};
    }

    @JsonCreator
    static Interval fromJson(double[] bounds) {
        return new Interval(bounds[0], bounds[1]);
    }

    @Override
    public String toString() {
        return "[" + Fmt.number(lower) + ", " + Fmt.number(upper) + "]";
    }
}

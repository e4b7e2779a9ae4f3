package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How an estimate with a confidence interval is judged against a threshold.
 *
 * <ul>
 *   <li>{@link #POINT}: the point estimate must satisfy the threshold;</li>
 *   <li>{@link #STRICT}: the whole interval must satisfy it (pass only when the evidence is conclusive);</li>
 *   <li>{@link #LENIENT}: fail only when the whole interval violates it (fail only when the evidence is conclusive).</li>
 * </ul>
 */
public enum Decision {
    /** The point estimate must satisfy the threshold. */
    POINT,
    /** The whole interval must satisfy the threshold. */
    STRICT,
    /** Fail only when the whole interval violates the threshold. */
    LENIENT;

    /** The rule as written in scenario files and evidence: {@code point}, {@code strict} or {@code lenient}. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code point}, {@code strict} or {@code lenient} (any case). */
    public static Decision parse(String text) {
        for (Decision d : values()) {
            if (d.name().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown decision rule '" + text + "'; expected point, strict or lenient");
    }
}

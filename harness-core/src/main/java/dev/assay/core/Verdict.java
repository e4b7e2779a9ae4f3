package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The outcome of a check: {@code pass}, {@code fail} (threshold not met) or {@code error} (could not be judged). */
public enum Verdict {
    /** The threshold is met under the decision rule. */
    PASS,
    /** The threshold is not met under the decision rule. */
    FAIL,
    /** The check could not be judged: bad data, bad configuration or a failing model. Never a pass. */
    ERROR;

    /** The verdict as written in evidence: {@code pass}, {@code fail} or {@code error}. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

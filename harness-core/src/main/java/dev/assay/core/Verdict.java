package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The outcome of a check: {@code pass}, {@code fail} (threshold not met) or {@code error} (could not be judged). */
public enum Verdict {
    PASS, FAIL, ERROR;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

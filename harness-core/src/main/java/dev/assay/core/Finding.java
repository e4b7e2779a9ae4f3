package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One finding of a check (for example a PII match): the 0-based row of the data or model output, what was found,
 * its code point offsets {@code [start, end)} in the scanned text, a masked rendering (never the raw value), and a
 * score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"row", "entity", "start", "end", "masked", "score", "detail"})
public record Finding(long row, String entity, Integer start, Integer end, String masked, Double score,
                      String detail) {
    /**
     * A finding with offsets and a score.
     *
     * @param row    0-based data row or model output
     * @param entity what was found, not {@code null}
     * @param start  first code point, inclusive
     * @param end    last code point, exclusive
     * @param masked a masked rendering, never the raw value; {@code null} allowed
     * @param score  the detector's confidence
     */
    public Finding(long row, String entity, int start, int end, String masked, double score) {
        this(row, entity, start, end, masked, score, null);
    }
}

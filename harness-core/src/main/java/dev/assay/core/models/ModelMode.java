package dev.assay.core.models;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssayException;
import java.util.Locale;

/**
 * How a remote model is called ({@link AssayConstants#MODEL_MODE}): {@code live} calls the endpoint,
 * {@code record} calls it and writes every answer to a cassette, {@code replay} answers from the cassette only and
 * fails, naming the request, when an answer is missing.
 */
public enum ModelMode {
    /** Call the endpoint (the default). */
    LIVE,
    /** Call the endpoint and write the answers to the cassette. */
    RECORD,
    /** Answer from the cassette only; never call the endpoint. */
    REPLAY;

    /** Parses {@code live}, {@code record} or {@code replay} (case-insensitive). */
    public static ModelMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AssayException(AssayConstants.MODEL_MODE + " = '" + text
                    + "' is not one of live, record, replay");
        }
    }

    /** The lower-case name used in configuration. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

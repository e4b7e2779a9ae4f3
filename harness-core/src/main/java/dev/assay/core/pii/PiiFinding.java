package dev.assay.core.pii;

import java.util.Objects;

/**
 * One match: the entity, Unicode code point offsets {@code [start, end)} into the scanned text, a score in
 * {@code (0, 1]}, the masked value and a salted hash of the value ({@code hmac-sha256:} and 16 hex digits) that is
 * equal for equal values within one salt, so two findings of the same value can be matched without showing it.
 * Holds no raw value: {@link #toString()} and every other accessor are safe to log.
 */
public record PiiFinding(String entity, int start, int end, double score, String masked, String hash) {
    public PiiFinding {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(masked, "masked");
        Objects.requireNonNull(hash, "hash");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** The span's length in code points. */
    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return entity + " [" + start + ", " + end + ") " + masked + " score=" + score + " " + hash;
    }
}

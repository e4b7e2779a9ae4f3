package dev.assay.core.internal;

/**
 * The argument checks every check's builder makes, with one wording for each: a confidence level strictly between
 * 0 and 1, a rate or share from 0 to 1, a count that must not be negative, a sample of at least one row. Each
 * returns its argument, so it can stand in an assignment. Not API.
 */
public final class Require {
    private Require() {
    }

    /**
     * @throws IllegalArgumentException unless {@code 0 < confidence < 1} ("confidence must be between 0 and 1, was
     *                                  ...")
     */
    public static double confidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        return confidence;
    }

    /**
     * A rate, share or similarity in [0, 1] named {@code key} in the message; {@code null} (not set) passes.
     *
     * @throws IllegalArgumentException otherwise ("KEY must be between 0 and 1, was ...")
     */
    public static Double unitInterval(String key, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1, was " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException when {@code value} is negative ("KEY must not be negative, was ...") */
    public static long notNegative(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * A tolerance or other amount that must not be negative; {@code null} (not set) passes, NaN does not.
     *
     * @throws IllegalArgumentException otherwise ("KEY must not be negative, was ...")
     */
    public static Double notNegative(String key, Double value) {
        if (value != null && !(value >= 0)) {
            throw new IllegalArgumentException(key + " must not be negative, was " + value);
        }
        return value;
    }

    /** A sample size in rows; {@code null} (all rows) passes. */
    public static Integer sampleRows(Integer sample) {
        if (sample != null && sample < 1) {
            throw new IllegalArgumentException("sample must be at least 1 row, was " + sample);
        }
        return sample;
    }
}

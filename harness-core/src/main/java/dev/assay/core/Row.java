package dev.assay.core;

/**
 * A read-only view of one row of a {@link Dataset}, handed to row-wise models. The same instance may be reused
 * for the next row: do not keep it.
 */
public interface Row {
    /** The 0-based row index. */
    int index();

    /** The value as text, {@code null} when missing. */
    String getString(String column);

    /** The value as a number, {@code NaN} when missing or not a number. */
    double getDouble(String column);

    /** Whether the value is missing. */
    boolean isMissing(String column);
}

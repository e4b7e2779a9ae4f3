package dev.assay.core;

/** The storage type of a {@link Column}. */
public enum ColumnType {
    /** Numbers, stored as {@code double}; a missing value is {@code NaN}. */
    NUMERIC,
    /** Strings, dictionary-encoded as {@code int} codes; a missing value is code {@code -1}. */
    CATEGORICAL
}

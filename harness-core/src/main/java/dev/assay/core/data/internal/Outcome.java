package dev.assay.core.data.internal;

import java.util.List;

/**
 * The outcome of one expectation.
 *
 * @param expectation what was expected, for example {@code "age: between 0 and 120"}
 * @param n the rows (or values) it was checked on
 * @param failing how many rows break it, {@code null} for an expectation on an aggregate (mean, row count)
 * @param observed the aggregate observed (mean, null fraction, row count), {@code NaN} when none
 * @param passed whether the expectation holds
 * @param detail why it failed, {@code null} when it passed
 * @param examples the first rows that break it
 */
public record Outcome(String expectation, String column, long n, Long failing, double observed, boolean passed,
                      String detail, List<Example> examples) {
    public Outcome {
        examples = List.copyOf(examples);
    }

    /** A row that breaks an expectation: its index, where it is, and its value masked when it looks like PII. */
    public record Example(int row, String location, String maskedValue) {
    }
}

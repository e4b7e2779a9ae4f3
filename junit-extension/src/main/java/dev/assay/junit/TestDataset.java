package dev.assay.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a {@link dev.assay.core.Dataset} loaded from a CSV or JSONL file into a field or parameter of a
 * {@link ModelTest @ModelTest} class.
 *
 * <p>{@link #value()} is looked up, in this order, as a class path resource relative to the test class (next to
 * it in its package), as an absolute class path resource, and as a file path relative to the working directory.
 * Each file is read once per run, however many fields and parameters name it with the same reading options; the
 * roles ({@link #label()}, {@link #positive()}, {@link #sensitive()}) are applied per injection point.
 *
 * <p>May be used as a meta-annotation, to name a data set once:
 * <pre>{@code
 * @Target({ElementType.FIELD, ElementType.PARAMETER})
 * @Retention(RetentionPolicy.RUNTIME)
 * @TestDataset(value = "/data/credit-holdout.csv", label = "income", positive = ">50K", sensitive = "sex")
 * @interface CreditHoldout {}
 * }</pre>
 *
 * <p>Misuse (no {@code value}, a field that is not a {@code Dataset}, a label column that does not exist, ...)
 * fails with an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the attribute.
 *
 * @since 0.1
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TestDataset {
    /** The data file: {@code .jsonl}/{@code .ndjson} is read as JSON Lines, anything else as CSV. */
    String value();

    /** The ground-truth column; empty for none. */
    String label() default "";

    /** The positive label of a binary label column ({@code ">50K"}, {@code "1"}); empty for none. */
    String positive() default "";

    /** The sensitive columns (for group metrics). */
    String[] sensitive() default {};

    /** The CSV field separator. */
    char separator() default ',';

    /** The CSV quote character. */
    char quote() default '"';

    /** Whether the first (non-skipped) line of a CSV file names the columns; if {@code false}, give {@link #columns()}. */
    boolean header() default true;

    /** The column names of a CSV file without a header row (requires {@code header = false}). */
    String[] columns() default {};

    /** Lines to skip before the header (or the first data row). */
    int skipLines() default 0;

    /** Strip white space around unquoted CSV fields (as in UCI Adult's {@code ", "}-separated files). */
    boolean trim() default false;

    /** The cell texts read as missing; the default is {@link dev.assay.core.Datasets#DEFAULT_MISSING}. */
    String[] missing() default {"", "?", "NA", "N/A", "NaN", "nan", "null", "NULL"};
}

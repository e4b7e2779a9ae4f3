package dev.assay.core;

/**
 * What to measure, with a threshold and a decision rule. The same {@code Check} runs from a JUnit test and from a
 * scenario file, and gives the same {@link CheckResult}.
 */
public interface Check {
    /** The check kind, as in a scenario file: {@code performance}, {@code fairness}, ... */
    String kind();

    /** The check's name, as shown in reports. */
    String name();

    /**
     * Measures {@code model} on {@code data}. Implementations throw {@link AssayException} for bad data or a
     * failing model; use {@link Checks#evaluate} to get an {@code error} result instead.
     */
    CheckResult run(Model model, Dataset data, RunContext context);
}

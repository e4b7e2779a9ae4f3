package dev.assay.core.robustness;

import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import java.util.Objects;

/**
 * Entry point for the {@code consistency} check: the same input asked again gives the same answer, and a batch
 * call gives the same answers as single-row calls.
 *
 * <pre>{@code
 * CheckResult stable = Consistency.of(assistant).on(prompts)
 *         .repeats(3).minSimilarity(0.9)
 *         .evaluate();
 * }</pre>
 *
 * <p>{@link #check()} builds the same check without a model, for a runner to apply.
 */
public final class Consistency {
    private Consistency() {
    }

    /** A check of {@code model}; name the data with {@link Builder#on(Dataset)}. */
    public static Builder of(Model model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    /** A check without a model yet. */
    public static Builder check() {
        return new Builder(null);
    }

    /** Settings of a consistency check. */
    public static final class Builder extends CheckBuilder<Builder> {
        int repeats = 2;
        boolean batchVsSingle;
        double minSimilarity = 1.0;
        Double tolerance;
        Integer sample;
        double maxInconsistencyRate = 0.0;
        int examples = CheckResult.Builder.DEFAULT_EXAMPLES;

        Builder(Model model) {
            super(model, "Consistency.of(model).on(data)", true);
        }

        /**
         * Ask every input {@code n} times (default 2; 1 with {@link #batchVsSingle} alone). Each ask is a request of
         * its own, never an answer from the run's cache.
         */
        public Builder repeats(int n) {
            this.repeats = n;
            return this;
        }

        /** Also ask every input alone and compare with the batch call's answer (default false). */
        public Builder batchVsSingle(boolean on) {
            this.batchVsSingle = on;
            return this;
        }

        /**
         * Two answers agree when their similarity (normalised Levenshtein on code points, after whitespace
         * normalisation) is at least {@code min}; default 1: equal after whitespace normalisation.
         */
        public Builder minSimilarity(double min) {
            this.minSimilarity = min;
            return this;
        }

        /** Scores must also agree within {@code tolerance} (needs a model with scores); {@code null}: labels only. */
        public Builder tolerance(Double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /** Ask a seeded sample of this many rows; {@code null} (default) for all rows. */
        public Builder sample(Integer rows) {
            this.sample = rows;
            return this;
        }

        /** The share of inconsistent inputs must be at most {@code max} (default 0). */
        public Builder maxInconsistencyRate(double max) {
            this.maxInconsistencyRate = max;
            return this;
        }

        /** How many inconsistent inputs the evidence lists (default 20). */
        public Builder examples(int examples) {
            this.examples = examples;
            return this;
        }

        /** The check, for a runner. */
        public ConsistencyCheck build() {
            return new ConsistencyCheck(this);
        }

    }
}

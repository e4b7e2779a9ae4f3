package dev.assay.core.robustness;

import dev.assay.core.AssayConstants;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
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
    public static final class Builder {
        private final Model model;
        private Dataset data;
        String name;
        int repeats = 2;
        boolean batchVsSingle;
        double minSimilarity = 1.0;
        Double tolerance;
        Integer sample;
        double maxInconsistencyRate = 0.0;
        Decision decision = Decision.POINT;
        double confidence = AssayConstants.DEFAULT_CONFIDENCE;
        int examples = CheckResult.Builder.DEFAULT_EXAMPLES;
        private Long seed;

        Builder(Model model) {
            this.model = model;
        }

        /** The inputs to ask. */
        public Builder on(Dataset data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /** The check's name in reports; {@code null} for the default, {@code "consistency"}. */
        public Builder named(String name) {
            this.name = name;
            return this;
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

        /** The decision rule (default {@link Decision#POINT}). */
        public Builder decision(Decision decision) {
            this.decision = Objects.requireNonNull(decision, "decision");
            return this;
        }

        /** Confidence level of the interval (default 0.95). */
        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        /** How many inconsistent inputs the evidence lists (default 20). */
        public Builder examples(int examples) {
            this.examples = examples;
            return this;
        }

        /** The seed (default: the front end's, else {@code assay.seed}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The check, for a runner. */
        public ConsistencyCheck build() {
            return new ConsistencyCheck(this);
        }

        /** Evaluates the check; never throws for bad data or a failing model (the result is then an error). */
        public CheckResult evaluate() {
            if (model == null || data == null) {
                throw new IllegalStateException("evaluate() needs Consistency.of(model).on(data)");
            }
            return Checks.evaluate(build(), model, data, RunContext.current(seed));
        }
    }
}

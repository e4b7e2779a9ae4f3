package dev.assay.core.robustness;

import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import java.util.Objects;

/**
 * Entry point for the {@code directional} check: under a perturbation the score (or the decision) may move one way
 * only.
 *
 * <pre>{@code
 * CheckResult moreHours = Directional.of(model).on(holdout)
 *         .perturb(Perturbations.relative("hours-per-week", 0.10))
 *         .expect(Directional.Expect.NON_DECREASING).maxViolationRate(0.0)
 *         .evaluate();
 * }</pre>
 *
 * <p>{@link #check()} builds the same check without a model, for a runner to apply.
 */
public final class Directional {
    private Directional() {
    }

    /** A check of {@code model}; name the data with {@link Builder#on(Dataset)}. */
    public static Builder of(Model model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    /** A check without a model yet. */
    public static Builder check() {
        return new Builder(null);
    }

    /** The expected direction of the output when the perturbation is applied. */
    public enum Expect {
        /** The output must not go down ({@code non-decreasing}). */
        NON_DECREASING,
        /** The output must not go up ({@code non-increasing}). */
        NON_INCREASING;

        /** As written in scenario files: {@code non-decreasing}, {@code non-increasing}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /**
         * Parses {@code non-decreasing} or {@code non-increasing}.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static Expect parse(String text) {
            for (Expect e : values()) {
                if (e.id().equals(text)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown expectation '" + text
                    + "'; expected non-decreasing or non-increasing");
        }
    }

    /** Which output the expectation is about. */
    public enum Output {
        /** The score (probability of the positive label). */
        SCORE,
        /** The decision: whether the predicted label is the positive label. */
        DECISION;

        /** As written in scenario files: {@code score}, {@code decision}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Settings of a directional check. */
    public static final class Builder extends CheckBuilder<Builder> {
        Perturbation perturbation;
        Constraints constraints = Constraints.none();
        Double maxViolationRate;
        Expect expect;
        Output output = Output.SCORE;
        String positive;
        double tolerance;
        Integer sample;
        int examples = 10;

        Builder(Model model) {
            super(model, "Directional.of(model).on(data)", true);
        }

        /** The perturbation (required). */
        public Builder perturb(Perturbation perturbation) {
            this.perturbation = Objects.requireNonNull(perturbation, "perturbation");
            return this;
        }

        /** What the perturbation may change (default: no constraints). */
        public Builder constraints(Constraints constraints) {
            this.constraints = Objects.requireNonNull(constraints, "constraints");
            return this;
        }

        /** The expected direction (required). */
        public Builder expect(Expect expect) {
            this.expect = Objects.requireNonNull(expect, "expect");
            return this;
        }

        /** What must move that way: the score (default) or the positive-label decision. */
        public Builder output(Output output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** The positive label, for {@link Output#DECISION}; {@code null} (default) for the data's. */
        public Builder positive(String positive) {
            this.positive = positive;
            return this;
        }

        /** The violation rate must be at most {@code max} (without it the check measures and passes). */
        public Builder maxViolationRate(double max) {
            this.maxViolationRate = max;
            return this;
        }

        /** A score may move the wrong way by up to {@code tolerance} without counting (default 0). */
        public Builder tolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /** Test a seeded sample of this many rows; {@code null} (default) for all rows. */
        public Builder sample(Integer rows) {
            this.sample = rows;
            return this;
        }

        /** How many violating rows are listed as findings (default 10); the message gives the total. */
        public Builder examples(int examples) {
            this.examples = examples;
            return this;
        }

        /** The check, for a runner. */
        public DirectionalCheck build() {
            return new DirectionalCheck(this);
        }

    }
}

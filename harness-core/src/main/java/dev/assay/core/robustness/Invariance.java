package dev.assay.core.robustness;

import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.internal.Require;
import java.util.Objects;

/**
 * Entry point for the {@code invariance} check: the model's prediction must not change under a perturbation.
 *
 * <pre>{@code
 * CheckResult sexBlind = Invariance.of(model).on(holdout)
 *         .perturb(Perturbations.swap("sex")).maxFlipRate(0.0)
 *         .evaluate();
 * }</pre>
 *
 * <p>{@link #check()} builds the same check without a model, for a runner to apply.
 */
public final class Invariance {
    private Invariance() {
    }

    /** A check of {@code model}; name the data with {@link Builder#on(Dataset)}. */
    public static Builder of(Model model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    /** A check without a model yet. */
    public static Builder check() {
        return new Builder(null);
    }

    /** Settings of an invariance check. */
    public static final class Builder extends CheckBuilder<Builder> {
        Perturbation perturbation;
        Constraints constraints = Constraints.none();
        Double maxFlipRate;
        Double tolerance;
        double minSimilarity = 1.0;
        Integer sample;
        int examples = CheckResult.Builder.DEFAULT_EXAMPLES;
        final java.util.List<java.nio.file.Path> casesFrom = new java.util.ArrayList<>();

        Builder(Model model) {
            super(model, "Invariance.of(model).on(data)", true);
        }

        /** The perturbation (required unless the check only replays {@link #casesFrom} files). */
        public Builder perturb(Perturbation perturbation) {
            this.perturbation = Objects.requireNonNull(perturbation, "perturbation");
            return this;
        }

        /** What the perturbation may change (default: no constraints). */
        public Builder constraints(Constraints constraints) {
            this.constraints = Objects.requireNonNull(constraints, "constraints");
            return this;
        }

        /** The flip rate must be at most {@code max} (without it the check measures and passes). */
        public Builder maxFlipRate(double max) {
            this.maxFlipRate = max;
            return this;
        }

        /**
         * A row also counts as changed when its score moves by more than {@code tolerance} (needs a model with
         * scores); {@code null} (default) compares labels only.
         */
        public Builder tolerance(Double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /**
         * For a model that answers in text (a chat model: the label is the answer): an answer counts as changed when
         * the normalised Levenshtein similarity of the original and the perturbed answer, after whitespace
         * normalisation, is below {@code min}. The default {@code 1.0} means the answers must be equal after
         * whitespace normalisation; {@code 0.8} tolerates rewording of a fifth of the characters.
         *
         * @throws IllegalArgumentException when {@code min} is not in {@code [0, 1]}
         */
        public Builder minSimilarity(double min) {
            Require.unitInterval("min-similarity", min);
            this.minSimilarity = min;
            return this;
        }

        /** Test a seeded sample of this many rows; {@code null} (default) for all rows. */
        public Builder sample(Integer rows) {
            this.sample = rows;
            return this;
        }

        /**
         * Adds the (input, perturbed) pairs of a replay file written by an earlier run
         * ({@link dev.assay.core.RegressionFile}): they are asked exactly as stored, and a check with replay files
         * needs no perturbation.
         */
        public Builder casesFrom(java.nio.file.Path replayFile) {
            this.casesFrom.add(Objects.requireNonNull(replayFile, "replayFile"));
            return this;
        }

        /** How many changed rows the evidence lists as examples (default 20); the replay file keeps all. */
        public Builder examples(int examples) {
            this.examples = examples;
            return this;
        }

        /** The check, for a runner. */
        public InvarianceCheck build() {
            return new InvarianceCheck(this);
        }

    }
}

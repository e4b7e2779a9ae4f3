package dev.assay.core.data;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import java.util.List;
import java.util.Objects;

/**
 * Entry point for the {@code drift} check; each builder method is one scenario key.
 *
 * <pre>{@code
 * CheckResult drift = Drift.between(train, today)
 *         .columns("age", "hours-per-week", "workclass")
 *         .maxPsi(0.2).alpha(0.05).correction("holm")
 *         .maxDriftedShare(0.25)
 *         .evaluate();
 *
 * CheckResult outputs = Drift.between(train, today).model(model).outputs("prediction", "score").evaluate();
 * }</pre>
 */
public final class Drift {
    private Drift() {
    }

    /** Drift of {@code current} from {@code reference}. */
    public static Builder between(Dataset reference, Dataset current) {
        Builder b = new Builder();
        b.reference = Objects.requireNonNull(reference, "reference");
        b.current = Objects.requireNonNull(current, "current");
        return b;
    }

    /** A drift check without data yet, for a runner: set {@link Builder#reference(Dataset)}. */
    public static Builder check() {
        return new Builder();
    }

    /** Settings of a drift check. */
    public static final class Builder {
        Dataset reference;
        private Dataset current;
        private Model model;
        String name;
        List<String> columns;
        List<String> outputs = List.of();
        Double maxPsi = 0.2;
        Double maxKs;
        Double maxWasserstein;
        Double maxJs;
        Double alpha;
        DriftCheck.Correction correction = DriftCheck.Correction.HOLM;
        double maxDriftedShare = 0;
        private Long seed;

        Builder() {
        }

        /** The check's name in reports (default {@code drift}). */
        public Builder named(String name) {
            this.name = name;
            return this;
        }

        /** {@code reference}: the dataset the current data is compared with. */
        public Builder reference(Dataset reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
            return this;
        }

        /** {@code columns}: the columns to compare (default: every column of the reference, unless outputs are set). */
        public Builder columns(String... columns) {
            this.columns = List.of(columns);
            return this;
        }

        public Builder columns(List<String> columns) {
            this.columns = List.copyOf(columns);
            return this;
        }

        /** {@code outputs}: the model outputs to compare, {@code prediction} and/or {@code score}. */
        public Builder outputs(String... outputs) {
            this.outputs = List.of(outputs);
            return this;
        }

        /** The model whose outputs are compared (Java only; a scenario's model). */
        public Builder model(Model model) {
            this.model = model;
            return this;
        }

        /** {@code max-psi}: a column drifts above this PSI (default 0.2; {@code null} = not a criterion). */
        public Builder maxPsi(Double max) {
            this.maxPsi = max;
            return this;
        }

        /** {@code max-ks}: a numeric column drifts above this KS statistic D. */
        public Builder maxKs(Double max) {
            this.maxKs = max;
            return this;
        }

        /** {@code max-wasserstein}: a numeric column drifts above this distance (in the column's units). */
        public Builder maxWasserstein(Double max) {
            this.maxWasserstein = max;
            return this;
        }

        /** {@code max-js}: a categorical column drifts above this Jensen-Shannon distance (base 2). */
        public Builder maxJs(Double max) {
            this.maxJs = max;
            return this;
        }

        /** {@code alpha}: a column drifts when its corrected KS or chi-square p-value is below this. */
        public Builder alpha(Double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** {@code correction}: {@code holm} (default), {@code bh} or {@code none}. */
        public Builder correction(String correction) {
            this.correction = DriftCheck.Correction.parse(correction);
            return this;
        }

        /** {@code max-drifted-share}: the check fails when a larger share of the columns drifts (default 0). */
        public Builder maxDriftedShare(double share) {
            this.maxDriftedShare = share;
            return this;
        }

        /** The seed recorded in the evidence (the check itself uses no randomness). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public DriftCheck build() {
            return new DriftCheck(this);
        }

        /** Evaluates on the current data; bad input gives an {@code error} result. */
        public CheckResult evaluate() {
            if (current == null) {
                throw new IllegalStateException("evaluate() needs Drift.between(reference, current)");
            }
            RunContext ctx = RunContext.current(seed);
            return Checks.evaluate(build(), model, current, ctx);
        }

        /** Evaluates and draws the histograms of the drifted columns (errors are thrown, not reported). */
        public DriftCheck.Report report() {
            if (current == null) {
                throw new IllegalStateException("report() needs Drift.between(reference, current)");
            }
            RunContext ctx = RunContext.current();
            return build().analyse(model, current, seed == null ? ctx : new RunContext(ctx.suite(), seed));
        }
    }
}

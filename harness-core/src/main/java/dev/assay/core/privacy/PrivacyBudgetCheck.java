package dev.assay.core.privacy;

import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.GroupResult;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.privacy.internal.Fmt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code privacy-budget} check: the ε a DP-SGD style configuration spends (Poisson-sampled Gaussian steps),
 * composed by an accountant at δ, against {@code max-epsilon}. The result's {@code value} is the computed ε; the
 * message and the single group row give the best Rényi order when RDP was used. Needs neither model nor data.
 *
 * <p>Scenario keys (kebab-case, one builder method each): {@code accountant} (rdp | zcdp | pld | basic | advanced |
 * best, default rdp), {@code value-discretization-interval} (pld only, default 1e-4), {@code noise-multiplier}, {@code sampling-rate} or {@code batch-size} with
 * {@code dataset-size}, {@code steps} or {@code epochs} (steps = ceil(epochs · dataset-size / batch-size), as
 * TF-Privacy), {@code delta}, {@code max-epsilon}.
 */
public final class PrivacyBudgetCheck implements Check {
    private final String name;
    private final Accountant accountant;
    private final double noiseMultiplier;
    private final double samplingRate;
    private final long steps;
    private final double delta;
    private final Double maxEpsilon;

    private PrivacyBudgetCheck(Builder b) {
        if (b.noiseMultiplier == null) {
            throw new IllegalArgumentException("privacy-budget needs noise-multiplier");
        }
        if (!(b.noiseMultiplier >= 0)) {
            throw new IllegalArgumentException("noise-multiplier must be >= 0, was " + b.noiseMultiplier);
        }
        if (b.delta == null || !(b.delta > 0 && b.delta < 1)) {
            throw new IllegalArgumentException("privacy-budget needs delta in (0, 1)"
                    + (b.delta == null ? "" : ", was " + b.delta));
        }
        boolean byRate = b.samplingRate != null;
        boolean bySizes = b.batchSize != null || b.datasetSize != null;
        if (byRate == bySizes) {
            throw new IllegalArgumentException("privacy-budget needs either sampling-rate or batch-size with"
                    + " dataset-size (exactly one of them)");
        }
        if (bySizes && (b.batchSize == null || b.datasetSize == null)) {
            throw new IllegalArgumentException("batch-size and dataset-size go together; missing "
                    + (b.batchSize == null ? "batch-size" : "dataset-size"));
        }
        double q;
        if (byRate) {
            q = b.samplingRate;
        } else {
            if (b.batchSize <= 0 || b.datasetSize <= 0 || b.batchSize > b.datasetSize) {
                throw new IllegalArgumentException("batch-size must be in [1, dataset-size], was " + b.batchSize
                        + " for dataset-size " + b.datasetSize);
            }
            q = (double) b.batchSize / b.datasetSize;
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("sampling-rate must be in [0, 1], was " + q);
        }
        if ((b.steps == null) == (b.epochs == null)) {
            throw new IllegalArgumentException("privacy-budget needs either steps or epochs (exactly one of them)");
        }
        long t;
        if (b.steps != null) {
            if (b.steps < 1) {
                throw new IllegalArgumentException("steps must be at least 1, was " + b.steps);
            }
            t = b.steps;
        } else {
            if (!(b.epochs > 0)) {
                throw new IllegalArgumentException("epochs must be positive, was " + b.epochs);
            }
            t = b.datasetSize != null
                    ? (long) Math.ceil(b.epochs * b.datasetSize / b.batchSize)
                    : (long) Math.ceil(b.epochs / q);
        }
        if (b.maxEpsilon != null && !(b.maxEpsilon >= 0)) {
            throw new IllegalArgumentException("max-epsilon must be >= 0, was " + b.maxEpsilon);
        }
        if (b.valueDiscretizationInterval != null) {
            if (!b.accountant.id().equals("pld")) {
                throw new IllegalArgumentException("value-discretization-interval applies to accountant pld, not "
                        + b.accountant.id());
            }
            this.accountant = Accountant.pld(b.valueDiscretizationInterval);
        } else {
            this.accountant = b.accountant;
        }
        this.noiseMultiplier = b.noiseMultiplier;
        this.samplingRate = q;
        this.steps = t;
        this.delta = b.delta;
        this.maxEpsilon = b.maxEpsilon;
        this.name = b.name != null ? b.name : "privacy budget (" + accountant.id() + ")";
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String kind() {
        return "privacy-budget";
    }

    @Override
    public String name() {
        return name;
    }

    /** The Poisson sampling rate q the check uses. */
    public double samplingRate() {
        return samplingRate;
    }

    /** The number of steps the check composes. */
    public long steps() {
        return steps;
    }

    /** The composed guarantee, without judging it. */
    public PrivacyLoss loss() {
        return accountant.epsilon(List.of(PrivacySpend.subsampledGaussian("dp-sgd", samplingRate, noiseMultiplier,
                steps)), delta);
    }

    /** Runs the check; {@code model} and {@code data} are not used and may be {@code null}. */
    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        PrivacyLoss loss = loss();
        double eps = loss.epsilon();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("epsilon", eps);
        metrics.put("delta", delta);
        metrics.put("best_order", loss.order());
        metrics.put("noise_multiplier", noiseMultiplier);
        metrics.put("sampling_rate", samplingRate);
        metrics.put("steps", (double) steps);
        CheckResult.Builder r = CheckResult.builder(kind(), name).metric("epsilon")
                .group(new GroupResult(Map.of("accountant", loss.accountant()), steps, metrics));
        if (context != null) {
            r.seed(context.seed());
        }
        if (!Double.isInfinite(eps)) {
            r.value(eps);
        }
        String what = "epsilon " + Fmt.num(eps) + " at delta " + delta + " (" + loss.accountant()
                + (loss.hasOrder() ? ", best order " + Fmt.num(loss.order()) : "") + "; noise multiplier "
                + Fmt.num(noiseMultiplier) + ", sampling rate " + Fmt.num(samplingRate) + ", " + steps + " steps)";
        if (maxEpsilon == null) {
            return r.verdict(Verdict.PASS).message(what).build();
        }
        Threshold threshold = Threshold.atMost(maxEpsilon);
        r.threshold(threshold);
        if (eps <= maxEpsilon) {
            return r.verdict(Verdict.PASS).message(what).build();
        }
        return r.verdict(Verdict.FAIL).message("Expecting the privacy budget to be at most epsilon "
                + Fmt.num(maxEpsilon) + " but the configuration spends " + what).build();
    }

    /** Builds a {@link PrivacyBudgetCheck}; method names mirror the scenario keys. */
    public static final class Builder {
        private String name;
        private Accountant accountant = Accountant.rdp();
        private Double noiseMultiplier;
        private Double samplingRate;
        private Long batchSize;
        private Long datasetSize;
        private Long steps;
        private Double epochs;
        private Double delta;
        private Double maxEpsilon;
        private Double valueDiscretizationInterval;

        private Builder() {
        }

        public Builder name(String name) { this.name = name; return this; }
        /** {@code accountant}: rdp (default), zcdp, pld, basic, advanced or best. */
        public Builder accountant(String id) { this.accountant = Accountant.parse(id); return this; }
        public Builder accountant(Accountant accountant) { this.accountant = accountant; return this; }
        /** {@code value-discretization-interval}: the loss grid of the pld accountant (default 1e-4). */
        public Builder valueDiscretizationInterval(double h) { this.valueDiscretizationInterval = h; return this; }
        /** {@code noise-multiplier}: noise standard deviation / clipping norm. */
        public Builder noiseMultiplier(double sigma) { this.noiseMultiplier = sigma; return this; }
        /** {@code sampling-rate}: the Poisson sampling rate q. */
        public Builder samplingRate(double q) { this.samplingRate = q; return this; }
        /** {@code batch-size} (with {@code dataset-size}): q = batch-size / dataset-size. */
        public Builder batchSize(long batchSize) { this.batchSize = batchSize; return this; }
        /** {@code dataset-size} (with {@code batch-size}). */
        public Builder datasetSize(long datasetSize) { this.datasetSize = datasetSize; return this; }
        /** {@code steps}: the number of noisy steps. */
        public Builder steps(long steps) { this.steps = steps; return this; }
        /** {@code epochs}: steps = ceil(epochs / q). */
        public Builder epochs(double epochs) { this.epochs = epochs; return this; }
        /** {@code delta}: the target δ. */
        public Builder delta(double delta) { this.delta = delta; return this; }
        /** {@code max-epsilon}: the budget; the check fails above it. */
        public Builder maxEpsilon(double maxEpsilon) { this.maxEpsilon = maxEpsilon; return this; }

        /** Validates the configuration; throws {@link IllegalArgumentException} naming the offending key. */
        public PrivacyBudgetCheck build() {
            return new PrivacyBudgetCheck(this);
        }
    }
}

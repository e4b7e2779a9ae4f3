package dev.assay.core.compare;

import dev.assay.core.AssayConstants;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Model;
import dev.assay.core.PerformanceCheck;
import dev.assay.core.RunContext;
import dev.assay.core.compare.internal.PairedBootstrap;
import java.util.List;
import java.util.Objects;

/**
 * Entry point for the {@code compare} check (candidate versus baseline); each builder method is one scenario key.
 *
 * <pre>{@code
 * CheckResult noWorse = Compare.candidate(newModel).against(prodModel).on(holdout)
 *         .metric("recall").margin(0.01).confidence(0.95)   // recall at most 0.01 lower, at 95%
 *         .maxDisagreement(0.05)
 *         .evaluate();
 * }</pre>
 *
 * <p>Fairness metrics plug in through {@link Builder#metric(String, PairedMetric)} with {@link Builder#by}.
 */
public final class Compare {
    private Compare() {
    }

    /** The model under test. */
    public static Builder candidate(Model candidate) {
        Builder b = new Builder();
        b.candidate = Objects.requireNonNull(candidate, "candidate");
        return b;
    }

    /** A compare check without a candidate, for a runner (the scenario's model is the candidate). */
    public static Builder check() {
        return new Builder();
    }

    /** Settings of a compare check. */
    public static final class Builder {
        private Model candidate;
        private Dataset data;
        Model baseline;
        String name;
        String metricId = "accuracy";
        PairedMetric metric = counts -> PairedBootstrap.performance("accuracy", counts);
        List<String> by = List.of();
        double margin = 0;
        Decision decision = Decision.STRICT;
        double confidence = AssayConstants.DEFAULT_CONFIDENCE;
        int bootstrap = AssayConstants.DEFAULT_BOOTSTRAP;
        Double maxDisagreement;
        String label;
        String positive;
        int examples = 5;
        private Long seed;

        Builder() {
        }

        /** {@code baseline}: the model the candidate must not be worse than. */
        public Builder against(Model baseline) {
            this.baseline = Objects.requireNonNull(baseline, "baseline");
            return this;
        }

        /** Same as {@link #against(Model)}, named as the scenario key. */
        public Builder baseline(Model baseline) {
            return against(baseline);
        }

        /** The rows both models predict. */
        public Builder on(Dataset data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        public Builder named(String name) {
            this.name = name;
            return this;
        }

        /** {@code metric}: {@code accuracy} (default), {@code precision}, {@code recall} or {@code f1}. */
        public Builder metric(String metric) {
            PerformanceCheck.Metric m = PerformanceCheck.Metric.parse(metric);
            this.metricId = m.id();
            this.metric = counts -> PairedBootstrap.performance(m.id(), counts);
            return this;
        }

        public Builder metric(PerformanceCheck.Metric metric) {
            return metric(metric.id());
        }

        /** Any count-based metric, such as a fairness metric from the fairness module (use with {@link #by}). */
        public Builder metric(String id, PairedMetric metric) {
            this.metricId = Objects.requireNonNull(id, "id");
            this.metric = Objects.requireNonNull(metric, "metric");
            return this;
        }

        /** {@code by}: the group columns a {@link PairedMetric} receives counts for (resampled jointly). */
        public Builder by(String... columns) {
            this.by = List.of(columns);
            return this;
        }

        /** {@code margin}: how much worse the candidate may be (default 0: not worse at all). */
        public Builder margin(double margin) {
            this.margin = margin;
            return this;
        }

        /** {@code decision}: {@code strict} (default: the whole interval within the margin), point or lenient. */
        public Builder decision(Decision decision) {
            this.decision = Objects.requireNonNull(decision, "decision");
            return this;
        }

        /** {@code confidence}: of the intervals (default 0.95). */
        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        /** {@code bootstrap}: resamples of the paired bootstrap (default 1000). */
        public Builder bootstrap(int resamples) {
            this.bootstrap = resamples;
            return this;
        }

        /** {@code max-disagreement}: the largest share of rows on which the two models may disagree. */
        public Builder maxDisagreement(double share) {
            this.maxDisagreement = share;
            return this;
        }

        /** {@code label}: the ground-truth column (default: the data's). */
        public Builder label(String column) {
            this.label = column;
            return this;
        }

        /** {@code positive}: the positive label (default: the data's). */
        public Builder positive(String value) {
            this.positive = value;
            return this;
        }

        /** {@code examples}: how many disagreeing rows to list (default 5). */
        public Builder examples(int rows) {
            this.examples = rows;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public CompareCheck build() {
            return new CompareCheck(this);
        }

        /** Evaluates; a model or data error gives an {@code error} result. */
        public CheckResult evaluate() {
            if (candidate == null || data == null) {
                throw new IllegalStateException("evaluate() needs Compare.candidate(model).against(baseline).on(data)");
            }
            RunContext ctx = RunContext.current(seed);
            return Checks.evaluate(build(), candidate, data, ctx);
        }
    }
}

package dev.assay.core;

import java.util.List;
import java.util.Objects;

/**
 * Entry point for the {@code performance} check.
 *
 * <pre>{@code
 * CheckResult accuracy = Performance.of(model).on(holdout)
 *         .metric("accuracy").by("sex").atLeast(0.80).decision(Decision.STRICT)
 *         .evaluate();
 * }</pre>
 *
 * <p>{@link #check()} builds the same check without a model, for a runner to apply.
 */
public final class Performance {
    private Performance() {
    }

    /** A check of {@code model}; name the data with {@link Builder#on(Dataset)}. */
    public static Builder of(Model model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    /** A check without a model yet. */
    public static Builder check() {
        return new Builder(null);
    }

    /** Settings of a performance check. */
    public static final class Builder {
        private final Model model;
        private Dataset data;
        String name;
        PerformanceCheck.Metric metric = PerformanceCheck.Metric.ACCURACY;
        List<String> by = List.of();
        Threshold threshold;
        Decision decision = Decision.POINT;
        double confidence = AssayConstants.DEFAULT_CONFIDENCE;
        int minGroupSize = AssayConstants.DEFAULT_MIN_GROUP_SIZE;
        int bootstrap = AssayConstants.DEFAULT_BOOTSTRAP;
        boolean missingAsGroup;
        String label;
        String positive;
        private Long seed;

        Builder(Model model) {
            this.model = model;
        }

        /** The data to evaluate on. */
        public Builder on(Dataset data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /** The check's name in reports; {@code null} for the default, the metric and groups. */
        public Builder named(String name) {
            this.name = name;
            return this;
        }

        /**
         * {@code accuracy} (default), {@code precision}, {@code recall} or {@code f1}, in any case.
         *
         * @throws IllegalArgumentException for another name
         */
        public Builder metric(String metric) {
            this.metric = PerformanceCheck.Metric.parse(metric);
            return this;
        }

        /**
         * The metric (default accuracy).
         *
         * @param metric the metric, not {@code null}
         */
        public Builder metric(PerformanceCheck.Metric metric) {
            this.metric = Objects.requireNonNull(metric, "metric");
            return this;
        }

        /** Per-group evaluation; several columns make intersectional groups (none of them {@code null}). */
        public Builder by(String... columns) {
            this.by = List.of(columns);
            return this;
        }

        /**
         * Per-group evaluation; several columns make intersectional groups; empty for none.
         *
         * @param columns the group columns, not {@code null}
         */
        public Builder by(List<String> columns) {
            this.by = List.copyOf(columns);
            return this;
        }

        /** The metric must be at least {@code min}. */
        public Builder atLeast(double min) {
            this.threshold = Threshold.atLeast(min);
            return this;
        }

        /** The metric must be at most {@code max}. */
        public Builder atMost(double max) {
            this.threshold = Threshold.atMost(max);
            return this;
        }

        /** The threshold; {@code null} for none (the check then measures and passes). */
        public Builder threshold(Threshold threshold) {
            this.threshold = threshold;
            return this;
        }

        /** The decision rule (default {@link Decision#POINT}). */
        public Builder decision(Decision decision) {
            this.decision = Objects.requireNonNull(decision, "decision");
            return this;
        }

        /** Confidence level of intervals (default 0.95). */
        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        /** Groups smaller than this are listed but not judged (default 30). */
        public Builder minGroupSize(int minGroupSize) {
            this.minGroupSize = minGroupSize;
            return this;
        }

        /**
         * Whether rows with no value in a {@code by} column form their own group {@code <missing>} (default
         * {@code false}: such rows are an error naming the column and the first such row).
         */
        public Builder missingAsGroup(boolean asGroup) {
            this.missingAsGroup = asGroup;
            return this;
        }

        /** Bootstrap resamples for the F1 interval (default 1000). */
        public Builder bootstrap(int resamples) {
            this.bootstrap = resamples;
            return this;
        }

        /** The ground-truth column; {@code null} for the dataset's label. */
        public Builder label(String column) {
            this.label = column;
            return this;
        }

        /** The positive label; {@code null} for the dataset's. */
        public Builder positive(String value) {
            this.positive = value;
            return this;
        }

        /** The seed (default: the front end's, else {@code assay.seed}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The check, for a runner. */
        public PerformanceCheck build() {
            return new PerformanceCheck(this);
        }

        /**
         * Evaluates the check on the model and data given. Never throws for bad data or a failing model: the result
         * is then an {@code error}, which assertions and reports treat as such.
         */
        public CheckResult evaluate() {
            if (model == null || data == null) {
                throw new IllegalStateException("evaluate() needs Performance.of(model).on(data)");
            }
            RunContext ctx = RunContext.current(seed);
            return Checks.evaluate(build(), model, data, ctx);
        }
    }
}

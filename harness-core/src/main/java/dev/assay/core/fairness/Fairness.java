package dev.assay.core.fairness;

import dev.assay.core.AssayConstants;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.core.internal.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point for group fairness.
 *
 * <pre>{@code
 * FairnessReport report = Fairness.of(model).on(holdout).by("sex", "race").report();
 * CheckResult gate = Fairness.of(model).on(holdout).by("sex")
 *         .metric(FairnessMetrics.DEMOGRAPHIC_PARITY_RATIO).min(0.8).decision(Decision.STRICT)
 *         .evaluate();
 * FairnessCheck check = Fairness.check().metric("equalized_odds_difference").by("race").max(0.1).build();
 * }</pre>
 *
 * <p>Builder methods map one to one to the keys of the scenario file's {@code fairness} check (see the package
 * documentation): {@code metric, by, min, max, method, agg, min-group-size, small-groups, confidence, decision,
 * privileged, unprivileged, control-features, missing, bootstrap, label, positive, score-column, weights, alpha,
 * loss, features, neighbors}.
 */
public final class Fairness {
    private Fairness() {
    }

    /** A fairness evaluation of {@code model}; name the data with {@link Builder#on(Dataset)}. */
    public static Builder of(Model model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    /** A fairness check without a model yet, for a runner to apply. */
    public static Builder check() {
        return new Builder(null);
    }

    /** Settings of a fairness check. */
    public static final class Builder {
        private final Model model;
        private Dataset data;
        private Long seed;
        String name;
        String metric = FairnessMetrics.DEMOGRAPHIC_PARITY_DIFFERENCE;
        boolean metricSet;
        List<String> by = List.of();
        Double min;
        Double max;
        boolean toOverall;
        boolean meanAgg;
        int minGroupSize = AssayConstants.DEFAULT_MIN_GROUP_SIZE;
        boolean failSmallGroups;
        double confidence = AssayConstants.DEFAULT_CONFIDENCE;
        Decision decision = Decision.POINT;
        List<Map<String, String>> privileged = List.of();
        List<Map<String, String>> unprivileged = List.of();
        List<String> controlFeatures = List.of();
        boolean missingAsGroup;
        int bootstrap = AssayConstants.DEFAULT_BOOTSTRAP;
        String label;
        String positive;
        String scoreColumn;
        String weights;
        double alpha = 2;
        String loss;
        List<String> features = List.of();
        int neighbors = 5;
        List<BaseMetric> frame = new ArrayList<>();

        Builder(Model model) {
            this.model = model;
        }

        /** The data to evaluate on. */
        public Builder on(Dataset data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /** The seed of the bootstrap (default: the run's, {@code assay.seed}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The check's name in reports (default: the metric and groups). */
        public Builder named(String name) {
            this.name = name;
            return this;
        }

        /** {@code metric}: a name of the catalogue, see {@link FairnessMetrics}. */
        public Builder metric(String metric) {
            MetricSpec.parse(metric, null);
            this.metric = metric;
            this.metricSet = true;
            return this;
        }

        /** {@code by}: the sensitive columns; several make intersectional groups (default: the data's sensitive). */
        public Builder by(String... columns) {
            this.by = List.of(columns);
            return this;
        }

        public Builder by(List<String> columns) {
            this.by = List.copyOf(columns);
            return this;
        }

        /** {@code min}: the lowest acceptable value. */
        public Builder min(double min) {
            this.min = min;
            return this;
        }

        /** {@code max}: the highest acceptable value. */
        public Builder max(double max) {
            this.max = max;
            return this;
        }

        /** Same as {@link #min(double)}. */
        public Builder atLeast(double min) {
            return min(min);
        }

        /** Same as {@link #max(double)}. */
        public Builder atMost(double max) {
            return max(max);
        }

        /** {@code method}: {@code between_groups} (default) or {@code to_overall}, as in Fairlearn. */
        public Builder method(String method) {
            this.toOverall = isSecond(method, "method", '-', '_', "between_groups", "to_overall");
            return this;
        }

        /** {@code agg}: {@code worst_case} (default) or {@code mean}, for equalized odds, as in Fairlearn. */
        public Builder agg(String agg) {
            this.meanAgg = isSecond(agg, "agg", '-', '_', "worst_case", "mean");
            return this;
        }

        /** {@code min-group-size} (default 30): smaller groups are listed and left out, or fail the check. */
        public Builder minGroupSize(int minGroupSize) {
            this.minGroupSize = atLeast("min-group-size", minGroupSize, 0);
            return this;
        }

        /** {@code small-groups}: {@code exclude} (default: listed, left out of aggregates) or {@code fail}. */
        public Builder smallGroups(String policy) {
            this.failSmallGroups = isSecond(policy, "small-groups policy", ' ', ' ', "exclude", "fail");
            return this;
        }

        /** {@code confidence} of the intervals (default 0.95). */
        public Builder confidence(double confidence) {
            Require.confidence(confidence);
            this.confidence = confidence;
            return this;
        }

        /** {@code decision}: point (default), strict or lenient. */
        public Builder decision(Decision decision) {
            this.decision = Objects.requireNonNull(decision, "decision");
            return this;
        }

        public Builder decision(String decision) {
            return decision(Decision.parse(decision));
        }

        /**
         * {@code privileged}: the privileged group as AIF360 defines it, a list of conditions that are ORed, each a
         * map of column to value that are ANDed. Makes {@code <base>_difference} and {@code _ratio} signed:
         * unprivileged minus (over) privileged.
         */
        @SafeVarargs
        public final Builder privileged(Map<String, String>... conditions) {
            this.privileged = copy(Arrays.asList(conditions));
            return this;
        }

        public Builder privileged(List<Map<String, String>> conditions) {
            this.privileged = copy(conditions);
            return this;
        }

        /** {@code unprivileged}: as {@link #privileged}; default: every row not privileged. */
        @SafeVarargs
        public final Builder unprivileged(Map<String, String>... conditions) {
            this.unprivileged = copy(Arrays.asList(conditions));
            return this;
        }

        public Builder unprivileged(List<Map<String, String>> conditions) {
            this.unprivileged = copy(conditions);
            return this;
        }

        /** {@code control-features}: columns that split the data without being compared (Fairlearn). */
        public Builder controlFeatures(String... columns) {
            this.controlFeatures = List.of(columns);
            return this;
        }

        public Builder controlFeatures(List<String> columns) {
            this.controlFeatures = List.copyOf(columns);
            return this;
        }

        /** {@code missing}: {@code error} (default) or {@code as-group}. */
        public Builder missing(String policy) {
            this.missingAsGroup = isSecond(policy, "missing policy", '_', '-', "error", "as-group");
            return this;
        }

        /** {@code bootstrap}: resamples for the intervals (default 1000; 0 = no bootstrap intervals). */
        public Builder bootstrap(int resamples) {
            this.bootstrap = atLeast("bootstrap", resamples, 0);
            return this;
        }

        /** {@code label}: the ground-truth column (default: the data's label). */
        public Builder label(String column) {
            this.label = column;
            return this;
        }

        /** {@code positive}: the positive label (default: the data's, or 1/true). */
        public Builder positive(String value) {
            this.positive = value;
            return this;
        }

        /** {@code score-column}: probabilities for score metrics (default: the model's scores). */
        public Builder scoreColumn(String column) {
            this.scoreColumn = column;
            return this;
        }

        /** {@code weights}: a column of sample weights. */
        public Builder weights(String column) {
            this.weights = column;
            return this;
        }

        /** {@code alpha} of {@code generalized_entropy_index} (default 2). */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** {@code loss} of {@code bounded_group_loss}: a regression or binary base metric (default mean_squared_error). */
        public Builder loss(String loss) {
            BaseMetric.parse(loss);
            this.loss = loss;
            return this;
        }

        /** {@code features}: numeric columns for {@code consistency}'s nearest neighbours. */
        public Builder features(String... columns) {
            this.features = List.of(columns);
            return this;
        }

        public Builder features(List<String> columns) {
            this.features = List.copyOf(columns);
            return this;
        }

        /** {@code neighbors}: k of {@code consistency} (default 5, as AIF360). */
        public Builder neighbors(int k) {
            this.neighbors = atLeast("neighbors", k, 1);
            return this;
        }

        /** More per-group metrics to report (with intervals, differences and ratios) beside the headline's. */
        public Builder frame(BaseMetric... metrics) {
            this.frame.addAll(Arrays.asList(metrics));
            return this;
        }

        /** The check. */
        public FairnessCheck build() {
            return new FairnessCheck(this);
        }

        /** Evaluates on the model and data given, without judging: the per-group table with intervals. */
        public FairnessReport report() {
            requireModelAndData();
            return build().report(model, data, context());
        }

        /** Evaluates and judges, as a check run by {@link Checks#evaluate}: errors become an {@code error} result. */
        public CheckResult evaluate() {
            requireModelAndData();
            return Checks.evaluate(build(), model, data, context());
        }

        /**
         * Evaluates precomputed predictions in a CSV file line by line in constant memory (for files larger than
         * the heap; count-based metrics only), without judging.
         */
        public FairnessReport reportCsvStream(java.nio.file.Path file, String predictionColumn) {
            return build().reportOnCsvStream(file, predictionColumn, context());
        }

        /** As {@link #reportCsvStream}, judged; errors become an {@code error} result. */
        public CheckResult evaluateCsvStream(java.nio.file.Path file, String predictionColumn) {
            return build().runOnCsvStream(file, predictionColumn, context());
        }

        private RunContext context() {
            RunContext c = RunContext.current();
            return seed == null ? c : new RunContext(c.suite(), seed);
        }

        private void requireModelAndData() {
            if (model == null) {
                throw new IllegalStateException("no model: start with Fairness.of(model)");
            }
            if (data == null) {
                throw new IllegalStateException("no data: call on(dataset) first");
            }
        }

        /**
         * Whether {@code value} (trimmed, in any case, with {@code from} read as {@code to}) is the second of the two
         * choices of the key {@code what}.
         *
         * @throws IllegalArgumentException when it is neither
         */
        private static boolean isSecond(String value, String what, char from, char to, String first, String second) {
            String v = value.trim().toLowerCase(Locale.ROOT).replace(from, to);
            if (!v.equals(first) && !v.equals(second)) {
                throw new IllegalArgumentException("unknown " + what + " '" + value + "'; expected " + first + " or "
                        + second);
            }
            return v.equals(second);
        }

        /** {@code value}, unless it is below {@code min}. */
        private static int atLeast(String key, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(key + " must be >= " + min + ", was " + value);
            }
            return value;
        }

        private static List<Map<String, String>> copy(List<Map<String, String>> conditions) {
            List<Map<String, String>> out = new ArrayList<>();
            for (Map<String, String> m : conditions) {
                if (m.isEmpty()) {
                    throw new IllegalArgumentException("an empty group condition matches every row");
                }
                out.add(new LinkedHashMap<>(m));
            }
            return List.copyOf(out);
        }
    }
}

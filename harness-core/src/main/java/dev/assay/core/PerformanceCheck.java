package dev.assay.core;

import dev.assay.core.internal.BinaryOutcomes;
import dev.assay.core.internal.Fmt;
import dev.assay.core.internal.GroupIndex;
import dev.assay.core.internal.Require;
import dev.assay.core.internal.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The {@code performance} check: accuracy, precision, recall or F1 of a binary classifier, overall or for every
 * group of the {@code by} columns (several columns make intersectional groups), against a threshold.
 *
 * <p>Intervals: Wilson score for accuracy, precision and recall; a seeded percentile bootstrap over the
 * confusion-matrix cells (multinomial resampling) for F1. With {@code by}, every group of at least
 * {@code minGroupSize} rows must satisfy the threshold under the decision rule; the check's value is the worst such
 * group's. Smaller groups are listed with the reason they were left out. An undefined metric in a judged group
 * (precision with no positive prediction, recall with no positive label) is an error, never a pass.
 *
 * <p>Build one with {@link Performance}.
 */
public final class PerformanceCheck implements Check {
    /** The metrics of this check, as spelled in scenario files. */
    public enum Metric {
        /** Share of rows predicted right: {@code (TP + TN) / n}. */
        ACCURACY,
        /** Share of positive predictions that are right: {@code TP / (TP + FP)}. */
        PRECISION,
        /** Share of positive rows found: {@code TP / (TP + FN)}. */
        RECALL,
        /** Harmonic mean of precision and recall: {@code 2TP / (2TP + FP + FN)}. */
        F1;

        /** The metric as spelled in scenario files and evidence: {@code accuracy}, {@code precision}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses a metric name, ignoring case.
         *
         * @param text the name, not {@code null}
         * @throws IllegalArgumentException naming the metrics there are, for an unknown name
         */
        public static Metric parse(String text) {
            for (Metric m : values()) {
                if (m.id().equalsIgnoreCase(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown performance metric '" + text
                    + "'; expected one of accuracy, precision, recall, f1");
        }
    }

    private final String name;
    private final Metric metric;
    private final List<String> by;
    private final Threshold threshold;
    private final Decision decision;
    private final double confidence;
    private final int minGroupSize;
    private final int bootstrap;
    private final boolean missingAsGroup;
    private final String label;
    private final String positive;

    PerformanceCheck(Performance.Builder b) {
        this.metric = Objects.requireNonNull(b.metric, "metric");
        this.name = b.name != null ? b.name : metric.id() + (b.by.isEmpty() ? "" : " by " + String.join(", ", b.by));
        this.by = List.copyOf(b.by);
        this.threshold = b.threshold;
        this.decision = b.decision;
        this.confidence = b.confidence;
        this.minGroupSize = b.minGroupSize;
        this.bootstrap = b.bootstrap;
        this.missingAsGroup = b.missingAsGroup;
        this.label = b.label;
        this.positive = b.positive;
        Require.confidence(confidence);
        if (bootstrap < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be at least 1, was " + bootstrap);
        }
        Require.notNegative("min-group-size", minGroupSize);
        if (new java.util.HashSet<>(by).size() != by.size()) {
            throw new IllegalArgumentException("by " + by + " names a column more than once");
        }
    }

    @Override
    public String kind() {
        return "performance";
    }

    @Override
    public String name() {
        return name;
    }

    /** The metric this check judges. */
    public Metric metric() {
        return metric;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        Predictions predictions = Checks.predict(model, data);
        ModelInfo info = Checks.modelInfo(model, data);
        BinaryOutcomes outcomes = BinaryOutcomes.of(data, predictions, info.id(), label, positive);
        GroupIndex groups = GroupIndex.of(data, by, missingAsGroup);
        int cells = groups.cellCount();
        long[][] counts = new long[cells][4]; // tp, fp, tn, fn
        boolean[] t = outcomes.truth;
        boolean[] p = outcomes.predicted;
        int[] cellOf = groups.cellOfRow;
        for (int i = 0; i < t.length; i++) {
            int k = (t[i] ? 0 : 2) + (p[i] == t[i] ? 0 : 1); // tp=0, fn=1, tn=2, fp=3
            long[] c = counts[cellOf[i]];
            switch (k) {
                case 0 -> c[0]++;
                case 1 -> c[3]++;
                case 2 -> c[2]++;
                default -> c[1]++;
            }
        }
        CheckResult.Builder result = CheckResult.builder(kind(), name).metric(metric.id()).decision(decision)
                .confidence(confidence).threshold(threshold).seed(context.seed()).n(t.length)
                .model(info).data(DataInfo.of(data));
        long stream = Stats.hash(context.suite() + "/" + name);
        if (by.isEmpty()) {
            long[] c = counts[0];
            double v = value(metric, c);
            Interval ci = interval(metric, c, Stats.rng(context.seed(), stream));
            if (Double.isNaN(v)) {
                return result.verdict(Verdict.ERROR).message(metric.id() + " is undefined on " + data.source()
                        + ": " + undefinedReason(metric, c)).build();
            }
            result.value(v).ci(ci);
            Verdict verdict = threshold == null ? Verdict.PASS : threshold.judge(v, ci, decision);
            result.verdict(verdict);
            if (verdict == Verdict.FAIL) {
                result.message(metric.id() + " is " + Fmt.number(v) + describe(ci) + ", expected "
                        + threshold.describe() + " (decision: " + decision.json() + ")");
            }
            return result.build();
        }
        List<GroupResult> rows = new ArrayList<>();
        GroupResult worst = null;
        double worstValue = Double.NaN;
        Interval worstCi = null;
        List<String> failing = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (int g = 0; g < cells; g++) {
            long[] c = counts[g];
            long n = c[0] + c[1] + c[2] + c[3];
            Map<String, Double> metrics = new LinkedHashMap<>();
            Map<String, Interval> cis = new LinkedHashMap<>();
            UniformRandomProvider rng = Stats.rng(context.seed(), stream + g + 1);
            for (Metric m : Metric.values()) {
                metrics.put(m.id(), value(m, c));
                Interval ci = m == Metric.F1 && m != metric ? null : interval(m, c, rng);
                if (ci != null) {
                    cis.put(m.id(), ci);
                }
            }
            String leftOut = n < minGroupSize ? "fewer than " + minGroupSize + " rows (min-group-size)" : null;
            GroupResult row = new GroupResult(groups.cell(g), n, metrics, cis, leftOut);
            rows.add(row);
            if (leftOut != null) {
                excluded.add(row.label() + " (n=" + n + ")");
                continue;
            }
            double v = metrics.get(metric.id());
            Interval ci = cis.get(metric.id());
            if (Double.isNaN(v)) {
                undefined.add(row.label() + ": " + undefinedReason(metric, c));
                continue;
            }
            if (threshold != null && threshold.judge(v, ci, decision) == Verdict.FAIL) {
                failing.add(row.label() + " " + Fmt.number(v) + describe(ci) + " (n=" + n + ")");
            }
            if (worst == null || badness(v) > badness(worstValue)) {
                worst = row;
                worstValue = v;
                worstCi = ci;
            }
        }
        result.groups(rows);
        String note = excluded.isEmpty() ? "" : "; left out (too small): " + String.join(", ", excluded);
        if (!undefined.isEmpty()) {
            return result.verdict(Verdict.ERROR).message(metric.id() + " is undefined for "
                    + String.join("; ", undefined) + note).build();
        }
        if (worst == null) {
            return result.verdict(Verdict.ERROR).message("no group of " + by + " has at least " + minGroupSize
                    + " rows" + note).build();
        }
        result.value(worstValue).ci(worstCi);
        if (!failing.isEmpty()) {
            result.verdict(Verdict.FAIL).message(metric.id() + " of " + failing.size() + " of "
                    + (cells - excluded.size()) + " groups is not " + threshold.describe() + " (decision: "
                    + decision.json() + "): " + String.join("; ", failing) + note);
        } else {
            result.verdict(Verdict.PASS);
            if (!note.isEmpty()) {
                result.message(note.substring(2));
            }
        }
        return result.build();
    }

    /**
     * How bad a value is for the threshold, larger is worse: lower values for a {@code min} (or no threshold),
     * higher values for a {@code max}, the distance outside the range for both.
     */
    private double badness(double v) {
        if (threshold == null || threshold.max() == null) {
            return -v;
        }
        if (threshold.min() == null) {
            return v;
        }
        return Math.max(threshold.min() - v, v - threshold.max());
    }

    private static String describe(Interval ci) {
        return ci == null ? "" : " " + ci;
    }

    static double value(Metric m, long[] c) {
        long tp = c[0];
        long fp = c[1];
        long tn = c[2];
        long fn = c[3];
        return switch (m) {
            case ACCURACY -> ratio(tp + tn, tp + fp + tn + fn);
            case PRECISION -> ratio(tp, tp + fp);
            case RECALL -> ratio(tp, tp + fn);
            case F1 -> ratio(2 * tp, 2 * tp + fp + fn);
        };
    }

    private static String undefinedReason(Metric m, long[] c) {
        return switch (m) {
            case PRECISION -> "the model predicted the positive label for none of its " + (c[0] + c[1] + c[2] + c[3])
                    + " rows";
            case RECALL -> "no row has the positive label";
            default -> "no rows, or no positive label and no positive prediction";
        };
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private Interval interval(Metric m, long[] c, UniformRandomProvider rng) {
        return switch (m) {
            case ACCURACY -> Stats.wilson(c[0] + c[2], c[0] + c[1] + c[2] + c[3], confidence);
            case PRECISION -> Stats.wilson(c[0], c[0] + c[1], confidence);
            case RECALL -> Stats.wilson(c[0], c[0] + c[3], confidence);
            case F1 -> bootstrap(c, rng);
        };
    }

    private Interval bootstrap(long[] c, UniformRandomProvider rng) {
        if (Double.isNaN(value(Metric.F1, c))) {
            return null;
        }
        double[] values = new double[bootstrap];
        long[] draw = new long[4];
        int len = 0;
        for (int b = 0; b < bootstrap; b++) {
            Stats.multinomial(rng, c, draw);
            double v = value(Metric.F1, draw);
            if (!Double.isNaN(v)) {
                values[len++] = v;
            }
        }
        if (len < bootstrap / 2) {
            return null;
        }
        Arrays.sort(values, 0, len);
        double alpha = 1 - confidence;
        return new Interval(Stats.quantile(values, len, alpha / 2), Stats.quantile(values, len, 1 - alpha / 2));
    }
}

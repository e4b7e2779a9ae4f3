package dev.assay.core.data;

import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.GroupResult;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.data.internal.DriftEngine;
import dev.assay.core.data.internal.DriftEngine.ColumnStats;
import dev.assay.core.data.internal.DriftStats;
import dev.assay.core.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code drift} check: a reference dataset against the current one (the data the check runs on), column by
 * column, and on the model's outputs ({@code prediction} labels, {@code score}) when {@code outputs} are named.
 *
 * <p>Numeric columns: population stability index (binning in {@link DriftStats}: deciles of the reference, open
 * outer bins, {@value DriftStats#EPSILON} for empty bins), two-sample Kolmogorov-Smirnov test (Apache Commons
 * Statistics: exact p-value when {@code n*m < 10000}, else asymptotic), Wasserstein-1 distance (exact, from the
 * sorted samples, in the column's units). Categorical columns: PSI over the categories, Pearson's chi-square test
 * of the 2 x k table, Jensen-Shannon distance (base 2, in [0, 1]). Missing values are left out of every statistic.
 *
 * <p>A column drifts when any statistic with a threshold crosses it: {@code max-psi} (default 0.2), and
 * optionally {@code max-ks}, {@code max-wasserstein}, {@code max-js}, and {@code alpha} for the p-values (KS and
 * chi-square) after the {@code correction} across columns ({@code holm} (default), {@code bh} or {@code none}).
 * The check's value is the share of drifted columns; it fails above {@code max-drifted-share} (default 0: any
 * drifted column fails). Per-column statistics are the group rows. A column missing on one side, of another type
 * on each side, or with only missing values is an {@code error} naming it; a constant column is measured and
 * noted. Each drifted column's group row carries its histogram {@linkplain GroupResult#bins() bins} (the PSI bins of
 * a numeric column, the categories of a categorical one, at most {@value #MAX_BINS}: the rarest categories are then
 * merged into one bin), from which the reports draw overlaid histograms; {@link #analyse} also returns those SVGs.
 */
public final class DriftCheck implements Check {
    /** Multiple-testing correction of the p-values across columns. */
    public enum Correction {
        /** Holm's step-down (family-wise error rate). */
        HOLM,
        /** Benjamini-Hochberg (false discovery rate). */
        BH,
        /** None. */
        NONE;

        public static Correction parse(String text) {
            for (Correction c : values()) {
                if (c.name().equalsIgnoreCase(text)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown correction '" + text + "'; expected holm, bh or none");
        }
    }

    /** The result with an overlaid-histogram SVG per drifted column (column name to SVG document). */
    public record Report(CheckResult result, Map<String, String> charts) {
    }

    /** The most bins a drifted column's histogram keeps in the evidence: {@value}. */
    public static final int MAX_BINS = 30;

    private final String name;
    private final Dataset reference;
    private final List<String> columns;
    private final List<String> outputs;
    private final Double maxPsi;
    private final Double maxKs;
    private final Double maxWasserstein;
    private final Double maxJs;
    private final Double alpha;
    private final Correction correction;
    private final double maxDriftedShare;

    DriftCheck(Drift.Builder b) {
        this.name = b.name != null ? b.name : "drift";
        this.reference = Objects.requireNonNull(b.reference, "a drift check needs a reference dataset");
        this.columns = b.columns == null ? null : List.copyOf(b.columns);
        this.outputs = List.copyOf(b.outputs);
        for (String o : outputs) {
            if (!o.equals("prediction") && !o.equals("score")) {
                throw new IllegalArgumentException("unknown output '" + o + "'; expected prediction or score");
            }
        }
        this.maxPsi = b.maxPsi;
        this.maxKs = b.maxKs;
        this.maxWasserstein = b.maxWasserstein;
        this.maxJs = b.maxJs;
        this.alpha = b.alpha;
        this.correction = b.correction;
        this.maxDriftedShare = b.maxDriftedShare;
        if (alpha != null && !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, was " + alpha);
        }
        if (!(maxDriftedShare >= 0 && maxDriftedShare <= 1)) {
            throw new IllegalArgumentException("max-drifted-share must be in [0, 1], was " + maxDriftedShare);
        }
    }

    @Override
    public String kind() {
        return "drift";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(Model model, Dataset current, RunContext context) {
        return analyse(model, current, context).result();
    }

    /** Runs the check and draws the histograms of the drifted columns. */
    public Report analyse(Model model, Dataset current, RunContext context) {
        List<DriftEngine.Pair> pairs = pairs(model, current);
        List<ColumnStats> stats = DriftEngine.analyse(pairs);
        double[] adjusted = adjust(stats);
        CheckResult.Builder result = CheckResult.builder(kind(), name).metric("drifted_share")
                .threshold(Threshold.atMost(maxDriftedShare)).n(current.rows()).seed(context.seed())
                .data(DataInfo.of(current));
        if (model != null && !outputs.isEmpty()) {
            result.model(Checks.modelInfo(model, current));
        }
        List<String> drifted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> charts = new LinkedHashMap<>();
        for (int i = 0; i < stats.size(); i++) {
            ColumnStats s = stats.get(i);
            Map<String, Double> m = new LinkedHashMap<>(s.metrics);
            String pKey = s.categorical ? "chi2_p_adjusted" : "ks_p_adjusted";
            if (!Double.isNaN(adjusted[i])) {
                m.put(pKey, adjusted[i]);
            }
            List<String> reasons = new ArrayList<>();
            over(reasons, "psi", m.get("psi"), maxPsi);
            if (!s.categorical) {
                over(reasons, "ks", m.get("ks_statistic"), maxKs);
                over(reasons, "wasserstein", m.get("wasserstein"), maxWasserstein);
            } else {
                over(reasons, "jensen-shannon", m.get("jensen_shannon"), maxJs);
            }
            if (alpha != null && !Double.isNaN(adjusted[i]) && adjusted[i] < alpha) {
                reasons.add((s.categorical ? "chi-square" : "ks") + " p-value " + Fmt.number(adjusted[i])
                        + (correction == Correction.NONE ? "" : " (" + correction.name().toLowerCase(Locale.ROOT)
                        + ")") + " < " + Fmt.number(alpha));
            }
            m.put("reference_n", (double) s.refN);
            m.put("drifted", reasons.isEmpty() ? 0.0 : 1.0);
            GroupResult row = new GroupResult(Map.of("column", s.name), s.curN, m);
            s.notes.forEach(n -> notes.add(s.name + ": " + n));
            if (!reasons.isEmpty()) {
                drifted.add("  - " + s.name + ": " + String.join(", ", reasons));
                List<GroupResult.Bin> bins = bins(s.bins, s.refProportions, s.curProportions);
                row = row.withBins(bins);
                charts.put(s.name, DriftCharts.histogramSvg(s.name + " (" + String.join(", ", reasons) + ")",
                        bins.stream().map(GroupResult.Bin::label).toList(),
                        bins.stream().mapToDouble(GroupResult.Bin::reference).toArray(),
                        bins.stream().mapToDouble(GroupResult.Bin::current).toArray()));
            }
            result.group(row);
        }
        double share = stats.isEmpty() ? 0 : (double) drifted.size() / stats.size();
        result.value(share);
        String summary = drifted.size() + " of " + stats.size() + " columns drifted (" + Fmt.number(share) + ")"
                + (drifted.isEmpty() ? "" : ":\n" + String.join("\n", drifted))
                + (notes.isEmpty() ? "" : "\nnotes: " + String.join("; ", notes));
        if (share > maxDriftedShare) {
            result.verdict(Verdict.FAIL).message("Expecting at most " + Fmt.number(maxDriftedShare)
                    + " of the columns of " + current.source() + " to drift from " + reference.source() + ", but "
                    + summary);
        } else {
            result.verdict(Verdict.PASS).message(summary);
        }
        return new Report(result.build(), charts);
    }

    /**
     * The bins of a drifted column as they go into the evidence: every bin when there are at most
     * {@value #MAX_BINS}; else the {@value #MAX_BINS} - 1 bins with the largest proportion on either side (in their
     * original order) and one bin {@code (k other categories)} with the rest.
     */
    static List<GroupResult.Bin> bins(List<String> labels, double[] ref, double[] cur) {
        int k = labels.size();
        List<GroupResult.Bin> out = new ArrayList<>(Math.min(k, MAX_BINS));
        if (k <= MAX_BINS) {
            for (int i = 0; i < k; i++) {
                out.add(new GroupResult.Bin(labels.get(i), clamp(ref[i]), clamp(cur[i])));
            }
            return out;
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        // largest first; ties by original position, so the choice is deterministic
        java.util.Arrays.sort(order, (x, y) -> {
            int c = Double.compare(Math.max(ref[y], cur[y]), Math.max(ref[x], cur[x]));
            return c != 0 ? c : Integer.compare(x, y);
        });
        boolean[] keep = new boolean[k];
        for (int i = 0; i < MAX_BINS - 1; i++) {
            keep[order[i]] = true;
        }
        double restRef = 0;
        double restCur = 0;
        for (int i = 0; i < k; i++) {
            if (keep[i]) {
                out.add(new GroupResult.Bin(labels.get(i), clamp(ref[i]), clamp(cur[i])));
            } else {
                restRef += ref[i];
                restCur += cur[i];
            }
        }
        out.add(new GroupResult.Bin("(" + (k - MAX_BINS + 1) + " other categories)", clamp(restRef),
                clamp(restCur)));
        return out;
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }

    private static void over(List<String> reasons, String what, Double v, Double max) {
        if (max != null && v != null && v > max) {
            reasons.add(what + " " + Fmt.number(v) + " > " + Fmt.number(max));
        }
    }

    private double[] adjust(List<ColumnStats> stats) {
        int m = 0;
        for (ColumnStats s : stats) {
            m += Double.isNaN(s.p) ? 0 : 1;
        }
        double[] p = new double[m];
        int j = 0;
        for (ColumnStats s : stats) {
            if (!Double.isNaN(s.p)) {
                p[j++] = s.p;
            }
        }
        double[] adj = switch (correction) {
            case HOLM -> DriftStats.holm(p);
            case BH -> DriftStats.benjaminiHochberg(p);
            case NONE -> p;
        };
        double[] out = new double[stats.size()];
        j = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(stats.get(i).p) ? Double.NaN : adj[j++];
        }
        return out;
    }

    private List<DriftEngine.Pair> pairs(Model model, Dataset current) {
        List<String> names = columns != null ? columns : outputs.isEmpty() || model == null
                ? reference.columnNames() : List.of();
        List<String> problems = new ArrayList<>();
        List<DriftEngine.Pair> pairs = new ArrayList<>();
        for (String c : names) {
            boolean inRef = reference.hasColumn(c);
            boolean inCur = current.hasColumn(c);
            if (!inRef || !inCur) {
                problems.add("column '" + c + "' is " + (inRef ? "in the reference " + reference.source()
                        + " but not in the current data " + current.source() : inCur ? "in the current data "
                        + current.source() + " but not in the reference " + reference.source()
                        : "in neither " + reference.source() + " nor " + current.source()));
                continue;
            }
            Column r = reference.column(c);
            Column k = current.column(c);
            if (r.type() != k.type()) {
                problems.add("column '" + c + "' is " + type(r) + " in the reference " + reference.source()
                        + " but " + type(k) + " in the current data " + current.source());
                continue;
            }
            pairs.add(new DriftEngine.Pair(c, reference.source(), r, current.source(), k, !r.isNumeric()));
        }
        if (columns == null && !outputs.isEmpty() && model == null) {
            problems.add("outputs " + outputs + " need a model");
        }
        if (!problems.isEmpty()) {
            throw new DataException("drift: mismatched schemas: " + String.join("; ", problems));
        }
        if (!outputs.isEmpty()) {
            if (model == null) {
                throw new DataException("drift: outputs " + outputs + " need a model");
            }
            Predictions pr = Checks.predict(model, reference);
            Predictions pc = Checks.predict(model, current);
            String id = model.info().id();
            for (String o : outputs) {
                if (o.equals("prediction")) {
                    pairs.add(new DriftEngine.Pair("prediction", "predictions of '" + id + "' on " + reference.source(),
                            pr.labels(), "predictions of '" + id + "' on " + current.source(), pc.labels(), true));
                } else {
                    if (!pr.hasScores() || !pc.hasScores()) {
                        throw new DataException("drift: model '" + id + "' gives no scores, so output 'score'"
                                + " cannot be compared");
                    }
                    pairs.add(new DriftEngine.Pair("score", "scores of '" + id + "' on " + reference.source(),
                            Column.numeric("score", pr.scores().orElseThrow()),
                            "scores of '" + id + "' on " + current.source(),
                            Column.numeric("score", pc.scores().orElseThrow()), false));
                }
            }
        }
        if (pairs.isEmpty()) {
            throw new DataException("drift: no columns to compare");
        }
        return pairs;
    }

    private static String type(Column c) {
        return c.isNumeric() ? "numeric" : "categorical";
    }
}

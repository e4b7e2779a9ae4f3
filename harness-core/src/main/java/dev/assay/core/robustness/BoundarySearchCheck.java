package dev.assay.core.robustness;

import dev.assay.core.AssayException;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Column;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Require;
import dev.assay.core.internal.Stats;
import dev.assay.core.robustness.internal.Fmt;
import dev.assay.core.robustness.internal.Frames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The {@code boundary-search} check: for each row of a seeded sample, a black-box, decision-based search for a
 * small change of its features that changes the model's decision, and how small it is.
 *
 * <p><b>Distance.</b> A change is measured in standardised units: the Euclidean norm of the changes of the numeric
 * features, each divided by the feature's standard deviation over the data, plus one (squared) for each listed
 * categorical feature that takes another value. Columns that are not features, and immutable ones, never change;
 * every point the model is asked about is first projected onto the constraints (integer features rounded, ranges
 * clamped), so a reported change is one the model was seen to flip on, after rounding.
 *
 * <p><b>Search</b> (a row's decision is its predicted label): the data is predicted once; the starting point is
 * the nearest row of the data (in standardised units) with another predicted label, its features copied into the
 * searched row (the next nearest when that does not flip it, up to eight, then the nearest one doubled,
 * quadrupled, ...); a binary search along the segment from the row finds the boundary; listed categorical features
 * go back to the row's own values where the decision stays changed; then refinement: the local boundary plane is
 * fitted through boundary points found along rays near the current one and the search jumps to the plane's point
 * nearest the row (a Newton step on the boundary; exact for a linear model), while it gets closer; then, with what
 * is left of the budget, boundary-attack steps (a random step orthogonal to the current offset and a step toward
 * the row, kept when the decision stays changed). Every model row-prediction for a row counts against
 * {@code max-queries}; the search of all rows advances in lockstep, one batched model call per step. A found
 * distance is an upper bound of the row's true distance, so the share flipped within the radius is a lower bound.
 *
 * <p><b>Figures.</b> Rows not flipped within the budget (or with no row of another label to start from) count as
 * farther than any radius. The metric is {@code flip_rate_within_radius} (share of searched rows flipped at a
 * distance of at most {@code radius}, Wilson interval), judged against {@code max-flip-rate}; or, when only
 * {@code min-median-distance} is given, {@code median_distance} with a distribution-free order-statistic interval.
 * When both are given, both are judged and the check fails when either fails. One group, {@code distance=all},
 * holds the quantiles (min, p10, median, p90; undefined when beyond the search), the counts and the queries used
 * against the budget.
 *
 * <p>A failing model, a missing label, a model of stored predictions, an unknown, immutable or constant feature is
 * an error; a model that gives every row the same label flips nothing and passes (the message says so). Build one
 * with {@link BoundarySearch}.
 */
public final class BoundarySearchCheck implements Check {
    private final String name;
    private final List<String> features;
    private final Constraints constraints;
    private final int rows;
    private final int maxQueries;
    private final Double radius;
    private final Double maxFlipRate;
    private final Double minMedianDistance;
    private final Decision decision;
    private final double confidence;

    BoundarySearchCheck(BoundarySearch.Builder b) {
        this.name = b.name != null ? b.name : "boundary search";
        this.features = b.features;
        this.constraints = b.constraints;
        this.rows = b.rows;
        this.maxQueries = b.maxQueries;
        this.radius = b.radius;
        this.maxFlipRate = b.maxFlipRate;
        this.minMedianDistance = b.minMedianDistance;
        this.decision = b.decision;
        this.confidence = b.confidence;
        if (features != null && features.isEmpty()) {
            throw new IllegalArgumentException("features: expected at least one column");
        }
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, was " + rows);
        }
        if (maxQueries < 1) {
            throw new IllegalArgumentException("max-queries must be at least 1, was " + maxQueries);
        }
        if (radius != null && !(radius > 0 && radius < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("radius must be a positive number, was " + radius);
        }
        Require.unitInterval("max-flip-rate", maxFlipRate);
        if (maxFlipRate != null && radius == null) {
            throw new IllegalArgumentException("max-flip-rate needs a radius: the rate is of rows flipped within it");
        }
        if (minMedianDistance != null && !(minMedianDistance >= 0 && minMedianDistance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("min-median-distance must be a number of at least 0, was "
                    + minMedianDistance);
        }
        Require.confidence(confidence);
    }

    @Override
    public String kind() {
        return "boundary-search";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        if (model == null) {
            throw new AssayException("the boundary-search check '" + name + "' needs a model");
        }
        if (data == null) {
            throw new AssayException("the boundary-search check '" + name + "' needs data");
        }
        ModelInfo info = dev.assay.core.Checks.modelInfo(model, data);
        if ("predictions".equals(info.kind())) {
            throw new AssayException("the boundary-search check '" + name + "' needs a model that predicts from its"
                    + " inputs, but model '" + info.id() + "' reads stored predictions");
        }
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        List<Double> sds = new ArrayList<>();
        String labelColumn = data.label().orElse(null);
        List<String> wanted = features != null ? features : data.columnNames();
        for (String f : wanted) {
            if (!data.hasColumn(f)) {
                throw new AssayException("boundary search '" + name + "': unknown feature column '" + f + "' in "
                        + data.source() + " (columns: " + data.columnNames() + ")");
            }
            Column col = data.column(f);
            boolean listed = features != null;
            if (constraints.isImmutable(f)) {
                if (listed) {
                    throw new AssayException("boundary search '" + name + "': feature '" + f
                            + "' is immutable, so the search may not change it");
                }
                continue;
            }
            if (!col.isNumeric()) {
                if (listed) {
                    categorical.add(f);
                }
                continue;
            }
            if (f.equals(labelColumn)) {
                continue;
            }
            double sd = sd(col);
            if (!(sd > 0)) {
                if (listed) {
                    throw new AssayException("boundary search '" + name + "': feature '" + f + "' of "
                            + data.source() + " has no spread (standard deviation " + sd
                            + "), so it has no standardised unit");
                }
                continue;
            }
            numeric.add(f);
            sds.add(sd);
        }
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new AssayException("boundary search '" + name + "': no feature of " + data.source()
                    + " may change (give numeric columns with some spread under 'features')");
        }
        long stream = Stats.hash(context.suite() + "/" + name);
        int[] sample = Frames.sample(data.rows(), rows, Stats.rng(context.seed(), stream));
        BoundarySearcher s = new BoundarySearcher(model, data, numeric, categorical,
                sds.stream().mapToDouble(Double::doubleValue).toArray(), constraints, sample, maxQueries,
                context.seed() ^ stream);
        return result(s, info, data, context);
    }

    private CheckResult result(BoundarySearcher s, ModelInfo info, Dataset data, RunContext context) {
        int n = s.distance.length;
        double[] sorted = s.distance.clone();
        Arrays.sort(sorted);
        int notFlipped = 0;
        int noStart = 0;
        long used = 0;
        for (int r = 0; r < n; r++) {
            notFlipped += Double.isInfinite(s.distance[r]) ? 1 : 0;
            noStart += s.others[r] == 0 ? 1 : 0;
            used += s.used[r];
        }
        long budget = (long) n * maxQueries;
        double median = quantile(sorted, 0.5);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("min", sorted[0]);
        m.put("p10", quantile(sorted, 0.1));
        m.put("median", median);
        m.put("p90", quantile(sorted, 0.9));
        m.put("flipped", (double) (n - notFlipped));
        m.put("not_flipped", (double) notFlipped);
        int within = 0;
        Interval rateCi = null;
        double rate = Double.NaN;
        if (radius != null) {
            for (double v : sorted) {
                within += v <= radius ? 1 : 0;
            }
            rate = (double) within / n;
            rateCi = Stats.wilson(within, n, confidence);
            m.put("flip_rate_within_radius", rate);
            m.put("radius", radius);
        }
        m.put("queries_used", (double) used);
        m.put("query_budget", (double) budget);
        m.put("data_predictions", (double) s.dataPredictions);
        Interval medianCi = medianInterval(sorted, confidence);
        Map<String, Interval> cis = new LinkedHashMap<>();
        if (rateCi != null) {
            cis.put("flip_rate_within_radius", rateCi);
        }
        if (medianCi != null && Double.isFinite(medianCi.upper())) {
            cis.put("median", medianCi);
        }
        GroupResult table = new GroupResult(Map.of("distance", "all"), n, m, cis, null);

        Threshold rateT = maxFlipRate == null ? null : Threshold.atMost(maxFlipRate);
        Threshold medT = minMedianDistance == null ? null : Threshold.atLeast(minMedianDistance);
        Verdict rateV = rateT == null ? Verdict.PASS : rateT.judge(rate, rateCi, decision);
        Verdict medV = medT == null ? Verdict.PASS : medT.judge(finite(median), medianCi == null ? null
                : new Interval(finite(medianCi.lower()), finite(medianCi.upper())), decision);
        Verdict verdict = rateV == Verdict.FAIL || medV == Verdict.FAIL ? Verdict.FAIL : Verdict.PASS;

        boolean byRate = maxFlipRate != null || minMedianDistance == null && radius != null;
        CheckResult.Builder r = CheckResult.builder(kind(), name).confidence(confidence).decision(decision)
                .verdict(verdict).n(n).seed(context.seed()).model(info).data(DataInfo.of(data)).group(table);
        if (byRate) {
            r.metric("flip_rate_within_radius").value(rate).ci(rateCi);
            if (rateT != null) {
                r.threshold(rateT);
            }
        } else {
            r.metric("median_distance");
            if (Double.isFinite(median)) {
                r.value(median);
            }
            if (medianCi != null && Double.isFinite(medianCi.upper())) {
                r.ci(medianCi);
            }
            if (medT != null) {
                r.threshold(medT);
            }
        }
        String pct = Fmt.number(confidence * 100) + "% CI ";
        StringBuilder summary = new StringBuilder();
        if (radius != null) {
            summary.append(within).append(" of ").append(n).append(" rows flipped within radius ")
                    .append(Fmt.number(radius)).append(" (standardised units)");
        } else {
            summary.append(n - notFlipped).append(" of ").append(n).append(" rows flipped");
        }
        summary.append("; distances min ").append(text(sorted[0])).append(", p10 ").append(text(m.get("p10")))
                .append(", median ").append(text(median)).append(" (").append(pct)
                .append(medianCi == null ? "undefined" : "[" + text(medianCi.lower()) + ", "
                        + text(medianCi.upper()) + "]").append(")").append(", p90 ").append(text(m.get("p90")));
        if (noStart == n) {
            summary.append("; the model gave every row of ").append(data.source())
                    .append(" the same label, so there is no decision boundary to find");
        } else if (notFlipped > 0) {
            summary.append("; ").append(notFlipped).append(" rows not flipped within ").append(maxQueries)
                    .append(" queries").append(noStart > 0 ? " (" + noStart + " with no row of another label)" : "");
        }
        summary.append("; queries ").append(used).append(" of a budget of ").append(budget).append(" (")
                .append(maxQueries).append(" per row), plus ").append(s.dataPredictions)
                .append(" predictions of the data for starting points");
        StringBuilder msg = new StringBuilder();
        if (rateV == Verdict.FAIL) {
            msg.append("Expecting flip rate within radius ").append(Fmt.number(radius)).append(" to be ")
                    .append(rateT.describe()).append(" (decision: ").append(decision.json()).append(") but was ")
                    .append(Fmt.number(rate)).append(" (").append(pct).append(ci(rateCi)).append(")");
        }
        if (medV == Verdict.FAIL) {
            msg.append(msg.length() > 0 ? ", and expecting" : "Expecting").append(" median distance to be ")
                    .append(medT.describe()).append(" (decision: ").append(decision.json()).append(") but was ")
                    .append(text(median));
        }
        if (msg.length() > 0) {
            msg.append(": ");
        }
        return r.message(msg.append(summary).toString()).build();
    }

    private static String ci(Interval ci) {
        return "[" + Fmt.number(ci.lower()) + ", " + Fmt.number(ci.upper()) + "]";
    }

    private static String text(double v) {
        return Double.isInfinite(v) ? "beyond the search" : Fmt.number(v);
    }

    private static double finite(double v) {
        return Double.isInfinite(v) ? Double.MAX_VALUE : v;
    }

    /** Linear-interpolation quantile where infinite values (not flipped) stay infinite. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        if (frac == 0 || sorted[lo] == sorted[hi]) {
            return sorted[lo];
        }
        if (Double.isInfinite(sorted[hi])) {
            return Double.POSITIVE_INFINITY;
        }
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    /**
     * Distribution-free interval of the median: order statistics {@code [x(l), x(n+1-l)]} with {@code l} the
     * largest rank such that {@code P(Bin(n, 1/2) < l) <= alpha/2}; {@code null} when {@code n} is too small.
     */
    static Interval medianInterval(double[] sorted, double confidence) {
        int n = sorted.length;
        BinomialDistribution b = BinomialDistribution.of(n, 0.5);
        int l = b.inverseCumulativeProbability((1 - confidence) / 2);
        if (b.cumulativeProbability(l - 1) > (1 - confidence) / 2) {
            l--;
        }
        if (l < 1) {
            return null;
        }
        return new Interval(sorted[l - 1], sorted[n - l]);
    }

    private static double sd(Column col) {
        double sum = 0;
        double sq = 0;
        int k = 0;
        for (int i = 0; i < col.size(); i++) {
            double v = col.doubleValue(i);
            if (!Double.isNaN(v)) {
                sum += v;
                k++;
            }
        }
        if (k < 2) {
            return 0;
        }
        double mean = sum / k;
        for (int i = 0; i < col.size(); i++) {
            double v = col.doubleValue(i);
            if (!Double.isNaN(v)) {
                sq += (v - mean) * (v - mean);
            }
        }
        return Math.sqrt(sq / (k - 1));
    }
}

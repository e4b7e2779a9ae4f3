package dev.assay.core.compare;

import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.compare.internal.PairedBootstrap;
import dev.assay.core.data.internal.Masker;
import dev.assay.core.internal.BinaryOutcomes;
import dev.assay.core.internal.Fmt;
import dev.assay.core.internal.GroupIndex;
import dev.assay.core.internal.Require;
import dev.assay.core.internal.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code compare} check: a candidate model (the model under test) against a baseline model on the same rows.
 *
 * <p>The value is {@code metric(candidate) - metric(baseline)}, with a seeded paired bootstrap percentile interval:
 * rows are resampled jointly for both models, done as a multinomial draw of the joint cells (group x truth x
 * candidate x baseline), which is equivalent for count-based metrics. Non-inferiority with a {@code margin}: for a
 * metric where higher is better the check passes iff the interval's lower bound is at least {@code -margin} ("the
 * candidate's recall is at most 0.01 lower, at 95%"); where lower is better, iff its upper bound is at most
 * {@code margin} (decision {@code strict} by default). The disagreement rate of the two models' predictions is
 * reported with a Wilson interval and its first rows as findings; with {@code max-disagreement} it is judged too.
 * Any {@link PairedMetric} can be compared (the hook for fairness metrics). Build one with {@link Compare}.
 */
public final class CompareCheck implements Check {
    private final String name;
    private final Model baseline;
    private final String metricId;
    private final PairedMetric metric;
    private final List<String> by;
    private final double margin;
    private final Decision decision;
    private final double confidence;
    private final int bootstrap;
    private final Double maxDisagreement;
    private final String label;
    private final String positive;
    private final int examples;

    CompareCheck(Compare.Builder b) {
        this.baseline = Objects.requireNonNull(b.baseline, "a compare check needs a baseline model");
        this.metricId = b.metricId;
        this.metric = b.metric;
        this.name = b.name != null ? b.name : metricId + " versus baseline";
        this.by = List.copyOf(b.by);
        this.margin = b.margin;
        this.decision = b.decision;
        this.confidence = b.confidence;
        this.bootstrap = b.bootstrap;
        this.maxDisagreement = b.maxDisagreement;
        this.label = b.label;
        this.positive = b.positive;
        this.examples = b.examples;
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("margin must be at least 0, was " + margin);
        }
        Require.confidence(confidence);
        if (bootstrap < 100) {
            throw new IllegalArgumentException("bootstrap needs at least 100 resamples, was " + bootstrap);
        }
    }

    @Override
    public String kind() {
        return "compare";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(Model candidate, Dataset data, RunContext context) {
        if (candidate == null) {
            throw new IllegalArgumentException("compare needs a candidate model");
        }
        Predictions pc = Checks.predict(candidate, data);
        Predictions pb = Checks.predict(baseline, data);
        ModelInfo ci = Checks.modelInfo(candidate, data);
        ModelInfo bi = Checks.modelInfo(baseline, data);
        BinaryOutcomes oc = BinaryOutcomes.of(data, pc, ci.id(), label, positive);
        BinaryOutcomes ob = BinaryOutcomes.of(data, pb, bi.id(), label, positive);
        GroupIndex groups = GroupIndex.of(data, by, false);
        int g = groups.cellCount();
        long[] cells = new long[8 * g];
        int n = data.rows();
        long disagree = 0;
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cells[PairedBootstrap.cell(groups.cellOfRow[i], oc.truth[i], oc.predicted[i], ob.predicted[i])]++;
            String a = pc.label(i);
            String b = pb.label(i);
            if (!Objects.equals(a, b)) {
                if (disagree++ < examples) {
                    findings.add(new Finding(i, "disagreement", null, null, null, null, "candidate '"
                            + Masker.mask(a) + "', baseline '" + Masker.mask(b) + "' at " + data.locate(i)));
                }
            }
        }
        long[][] cc = PairedBootstrap.confusion(cells, g, true);
        long[][] cb = PairedBootstrap.confusion(cells, g, false);
        double vc = metric.value(cc);
        double vb = metric.value(cb);
        double diff = vc - vb;
        Interval interval = Double.isNaN(diff) ? null : PairedBootstrap.interval(metric, cells, g, bootstrap,
                confidence, Stats.rng(context.seed(), Stats.hash(context.suite() + "/" + name)));
        boolean higher = metric.higherIsBetter();
        Threshold threshold = higher ? Threshold.atLeast(-margin) : Threshold.atMost(margin);
        CheckResult.Builder result = CheckResult.builder(kind(), name).metric(metricId + "_difference")
                .threshold(threshold).decision(decision).confidence(confidence).n(n).seed(context.seed())
                .model(ci).data(DataInfo.of(data)).findings(findings);
        double rate = n == 0 ? Double.NaN : (double) disagree / n;
        Interval rateCi = Stats.wilson(disagree, n, confidence);
        result.group(modelRow("candidate", ci, n, vc, cc));
        result.group(modelRow("baseline", bi, n, vb, cb));
        Map<String, Double> dm = new LinkedHashMap<>();
        dm.put("difference", diff);
        Map<String, Interval> dci = new LinkedHashMap<>();
        if (interval != null) {
            dci.put("difference", interval);
        }
        dm.put("disagreement", rate);
        if (rateCi != null) {
            dci.put("disagreement", rateCi);
        }
        dm.put("disagreeing_rows", (double) disagree);
        result.group(new GroupResult(Map.of("comparison", "candidate - baseline"), n, dm, dci, null));
        if (Double.isNaN(diff)) {
            return result.verdict(Verdict.ERROR).message(metricId + " is undefined on " + data.source() + " for the "
                    + (Double.isNaN(vc) ? "candidate '" + ci.id() + "'" : "baseline '" + bi.id() + "'")).build();
        }
        if (interval == null) {
            return result.value(diff).verdict(Verdict.ERROR).message("the bootstrap interval of the " + metricId
                    + " difference is undefined: the metric is undefined in most resamples of " + n + " rows").build();
        }
        result.value(diff).ci(interval);
        Verdict verdict = threshold.judge(diff, interval, decision);
        List<String> problems = new ArrayList<>();
        String pct = Fmt.number(confidence * 100) + "%";
        if (verdict == Verdict.FAIL) {
            problems.add("Expecting the candidate's " + metricId + " to be at most " + Fmt.number(margin) + " "
                    + (higher ? "lower" : "higher") + " than the baseline's (" + pct + " interval of candidate - "
                    + "baseline " + threshold.describe() + ", decision: " + decision.json() + "), but the difference"
                    + " is " + Fmt.number(diff) + " " + interval + ": candidate '" + ci.id() + "' " + Fmt.number(vc)
                    + ", baseline '" + bi.id() + "' " + Fmt.number(vb) + " on " + n + " rows of " + data.source());
        }
        if (maxDisagreement != null && !(rate <= maxDisagreement)) {
            problems.add("Expecting the models to disagree on at most " + Fmt.number(maxDisagreement)
                    + " of the rows, but they disagree on " + disagree + " of " + n + " (" + Fmt.number(rate) + " "
                    + rateCi + ")" + (findings.isEmpty() ? "" : ", first at " + firstRows(findings)));
        }
        if (!problems.isEmpty()) {
            return result.verdict(Verdict.FAIL).message(String.join("\n", problems)).build();
        }
        return result.verdict(Verdict.PASS).message(metricId + " difference " + Fmt.number(diff) + " " + interval
                + "; disagreement " + Fmt.number(rate) + " (" + disagree + " of " + n + " rows)").build();
    }

    private static String firstRows(List<Finding> findings) {
        List<String> rows = new ArrayList<>();
        findings.forEach(f -> rows.add(f.detail()));
        return String.join("; ", rows);
    }

    private GroupResult modelRow(String role, ModelInfo info, long n, double value, long[][] counts) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(metricId, value);
        for (String p : List.of("accuracy", "precision", "recall", "f1")) {
            m.putIfAbsent(p, PairedBootstrap.performance(p, counts));
        }
        Map<String, String> group = new LinkedHashMap<>();
        group.put("model", role);
        group.put("id", info.id());
        return new GroupResult(group, n, m);
    }
}

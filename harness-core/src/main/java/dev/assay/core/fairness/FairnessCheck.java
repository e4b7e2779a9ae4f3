package dev.assay.core.fairness;

import dev.assay.core.AssayException;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.fairness.internal.CellBootstrap;
import dev.assay.core.fairness.internal.CellCounter;
import dev.assay.core.fairness.internal.CellTable;
import dev.assay.core.fairness.internal.RowMetrics;
import dev.assay.core.fairness.internal.StreamingCounter;
import dev.assay.core.fairness.internal.StreamingCounter.Streamed;
import dev.assay.core.Datasets;
import dev.assay.core.Ids;
import dev.assay.core.ModelInfo;
import dev.assay.core.internal.CheckEvents;
import dev.assay.core.internal.Fmt;
import java.nio.file.Path;
import dev.assay.core.internal.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The {@code fairness} check: a metric of the catalogue over the groups of the {@code by} columns, with a
 * bootstrap interval, judged against {@code min}/{@code max} under a decision rule. Build one with
 * {@link Fairness}; the package documentation lists the metrics, their conventions and the scenario keys.
 *
 * <p>The verdict is {@code error} when the data is bad (missing sensitive values without
 * {@code missing: as-group}, a third label value, a missing prediction), when the metric is undefined (for
 * example a ratio whose groups all have rate 0), or when no group is large enough; never {@code pass}.
 */
public final class FairnessCheck implements Check {
    private static final String KIND = "fairness";

    private final String name;
    private final String metricName;
    private final MetricSpec spec;
    private final List<String> by;
    private final Threshold threshold;
    private final boolean toOverall;
    private final boolean meanAgg;
    private final int minGroupSize;
    private final boolean failSmallGroups;
    private final double confidence;
    private final Decision decision;
    private final List<Map<String, String>> privileged;
    private final List<Map<String, String>> unprivileged;
    private final List<String> control;
    private final boolean missingAsGroup;
    private final int bootstrap;
    private final String label;
    private final String positive;
    private final String scoreColumn;
    private final String weights;
    private final double alpha;
    private final List<String> features;
    private final int neighbors;
    private final List<BaseMetric> extraFrame;

    FairnessCheck(Fairness.Builder b) {
        this.metricName = b.metric;
        this.spec = MetricSpec.parse(b.metric, b.loss == null ? null : BaseMetric.parse(b.loss));
        this.by = b.by;
        this.threshold = b.min == null && b.max == null ? null : new Threshold(b.min, b.max);
        this.name = b.name != null ? b.name : b.metric + (b.by.isEmpty() ? "" : " by " + String.join(", ", b.by));
        this.toOverall = b.toOverall;
        this.meanAgg = b.meanAgg;
        this.minGroupSize = b.minGroupSize;
        this.failSmallGroups = b.failSmallGroups;
        this.confidence = b.confidence;
        this.decision = b.decision;
        this.privileged = b.privileged;
        this.unprivileged = b.unprivileged;
        this.control = b.controlFeatures;
        this.missingAsGroup = b.missingAsGroup;
        this.bootstrap = b.bootstrap;
        this.label = b.label;
        this.positive = b.positive;
        this.scoreColumn = b.scoreColumn;
        this.weights = b.weights;
        this.alpha = b.alpha;
        this.features = b.features;
        this.neighbors = b.neighbors;
        this.extraFrame = List.copyOf(b.frame);
        if (spec.needsPrivileged() && privileged.isEmpty()) {
            throw new IllegalArgumentException(metricName + " compares an unprivileged with a privileged group (AIF360):"
                    + " set privileged (and optionally unprivileged)");
        }
        if (!unprivileged.isEmpty() && privileged.isEmpty()) {
            throw new IllegalArgumentException("unprivileged is set but privileged is not; set both or privileged only");
        }
        if (spec.type == MetricSpec.Type.CONSISTENCY && features.isEmpty()) {
            throw new IllegalArgumentException("consistency needs features: the columns of the nearest-neighbour"
                    + " search");
        }
        for (String c : control) {
            if (by.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is both in by and in control-features");
            }
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return name;
    }

    /** The metric's name as configured. */
    public String metric() {
        return metricName;
    }

    public Threshold threshold() {
        return threshold;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        Evaluation e = evaluate(model, data, context);
        CheckResult.Builder result = CheckResult.builder(KIND, name).model(Checks.modelInfo(model, data))
                .data(DataInfo.of(data));
        return judge(e, result, data.source(), context);
    }

    private CheckResult judge(Evaluation e, CheckResult.Builder result, String source, RunContext context) {
        FairnessReport r = e.report;
        result.metric(metricName).confidence(confidence).decision(decision).threshold(threshold).seed(context.seed())
                .n(r.rows()).groups(r.groups());
        if (r.ci() != null) {
            result.ci(r.ci());
        }
        String smallNote = r.smallGroups().isEmpty() ? "" : "\nleft out as smaller than min-group-size "
                + minGroupSize + ": " + describe(r.smallGroups());
        if (e.pooledTooSmall != null) {
            return result.verdict(failSmallGroups ? Verdict.FAIL : Verdict.ERROR).message(e.pooledTooSmall).build();
        }
        if (e.noGroup) {
            return result.verdict(failSmallGroups ? Verdict.FAIL : Verdict.ERROR).message("no group of "
                    + e.groupColumns + " has at least " + minGroupSize + " rows (min-group-size)" + smallNote).build();
        }
        double v = r.value();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return result.verdict(Verdict.ERROR).message(metricName + " is undefined (" + Fairlearnish.why(v)
                    + ") on " + source + "; per group:\n" + r.table() + smallNote).build();
        }
        result.value(v);
        Verdict verdict = threshold == null ? Verdict.PASS : threshold.judge(v, r.ci(), decision);
        String gap = r.gapTest().map(t -> "\n" + t).orElse("");
        if (verdict == Verdict.FAIL) {
            return result.verdict(Verdict.FAIL).message("Expecting " + metricName + " over the groups of "
                    + e.groupColumns + " to be " + threshold.describe() + " (decision: " + decision.json()
                    + ") but was " + Fmt.number(v) + (r.ci() == null ? "" : " " + r.ci())
                    + "; per group:\n" + r.table() + smallNote + gap).build();
        }
        if (failSmallGroups && !r.smallGroups().isEmpty()) {
            return result.verdict(Verdict.FAIL).message("Expecting every group of " + e.groupColumns
                    + " to have at least " + minGroupSize + " rows (min-group-size, small-groups: fail) but "
                    + describe(r.smallGroups()) + (r.smallGroups().size() == 1 ? " has" : " have") + " fewer")
                    .build();
        }
        result.verdict(Verdict.PASS);
        if (!smallNote.isEmpty() || !gap.isEmpty()) {
            result.message((smallNote + gap).substring(1));
        }
        return result.build();
    }

    private static String describe(List<GroupResult> groups) {
        List<String> s = new ArrayList<>();
        for (GroupResult g : groups) {
            s.add(g.label() + " (n=" + g.n() + ")");
        }
        return String.join(", ", s);
    }

    /**
     * Evaluates precomputed predictions in a CSV file (header row, comma separated) line by line, in memory that
     * does not grow with the file: for data larger than the heap. Count-based metrics only (no scores, no
     * consistency); {@code label} and {@code by} (or {@code privileged}) must be set. Errors become an
     * {@code error} result, as with {@link Checks#evaluate}.
     *
     * @param predictionColumn the column of the file that holds the model's predicted labels
     */
    public CheckResult runOnCsvStream(Path file, String predictionColumn, RunContext context) {
        String id = Ids.slug(context.suite()) + "/" + Ids.slug(name);
        ModelInfo model = new ModelInfo(file.getFileName() + "#" + predictionColumn, "predictions", null);
        CheckResult result;
        try {
            Streamed s = stream(file, predictionColumn);
            Evaluation e = fromStream(s, file, context);
            CheckResult.Builder b = CheckResult.builder(KIND, name).id(id).model(model)
                    .data(new DataInfo(file.toString(), s.rows, s.sha256));
            result = judge(e, b, file.toString(), context);
        } catch (RuntimeException ex) {
            result = CheckResult.error(KIND, name, ex).toBuilder().id(id).seed(context.seed()).model(model).build();
        }
        CheckEvents.publish(result);
        return result;
    }

    /** As {@link #runOnCsvStream}, without judging; errors are thrown. */
    public FairnessReport reportOnCsvStream(Path file, String predictionColumn, RunContext context) {
        return fromStream(stream(file, predictionColumn), file, context).report;
    }

    private List<String> streamGroupColumns() {
        List<String> byCols = new ArrayList<>(by);
        if (byCols.isEmpty()) {
            for (Map<String, String> c : privileged) {
                for (String col : c.keySet()) {
                    if (!byCols.contains(col) && !control.contains(col)) {
                        byCols.add(col);
                    }
                }
            }
        }
        if (byCols.isEmpty()) {
            throw new AssayException("streaming needs the group columns: set by");
        }
        return byCols;
    }

    private List<BaseMetric> streamFrame() {
        if (spec.type == MetricSpec.Type.CONSISTENCY) {
            throw new AssayException("consistency needs the rows' features and cannot be evaluated from a stream");
        }
        Set<BaseMetric> frameSet = new LinkedHashSet<>(spec.groupMetrics());
        frameSet.addAll(extraFrame);
        for (BaseMetric m : frameSet) {
            if (m.kind() != BaseMetric.Kind.BINARY && m.kind() != BaseMetric.Kind.ANY) {
                throw new AssayException(m.id() + " is not a count-based classification metric and cannot be"
                        + " evaluated from a stream");
            }
        }
        return new ArrayList<>(frameSet);
    }

    private Streamed stream(Path file, String predictionColumn) {
        if (label == null) {
            throw new AssayException("streaming needs the label column: set label");
        }
        streamFrame();
        List<String> groupCols = new ArrayList<>(streamGroupColumns());
        groupCols.addAll(control);
        return StreamingCounter.count(file, groupCols, missingAsGroup, label, positive, predictionColumn, weights,
                Datasets.DEFAULT_MISSING);
    }

    private Evaluation fromStream(Streamed s, Path file, RunContext context) {
        List<String> byCols = streamGroupColumns();
        List<String> groupCols = new ArrayList<>(byCols);
        groupCols.addAll(control);
        return fromCounts(s.result, byCols, groupCols, streamFrame(), false, false, false, null, file.toString(), null,
                context);
    }

    /** Evaluates without judging. */
    public FairnessReport report(Model model, Dataset data, RunContext context) {
        return evaluate(model, data, context).report;
    }

    private static final class Evaluation {
        FairnessReport report;
        List<String> groupColumns;
        boolean noGroup;
        String pooledTooSmall;
    }

    private Evaluation evaluate(Model model, Dataset data, RunContext context) {
        Predictions preds = Checks.predict(model, data);
        String modelId = model.info().id();
        List<String> byCols = new ArrayList<>(by.isEmpty() ? data.sensitive() : by);
        if (byCols.isEmpty()) {
            for (Map<String, String> c : privileged) {
                for (String col : c.keySet()) {
                    if (!byCols.contains(col) && !control.contains(col)) {
                        byCols.add(col);
                    }
                }
            }
        }
        if (byCols.isEmpty()) {
            throw new DataException(data.source() + ": no group columns; set by (or the data's sensitive columns)");
        }
        List<String> groupCols = new ArrayList<>(byCols);
        groupCols.addAll(control);

        Set<BaseMetric> frameSet = new LinkedHashSet<>(spec.groupMetrics());
        frameSet.addAll(extraFrame);
        List<BaseMetric> frame = new ArrayList<>(frameSet);
        boolean regression = frame.stream().anyMatch(m -> m.kind() == BaseMetric.Kind.REGRESSION);
        for (BaseMetric m : frame) {
            boolean ok = regression ? m.kind() == BaseMetric.Kind.REGRESSION || m.kind() == BaseMetric.Kind.ANY
                    : m.kind() != BaseMetric.Kind.REGRESSION;
            if (!ok) {
                throw new AssayException("cannot mix regression and classification metrics: " + frame);
            }
        }
        boolean needScores = frame.stream().anyMatch(m -> m.kind() == BaseMetric.Kind.SCORE);
        boolean needAuc = frame.contains(BaseMetric.ROC_AUC);
        boolean consistency = spec.type == MetricSpec.Type.CONSISTENCY;

        CellCounter.Spec cs = new CellCounter.Spec();
        cs.groupColumns = groupCols;
        cs.missingAsGroup = missingAsGroup;
        cs.regression = regression;
        String labelName = label != null ? label : data.label().orElseThrow(() -> new DataException(data.source()
                + ": no label column is set; name the ground-truth column (label) for " + metricName));
        cs.label = data.column(labelName);
        cs.positive = positive;
        cs.prediction = preds.labels();
        cs.predictionSource = "prediction of model '" + modelId + "'";
        if (needScores) {
            if (scoreColumn != null) {
                cs.scoreColumn = data.column(scoreColumn);
            } else if (preds.hasScores()) {
                cs.scores = preds.scores().orElseThrow();
            } else {
                throw new DataException(metricName + " needs scores: model '" + modelId + "' gives none; set"
                        + " score-column to a column of probabilities of " + data.source());
            }
        }
        Column weightColumn = weights == null ? null : data.column(weights);
        cs.weights = weightColumn;
        cs.keepRows = needAuc || consistency;
        CellCounter.Result counted = CellCounter.count(data, cs);
        return fromCounts(counted, byCols, groupCols, frame, regression, needAuc, consistency, data,
                data.source(), weightColumn, context);
    }

    /** Everything after the pass: groups, point values, bootstrap, report. {@code data} is null when streaming. */
    private Evaluation fromCounts(CellCounter.Result counted, List<String> byCols, List<String> groupCols,
                                  List<BaseMetric> frame, boolean regression, boolean needAuc, boolean consistency,
                                  Dataset data, String source, Column weightColumn, RunContext context) {
        CellTable table = counted.table;
        int cells = table.cells;

        // groups: small ones, privileged and unprivileged
        boolean[] included = new boolean[cells];
        List<Integer> small = new ArrayList<>();
        boolean anyIncluded = false;
        for (int c = 0; c < cells; c++) {
            included[c] = table.cellCount(c) >= minGroupSize;
            anyIncluded |= included[c];
            if (!included[c]) {
                small.add(c);
            }
        }
        boolean[] priv = null;
        boolean[] unpriv = null;
        if (!privileged.isEmpty()) {
            priv = match(privileged, counted.cells, groupCols, "privileged", source);
            unpriv = unprivileged.isEmpty() ? not(priv) : match(unprivileged, counted.cells, groupCols,
                    "unprivileged", source);
            for (int c = 0; c < cells; c++) {
                if (priv[c] && unpriv[c]) {
                    throw new AssayException("the privileged and unprivileged groups overlap: "
                            + counted.cells.get(c) + " is in both");
                }
            }
        }
        Frame f = new Frame(table, counted.cells, control, included, priv, unpriv, regression);
        MetricSpec.Options o = new MetricSpec.Options();
        o.toOverall = toOverall;
        o.meanAgg = meanAgg;
        o.alpha = alpha;
        o.lowIsBad = threshold == null || threshold.min() != null;

        // ROC AUC: not count-based; computed from the score order, intervals from its normal approximation
        double[][] auc = null;
        if (needAuc) {
            auc = aucs(f, counted, weightColumn);
        }

        long stream = Stats.hash(context.suite() + "/" + name);
        int m = frame.size();
        int levels = f.levels > 1 ? f.levels : 0;
        int outputs = 1 + m * cells + m * 5 + m * levels * 5;
        final double[][] aucFinal = auc;
        final UniformRandomProvider aucRng = Stats.rng(context.seed(), stream + 1);
        final ZigguratSampler.NormalizedGaussian aucGauss = ZigguratSampler.NormalizedGaussian.of(aucRng);
        List<MetricSpec[]> aggSpecs = new ArrayList<>();
        for (BaseMetric b : frame) {
            aggSpecs.add(new MetricSpec[] {
                MetricSpec.of(b.id() + "_difference", MetricSpec.Type.DIFFERENCE, b),
                MetricSpec.of(b.id() + "_ratio", MetricSpec.Type.RATIO, b),
                MetricSpec.of(b.id() + "_group_min", MetricSpec.Type.GROUP_MIN, b),
                MetricSpec.of(b.id() + "_group_max", MetricSpec.Type.GROUP_MAX, b)});
        }
        double consistencyValue = Double.NaN;
        Interval consistencyCi = null;
        if (consistency) {
            double[][] x = new double[features.size()][];
            for (int j = 0; j < x.length; j++) {
                Column fc = data.column(features.get(j));
                x[j] = fc.toDoubleArray();
                for (int i = 0; i < x[j].length; i++) {
                    if (Double.isNaN(x[j][i])) {
                        throw new DataException(data.locate(i) + ", feature column '" + fc.name()
                                + "': consistency needs a number in every row");
                    }
                }
            }
            double[] terms = RowMetrics.consistencyTerms(x, counted.rowP, neighbors);
            double mean = 0;
            for (double t : terms) {
                mean += t;
            }
            mean /= terms.length;
            double var = 0;
            for (double t : terms) {
                var += (t - mean) * (t - mean);
            }
            var /= Math.max(1, terms.length - 1);
            double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
            double half = z * Math.sqrt(var / terms.length);
            consistencyValue = 1 - mean;
            consistencyCi = new Interval(Math.max(0, consistencyValue - half), Math.min(1, consistencyValue + half));
        }
        final double consistencyFinal = consistencyValue;
        java.util.function.Function<CellTable, double[]> values = t -> {
            f.compute(t);
            double[] out = new double[outputs];
            out[0] = consistency ? consistencyFinal : spec.evaluate(f, o);
            int k = 1;
            for (BaseMetric b : frame) {
                for (int c = 0; c < cells; c++) {
                    out[k++] = f.cellValue(b, c, false);
                }
            }
            for (int i = 0; i < m; i++) {
                out[k++] = f.totalValue(frame.get(i));
                for (MetricSpec s : aggSpecs.get(i)) {
                    out[k++] = s.evaluate(f, o);
                }
            }
            for (int i = 0; i < m; i++) {
                BaseMetric b = frame.get(i);
                for (int l = 0; l < levels; l++) {
                    out[k++] = f.levelValue(b, l);
                    out[k++] = MetricSpec.aggregate(f, b, MetricSpec.Type.DIFFERENCE, l, o);
                    out[k++] = MetricSpec.aggregate(f, b, MetricSpec.Type.RATIO, l, o);
                    out[k++] = MetricSpec.aggregate(f, b, MetricSpec.Type.GROUP_MIN, l, o);
                    out[k++] = MetricSpec.aggregate(f, b, MetricSpec.Type.GROUP_MAX, l, o);
                }
            }
            return out;
        };
        double[] point = values.apply(table);
        double[][] samples = null;
        if (bootstrap > 0) {
            UniformRandomProvider rng = Stats.rng(context.seed(), stream);
            java.util.function.Function<CellTable, double[]> draw = values;
            if (aucFinal != null) {
                draw = t -> {
                    perturbAuc(f, aucFinal, aucGauss);
                    return values.apply(t);
                };
            }
            samples = CellBootstrap.run(table, bootstrap, rng, draw, outputs);
            f.compute(table);
            if (aucFinal != null) {
                restoreAuc(f, aucFinal);
            }
        }

        // the report
        Interval headlineCi = consistency ? consistencyCi : samples == null ? null
                : CellBootstrap.percentile(samples[0], confidence);
        FairnessReport.Value headline = new FairnessReport.Value(metricName, point[0], headlineCi);
        List<GroupResult> groups = new ArrayList<>();
        List<GroupResult> smallGroups = new ArrayList<>();
        boolean wilson = weightColumn == null && !counted.table.weighted();
        for (int c = 0; c < cells; c++) {
            Map<String, Double> mv = new LinkedHashMap<>();
            Map<String, Interval> ci = new LinkedHashMap<>();
            for (int i = 0; i < m; i++) {
                BaseMetric b = frame.get(i);
                int k = 1 + i * cells + c;
                mv.put(b.id(), point[k]);
                Interval bi = samples == null ? null : CellBootstrap.percentile(samples[k], confidence);
                if (b == BaseMetric.ROC_AUC && aucFinal != null) {
                    bi = normal(aucFinal[0][c], aucFinal[1][c]);
                }
                if (bi != null) {
                    ci.put(b.id(), bi);
                }
                if (wilson) {
                    long[] xn = Formulas.proportion(b, f.cell[c]);
                    Interval wi = xn == null ? null : Stats.wilson(xn[0], xn[1], confidence);
                    if (wi != null) {
                        ci.put(b.id() + "_wilson", wi);
                    }
                }
            }
            long n = table.cellCount(c);
            String excluded = included[c] ? null : "fewer than " + minGroupSize + " rows (min-group-size)";
            GroupResult g = new GroupResult(counted.cells.get(c), n, mv, ci, excluded);
            groups.add(g);
            if (!included[c]) {
                smallGroups.add(g);
            }
        }
        Map<String, Double> overallValues = new LinkedHashMap<>();
        Map<String, Interval> overallCi = new LinkedHashMap<>();
        List<FairnessReport.Value> aggregates = new ArrayList<>();
        int k0 = 1 + m * cells;
        for (int i = 0; i < m; i++) {
            BaseMetric b = frame.get(i);
            int k = k0 + i * 5;
            overallValues.put(b.id(), point[k]);
            Interval oc = samples == null ? null : CellBootstrap.percentile(samples[k], confidence);
            if (oc != null) {
                overallCi.put(b.id(), oc);
            }
            MetricSpec[] specs = aggSpecs.get(i);
            for (int j = 0; j < 4; j++) {
                aggregates.add(new FairnessReport.Value(specs[j].name, point[k + 1 + j],
                        samples == null ? null : CellBootstrap.percentile(samples[k + 1 + j], confidence)));
            }
        }
        GroupResult overall = new GroupResult(Map.of(), table.total(), overallValues, overallCi, null);
        int k1 = k0 + m * 5;
        String[] suffix = {"", "_difference", "_ratio", "_group_min", "_group_max"};
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < levels; l++) {
                String lk = f.levelKeys.get(l).toString();
                for (int j = 0; j < 5; j++) {
                    int k = k1 + (i * levels + l) * 5 + j;
                    aggregates.add(new FairnessReport.Value(frame.get(i).id() + suffix[j] + lk, point[k],
                            samples == null ? null : CellBootstrap.percentile(samples[k], confidence)));
                }
            }
        }

        Evaluation e = new Evaluation();
        e.groupColumns = byCols;
        e.noGroup = !anyIncluded && priv == null;
        if (priv != null && (f.privStats.n < minGroupSize || f.unprivStats.n < minGroupSize)) {
            e.pooledTooSmall = "the privileged group has " + f.privStats.n + " rows and the unprivileged group "
                    + f.unprivStats.n + "; both need at least " + minGroupSize + " (min-group-size)";
        }
        FairnessReport.GapTest gapTest = gapTest(f, frame.get(0), counted.cells, included,
                weightColumn == null && !counted.table.weighted());
        e.report = new FairnessReport(headline, confidence, byCols, groups, overall, aggregates, smallGroups, gapTest,
                table.total(), samples == null ? 0 : bootstrap);
        return e;
    }

    private Interval normal(double value, double se) {
        if (Double.isNaN(value) || Double.isNaN(se)) {
            return null;
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Interval(Math.max(0, value - z * se), Math.min(1, value + z * se));
    }

    /** {@code [0]} AUC per cell, {@code [1]} its standard error, then per level, total, privileged, unprivileged. */
    private static double[][] aucs(Frame f, CellCounter.Result r, Column weightColumn) {
        double[] w = weightColumn == null ? null : weightColumn.toDoubleArray();
        int[] order = RowMetrics.order(r.scores);
        int cells = f.cells;
        double[][] out = new double[2][cells + f.levels + 3];
        for (int c = 0; c < cells; c++) {
            boolean[] mask = new boolean[cells];
            mask[c] = true;
            fill(out, c, RowMetrics.auc(order, r.scores, r.rowY, r.rowCell, mask, w));
        }
        for (int l = 0; l < f.levels; l++) {
            boolean[] mask = new boolean[cells];
            for (int c = 0; c < cells; c++) {
                mask[c] = f.level[c] == l;
            }
            fill(out, cells + l, RowMetrics.auc(order, r.scores, r.rowY, r.rowCell, mask, w));
        }
        fill(out, cells + f.levels, RowMetrics.auc(order, r.scores, r.rowY, r.rowCell, null, w));
        if (f.priv != null) {
            fill(out, cells + f.levels + 1, RowMetrics.auc(order, r.scores, r.rowY, r.rowCell, f.priv, w));
            fill(out, cells + f.levels + 2, RowMetrics.auc(order, r.scores, r.rowY, r.rowCell, f.unpriv, w));
        } else {
            out[0][cells + f.levels + 1] = Double.NaN;
            out[0][cells + f.levels + 2] = Double.NaN;
        }
        f.aucCell = new double[cells];
        f.aucLevel = new double[f.levels];
        restoreAuc(f, out);
        return out;
    }

    private static void fill(double[][] out, int i, double[] a) {
        out[0][i] = a[0];
        out[1][i] = Double.isNaN(a[0]) ? Double.NaN : RowMetrics.aucStandardError(a[0], a[1], a[2]);
    }

    private static void restoreAuc(Frame f, double[][] a) {
        int cells = f.cells;
        System.arraycopy(a[0], 0, f.aucCell, 0, cells);
        System.arraycopy(a[0], cells, f.aucLevel, 0, f.levels);
        f.aucTotal = a[0][cells + f.levels];
        f.aucPriv = a[0][cells + f.levels + 1];
        f.aucUnpriv = a[0][cells + f.levels + 2];
    }

    /** A parametric draw of every AUC from its normal approximation (AUC is not count-based). */
    private static void perturbAuc(Frame f, double[][] a, ZigguratSampler.NormalizedGaussian g) {
        restoreAuc(f, a);
        int cells = f.cells;
        for (int c = 0; c < cells; c++) {
            f.aucCell[c] = clamp01(a[0][c] + a[1][c] * g.sample());
        }
        for (int l = 0; l < f.levels; l++) {
            f.aucLevel[l] = clamp01(a[0][cells + l] + a[1][cells + l] * g.sample());
        }
        f.aucTotal = clamp01(f.aucTotal + a[1][cells + f.levels] * g.sample());
        f.aucPriv = clamp01(f.aucPriv + a[1][cells + f.levels + 1] * g.sample());
        f.aucUnpriv = clamp01(f.aucUnpriv + a[1][cells + f.levels + 2] * g.sample());
    }

    private static double clamp01(double v) {
        return Double.isNaN(v) ? v : Math.max(0, Math.min(1, v));
    }

    private static boolean[] not(boolean[] a) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = !a[i];
        }
        return out;
    }

    private static boolean[] match(List<Map<String, String>> conditions, List<Map<String, String>> cells,
                                   List<String> groupCols, String what, String source) {
        boolean[] out = new boolean[cells.size()];
        for (Map<String, String> cond : conditions) {
            for (String col : cond.keySet()) {
                if (!groupCols.contains(col)) {
                    throw new AssayException(what + " condition " + cond + ": column '" + col + "' is not one of"
                            + " the group columns " + groupCols + "; add it to by");
                }
            }
            boolean any = false;
            for (int c = 0; c < cells.size(); c++) {
                boolean all = true;
                for (Map.Entry<String, String> e : cond.entrySet()) {
                    String v = cells.get(c).get(e.getKey());
                    if (!CellCounter.normalise(e.getValue()).equals(CellCounter.normalise(v))) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    out[c] = true;
                    any = true;
                }
            }
            if (!any) {
                throw new DataException(source + ": the " + what + " group " + cond + " matches no row");
            }
        }
        return out;
    }

    /**
     * Two-proportion z test (Fisher's exact test when an expected count is below 5) on the first per-group
     * metric, when it is a proportion and exactly two groups are compared (privileged and unprivileged, or the
     * two included cells). {@code null} otherwise, or with sample weights.
     */
    private static FairnessReport.GapTest gapTest(Frame f, BaseMetric b, List<Map<String, String>> cells,
                                                  boolean[] included, boolean unweighted) {
        if (!unweighted) {
            return null;
        }
        long[] a;
        long[] c;
        String first;
        String second;
        if (f.priv != null) {
            a = Formulas.proportion(b, f.unprivStats);
            c = Formulas.proportion(b, f.privStats);
            first = "unprivileged";
            second = "privileged";
        } else {
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < f.cells; i++) {
                if (included[i]) {
                    in.add(i);
                }
            }
            if (in.size() != 2 || f.levels != 1) {
                return null;
            }
            a = Formulas.proportion(b, f.cell[in.get(0)]);
            c = Formulas.proportion(b, f.cell[in.get(1)]);
            first = label(cells.get(in.get(0)));
            second = label(cells.get(in.get(1)));
        }
        if (a == null || c == null || a[1] == 0 || c[1] == 0) {
            return null;
        }
        double[] t = twoProportionTest(a[0], a[1], c[0], c[1]);
        return new FairnessReport.GapTest(t[2] == 1 ? "Fisher's exact test" : "two-proportion z test", b.id(),
                first, second, t[0], t[1]);
    }

    /** {@code {statistic, two-sided p, 1 if Fisher}}. */
    static double[] twoProportionTest(long x1, long n1, long x2, long n2) {
        double p = (double) (x1 + x2) / (n1 + n2);
        double minExpected = Math.min(Math.min(n1 * p, n1 * (1 - p)), Math.min(n2 * p, n2 * (1 - p)));
        if (minExpected < 5 && n1 + n2 <= Integer.MAX_VALUE) {
            HypergeometricDistribution h = HypergeometricDistribution.of((int) (n1 + n2), (int) (x1 + x2), (int) n1);
            double observed = h.probability((int) x1);
            double sum = 0;
            for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
                double pk = h.probability(k);
                if (pk <= observed * (1 + 1e-7)) {
                    sum += pk;
                }
            }
            return new double[] {observed, Math.min(1, sum), 1};
        }
        double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return new double[] {0, 1, 0};
        }
        double z = ((double) x1 / n1 - (double) x2 / n2) / se;
        double pv = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
        return new double[] {z, pv, 0};
    }

    private static String label(Map<String, String> g) {
        return new GroupResult(g, 0, Map.of()).label();
    }

    /** Why a value is undefined, in words. */
    static final class Fairlearnish {
        private Fairlearnish() {
        }

        static String why(double v) {
            return Double.isNaN(v) ? "0/0, or no group with a value" : "a division by zero";
        }
    }
}

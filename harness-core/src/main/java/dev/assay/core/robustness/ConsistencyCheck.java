package dev.assay.core.robustness;

import dev.assay.core.AssayException;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Example;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Require;
import dev.assay.core.internal.Stats;
import dev.assay.core.internal.Text;
import dev.assay.core.pii.PiiScanner;
import dev.assay.core.robustness.internal.Fmt;
import dev.assay.core.robustness.internal.Frames;

/**
 * The {@code consistency} check: the share of inputs whose answers disagree (metric {@code inconsistency_rate}), with
 * a Wilson interval, against {@code max-inconsistency-rate} (default 0).
 *
 * <p>Every input is asked {@code repeats} times (each ask a request of its own: an HTTP model's k-th ask has its own
 * cache key, so the run's cache cannot make the check vacuous) and, with {@code batch-vs-single}, once more alone.
 * Two answers agree when their labels are equal after whitespace normalisation, or, with {@code min-similarity}
 * below 1, when their similarity ({@link Text#similarity}) is at least that; with a {@code tolerance}, scores must
 * also differ by at most the tolerance. Each inconsistent input is a failing case ({@link Example}, masked).
 * A missing answer (or score, with a tolerance) is an error. Build one with {@link Consistency}.
 */
public final class ConsistencyCheck implements Check {
    private static final PiiScanner PII = PiiScanner.defaults();

    private final String name;
    private final int repeats;
    private final boolean batchVsSingle;
    private final double minSimilarity;
    private final Double tolerance;
    private final Integer sample;
    private final Threshold threshold;
    private final Decision decision;
    private final double confidence;
    private final int examples;

    ConsistencyCheck(Consistency.Builder b) {
        this.name = b.name != null ? b.name : "consistency";
        this.repeats = b.repeats;
        this.batchVsSingle = b.batchVsSingle;
        this.minSimilarity = b.minSimilarity;
        this.tolerance = b.tolerance;
        this.sample = b.sample;
        this.decision = b.decision;
        this.confidence = b.confidence;
        this.examples = b.examples;
        if (repeats < 1 || (repeats < 2 && !batchVsSingle)) {
            throw new IllegalArgumentException("repeats must be at least 2 (or 1 with batch-vs-single), was "
                    + repeats);
        }
        Require.unitInterval("min-similarity", minSimilarity);
        Require.notNegative("tolerance", tolerance);
        Require.sampleRows(sample);
        Require.unitInterval("max-inconsistency-rate", b.maxInconsistencyRate);
        this.threshold = Threshold.atMost(b.maxInconsistencyRate);
        Require.confidence(confidence);
        Require.notNegative("examples", examples);
    }

    @Override
    public String kind() {
        return "consistency";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        if (model == null) {
            throw new AssayException("the consistency check '" + name + "' needs a model");
        }
        if (data == null) {
            throw new AssayException("the consistency check '" + name + "' needs data");
        }
        ModelInfo info = Checks.modelInfo(model, data);
        if ("predictions".equals(info.kind())) {
            throw new AssayException("the consistency check '" + name + "' needs a model that predicts from its"
                    + " inputs, but model '" + info.id() + "' reads stored predictions, which never change");
        }
        int[] rows = null;
        Dataset base = data;
        if (sample != null && sample < data.rows()) {
            rows = Frames.sample(data.rows(), sample, Stats.rng(context.seed(), Stats.hash(context.suite() + "/"
                    + name)));
            base = Frames.subset(data, rows);
        }
        int n = base.rows();
        Predictions[] asks = new Predictions[repeats];
        for (int k = 0; k < repeats; k++) {
            asks[k] = Asks.predict(model, base, k);
        }
        CheckResult.Builder r = CheckResult.builder(kind(), name).examplesCap(examples);
        long inconsistent = 0;
        String first = null;
        java.util.Map<String, String> memo = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            int row = rows == null ? i : rows[i];
            String a0 = label(asks[0], i, row, "ask 1", info);
            String why = null;
            String other = null;
            for (int k = 1; k < repeats && why == null; k++) {
                String ak = label(asks[k], i, row, "ask " + (k + 1), info);
                why = disagreement(a0, ak, asks[0], asks[k], i, row, info);
                if (why != null) {
                    other = ak;
                    why = "ask " + (k + 1) + " of " + repeats + " disagrees with ask 1: " + why;
                }
            }
            if (why == null && batchVsSingle) {
                Predictions single = Asks.predict(model, Frames.subset(base, new int[] {i}), repeats);
                String s = label(single, 0, row, "asked alone", info);
                String d = disagreement(a0, s, asks[0], single, i, row, info, 0);
                if (d != null) {
                    other = s;
                    why = "asked alone, disagrees with the batch call: " + d;
                }
            }
            if (why == null) {
                continue;
            }
            inconsistent++;
            Example.Builder e = Example.builder().row(row).expected(PII.redact("same answer as ask 1: " + a0))
                    .answer(PII.redact(other)).reason(PII.redact(why));
            for (Column c : base.columns()) {
                e.input(c.name(), Masks.value(c, i, memo));
            }
            r.failingCase(e.build());
            if (first == null) {
                first = data.locate(row) + ": " + PII.redact(why);
            }
        }
        double rate = (double) inconsistent / n;
        Interval ci = Stats.wilson(inconsistent, n, confidence);
        Verdict verdict = threshold.judge(rate, ci, decision);
        r.metric("inconsistency_rate").value(rate).ci(ci).confidence(confidence).threshold(threshold)
                .decision(decision).verdict(verdict).n(n).seed(context.seed()).model(info).data(DataInfo.of(data));
        String how = repeats + " asks each" + (batchVsSingle ? " and one single-row call" : "")
                + (minSimilarity < 1 ? ", similarity at least " + Fmt.number(minSimilarity) : ", same answer")
                + (tolerance != null ? ", scores within " + Fmt.number(tolerance) : "");
        String summary = inconsistent + " of " + n + " inputs answered inconsistently (" + how + ")";
        if (verdict == Verdict.FAIL) {
            r.message("Expecting inconsistency_rate to be " + threshold.describe() + " (decision: "
                    + decision.json() + ") but was " + Fmt.number(rate) + " " + ci + ": " + summary + "; first: "
                    + first);
        } else {
            r.message(summary + ": inconsistency_rate " + Fmt.number(rate) + " " + ci);
        }
        return r.build();
    }

    private static String label(Predictions p, int i, int row, String when, ModelInfo info) {
        String l = p.label(i);
        if (l == null) {
            throw new AssayException("model '" + info.id() + "' gave no answer for row " + row + " (" + when + ")");
        }
        if (l.isBlank()) {
            throw new AssayException("model '" + info.id() + "' gave an empty answer for row " + row + " (" + when
                    + "): an error, never a pass");
        }
        return l;
    }

    private String disagreement(String a, String b, Predictions pa, Predictions pb, int i, int row, ModelInfo info) {
        return disagreement(a, b, pa, pb, i, row, info, i);
    }

    /** Why answers {@code a} (row {@code i} of {@code pa}) and {@code b} (row {@code j} of {@code pb}) disagree. */
    private String disagreement(String a, String b, Predictions pa, Predictions pb, int i, int row, ModelInfo info,
                                int j) {
        String na = Text.normaliseWhitespace(a);
        String nb = Text.normaliseWhitespace(b);
        if (minSimilarity >= 1) {
            if (!na.equals(nb)) {
                return "answers differ";
            }
        } else {
            double sim = Text.similarity(na, nb);
            if (sim < minSimilarity) {
                return "similarity " + Fmt.number(sim) + " is below " + Fmt.number(minSimilarity);
            }
        }
        if (tolerance != null) {
            double sa = pa.score(i);
            double sb = pb.score(j);
            if (Double.isNaN(sa) || Double.isNaN(sb)) {
                throw new AssayException("model '" + info.id() + "' gave no score for row " + row + ", but tolerance "
                        + Fmt.number(tolerance) + " compares scores");
            }
            if (Math.abs(sa - sb) > tolerance) {
                return "score " + Fmt.number(sb) + " differs from " + Fmt.number(sa) + " by more than "
                        + Fmt.number(tolerance);
            }
        }
        return null;
    }
}

package dev.assay.core.robustness;

import dev.assay.core.AssayException;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Finding;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Require;
import dev.assay.core.internal.Stats;
import dev.assay.core.robustness.internal.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code directional} check: a monotonic expectation such as "raising hours-per-week must not lower the approval
 * score". Every tested row is predicted before and after the perturbation; it violates the expectation when its
 * output moves the wrong way: for {@code output: score}, by more than {@code tolerance} (a score that falls from
 * 0.61 to 0.58 violates {@code non-decreasing}); for {@code output: decision}, when the decision moves away from
 * (for {@code non-decreasing}) or to (for {@code non-increasing}) the positive label. The share of violating rows
 * (metric {@code violation_rate}) is judged with a Wilson interval against {@code max-violation-rate}; violating
 * rows are findings (entity {@code violation}) as for {@link InvarianceCheck}. As there, rows the perturbation
 * leaves unchanged are not counted, and a perturbation that changes no row is an error.
 *
 * <p>A failing model, a missing label or score, or a model of stored predictions is an error. Build one with
 * {@link Directional}.
 */
public final class DirectionalCheck implements Check {
    private final String name;
    private final Perturbation perturbation;
    private final Constraints constraints;
    private final Directional.Expect expect;
    private final Directional.Output output;
    private final String positive;
    private final Threshold threshold;
    private final double tolerance;
    private final Integer sample;
    private final Decision decision;
    private final double confidence;
    private final int examples;

    DirectionalCheck(Directional.Builder b) {
        this.perturbation = Objects.requireNonNull(b.perturbation, "perturbation: a directional check needs one");
        this.expect = Objects.requireNonNull(b.expect, "expect: a directional check needs an expected direction");
        this.output = b.output;
        this.positive = b.positive;
        this.name = b.name != null ? b.name : perturbation.describe() + ": " + output.id() + " " + expect.id();
        this.constraints = b.constraints;
        this.threshold = b.maxViolationRate == null ? null : Threshold.atMost(b.maxViolationRate);
        this.tolerance = b.tolerance;
        this.sample = b.sample;
        this.decision = b.decision;
        this.confidence = b.confidence;
        this.examples = b.examples;
        Require.unitInterval("max-violation-rate", b.maxViolationRate);
        Require.notNegative("tolerance", tolerance);
        Require.sampleRows(sample);
        Require.confidence(confidence);
        Require.notNegative("examples", examples);
    }

    @Override
    public String kind() {
        return "directional";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        String pos = positive;
        if (output == Directional.Output.DECISION && pos == null) {
            pos = data == null ? null : data.positive().orElse(null);
            if (pos == null) {
                throw new AssayException("the directional check '" + name + "' on the decision needs the positive"
                        + " label: set it on the data or on the check");
            }
        }
        RobustnessRun run = RobustnessRun.of(kind(), name, model, data, context, perturbation, constraints, sample);
        int n = run.size();
        boolean up = expect == Directional.Expect.NON_DECREASING;
        String why = "a directional check on the score needs one for every row (or use output: decision)";
        List<Finding> findings = new ArrayList<>();
        long violations = 0;
        String afterWhen = "perturbed: " + perturbation.describe();
        for (int i = 0; i < n; i++) {
            if (!run.changed.has(i)) {
                continue;
            }
            String l0 = run.label(run.before, i, "original");
            String l1 = run.label(run.after, i, afterWhen);
            boolean bad;
            double s0 = Double.NaN;
            double s1 = Double.NaN;
            if (output == Directional.Output.SCORE) {
                s0 = run.score(run.before, i, "original", why);
                s1 = run.score(run.after, i, "perturbed", why);
                bad = up ? s1 < s0 - tolerance : s1 > s0 + tolerance;
            } else {
                boolean p0 = l0.equals(pos);
                boolean p1 = l1.equals(pos);
                bad = up ? p0 && !p1 : !p0 && p1;
                if (run.before.hasScores() && run.after.hasScores()) {
                    s0 = run.before.score(i);
                    s1 = run.after.score(i);
                }
            }
            if (!bad) {
                continue;
            }
            violations++;
            if (findings.size() < examples) {
                boolean scores = !Double.isNaN(s0) && !Double.isNaN(s1);
                String detail = run.change(perturbation, i) + "; prediction: " + l0 + " -> " + l1
                        + (scores ? "; score: " + Fmt.number(s0) + " -> " + Fmt.number(s1) : "");
                findings.add(new Finding(run.originalRow(i), "violation", null, null, null,
                        scores ? s1 - s0 : null, detail));
            }
        }
        n = run.tested();
        double rate = (double) violations / n;
        Interval ci = Stats.wilson(violations, n, confidence);
        Verdict verdict = threshold == null ? Verdict.PASS : threshold.judge(rate, ci, decision);
        CheckResult.Builder r = CheckResult.builder(kind(), name).metric("violation_rate").value(rate).ci(ci)
                .confidence(confidence).threshold(threshold).decision(decision).verdict(verdict).n(n)
                .seed(context.seed()).model(run.info).data(DataInfo.of(data)).findings(findings);
        String summary = violations + " of " + n + " rows moved the " + output.id() + " against "
                + expect.id() + " under " + perturbation.describe()
                + (output == Directional.Output.SCORE && tolerance > 0 ? " (by more than " + Fmt.number(tolerance)
                + ")" : "") + ": violation_rate " + Fmt.number(rate) + " " + ci;
        if (verdict == Verdict.FAIL) {
            r.message("expected violation_rate to be " + threshold.describe() + " (decision: " + decision.json()
                    + "), but " + summary + InvarianceCheck.examplesNote(violations, findings.size())
                    + run.unchangedNote());
        } else if (violations > 0 || run.tested() < run.size()) {
            r.message(summary + InvarianceCheck.examplesNote(violations, findings.size()) + run.unchangedNote());
        }
        return r.build();
    }
}

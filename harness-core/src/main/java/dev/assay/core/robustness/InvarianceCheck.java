package dev.assay.core.robustness;

import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.AssayException;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.Example;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import dev.assay.core.RegressionFile;
import dev.assay.core.pii.PiiScanner;
import dev.assay.core.robustness.internal.Frames;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Stats;
import dev.assay.core.robustness.internal.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code invariance} check: the share of rows whose prediction changes under a perturbation (metric
 * {@code flip_rate}), with a Wilson interval, against {@code max-flip-rate}. A row changes when its predicted label
 * differs, or, with a {@code tolerance}, when its score moves by more than the tolerance. Every changed row is a
 * failing case ({@link Example}: the 0-based data row, all its input values and the perturbed ones, masked; the
 * perturbation and the run's seed; the original prediction as {@code expected} and the perturbed one as
 * {@code answer}); the evidence lists up to {@code examples} of them with the total, the replay file keeps all.
 *
 * <p>With {@code cases-from} replay files of an earlier run, the stored (input, perturbed) pairs are asked again
 * exactly as stored (no re-perturbation) and counted like perturbed rows; a check may replay without a
 * perturbation.
 *
 * <p>Only rows whose input the perturbation actually changes are counted ({@code n}): a missing value, a zero under a
 * relative change, or a value already at its bound stays as it is, and the message says how many rows were left out
 * that way. A perturbation that changes no row at all is an error, never a pass.
 *
 * <p>A model that fails, or gives no label (or no score when a tolerance needs one), is an error; so is a model of
 * stored predictions, which no perturbation can change. Build one with {@link Invariance}.
 */
public final class InvarianceCheck implements Check {
    private final String name;
    private final Perturbation perturbation;
    private final Constraints constraints;
    private final Threshold threshold;
    private final Double tolerance;
    private final Integer sample;
    private final Decision decision;
    private final double confidence;
    private final int examples;
    private final List<Path> casesFrom;
    private static final PiiScanner PII = PiiScanner.defaults();

    InvarianceCheck(Invariance.Builder b) {
        this.perturbation = b.perturbation;
        this.casesFrom = List.copyOf(b.casesFrom);
        if (perturbation == null && casesFrom.isEmpty()) {
            throw new NullPointerException("perturbation: an invariance check needs one (or replay files)");
        }
        this.name = b.name != null ? b.name : perturbation != null ? "invariance under " + perturbation.describe()
                : "invariance on replayed cases";
        this.constraints = b.constraints;
        this.threshold = b.maxFlipRate == null ? null : Threshold.atMost(b.maxFlipRate);
        this.tolerance = b.tolerance;
        this.sample = b.sample;
        this.decision = b.decision;
        this.confidence = b.confidence;
        this.examples = b.examples;
        if (b.maxFlipRate != null && !(b.maxFlipRate >= 0 && b.maxFlipRate <= 1)) {
            throw new IllegalArgumentException("max-flip-rate must be between 0 and 1, was " + b.maxFlipRate);
        }
        if (tolerance != null && !(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must not be negative, was " + tolerance);
        }
        if (sample != null && sample < 1) {
            throw new IllegalArgumentException("sample must be at least 1 row, was " + sample);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        if (examples < 0) {
            throw new IllegalArgumentException("examples must not be negative, was " + examples);
        }
    }

    @Override
    public String kind() {
        return "invariance";
    }

    @Override
    public String name() {
        return name;
    }

    /** The perturbation under test; {@code null} when the check only replays cases. */
    public Perturbation perturbation() {
        return perturbation;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        CheckResult.Builder r = CheckResult.builder(kind(), name).examplesCap(examples);
        long flips = 0;
        long n = 0;
        ModelInfo info = null;
        String unchanged = "";
        if (perturbation != null) {
            RobustnessRun run = RobustnessRun.of(kind(), name, model, data, context, perturbation, constraints,
                    sample);
            info = run.info;
            String why = "tolerance " + Fmt.number(tolerance == null ? 0 : tolerance) + " compares scores";
            Map<String, String> memo = new java.util.HashMap<>(); // each distinct value is scanned for PII once
            for (int i = 0; i < run.size(); i++) {
                if (!run.changed[i]) {
                    continue;
                }
                String flip = flip(run.before, run.after, i, run, why);
                if (flip == null) {
                    continue;
                }
                flips++;
                Example.Builder e = Example.builder().row(run.originalRow(i))
                        .perturbation(perturbation.describe()).seed(context.seed());
                for (Column c : run.base.columns()) {
                    e.input(c.name(), maskedValue(c.stringValue(i), memo));
                }
                for (String c : perturbation.columns()) {
                    e.perturbed(c, maskedValue(run.perturbed.column(c).stringValue(i), memo));
                }
                r.failingCase(outcome(e, run.before, run.after, i, run, flip).build());
            }
            n += run.tested;
            unchanged = run.unchangedNote();
        }
        long replayed = 0;
        if (!casesFrom.isEmpty()) {
            if (model == null) {
                throw new AssayException("the invariance check '" + name + "' needs a model");
            }
            if (info == null) {
                info = data != null ? Checks.modelInfo(model, data) : model.info();
            }
            List<Example> pairs = new ArrayList<>();
            for (Path file : casesFrom) {
                List<Example> read = RegressionFile.read(file);
                for (int k = 0; k < read.size(); k++) {
                    Example e = read.get(k);
                    if (e.input().isEmpty() || e.perturbed().isEmpty()) {
                        throw new DataException(file + ": case " + (k + 1) + " has no "
                                + (e.input().isEmpty() ? "input" : "perturbed values") + " to replay");
                    }
                    pairs.add(e);
                }
            }
            if (pairs.isEmpty() && perturbation == null) {
                throw new AssayException("the invariance check '" + name + "' has nothing to test: its replay"
                        + " files are empty");
            }
            if (!pairs.isEmpty()) {
                List<Map<String, String>> base = new ArrayList<>();
                List<Map<String, String>> changed = new ArrayList<>();
                for (Example e : pairs) {
                    base.add(e.input());
                    Map<String, String> m = new LinkedHashMap<>(e.input());
                    m.putAll(e.perturbed());
                    changed.add(m);
                }
                java.util.function.IntFunction<String> what = k -> "replayed case " + k + " of '" + name + "'";
                Dataset b0 = Frames.fromMaps(name + " replayed", base, data, what);
                Dataset b1 = Frames.fromMaps(name + " replayed, perturbed", changed, data, what);
                Predictions before = Checks.predict(model, b0);
                Predictions after = Checks.predict(model, b1);
                String why = "tolerance " + Fmt.number(tolerance == null ? 0 : tolerance) + " compares scores";
                Replay replay = new Replay(info);
                for (int k = 0; k < pairs.size(); k++) {
                    String flip = flip(before, after, k, replay, why);
                    if (flip == null) {
                        continue;
                    }
                    flips++;
                    Example src = pairs.get(k);
                    Example.Builder e = Example.builder().family("replay").input(src.input())
                            .perturbed(src.perturbed());
                    if (src.row() != null) {
                        e.row(src.row());
                    }
                    if (src.perturbation() != null) {
                        e.perturbation(src.perturbation());
                    }
                    if (src.seed() != null) {
                        e.seed(src.seed());
                    }
                    r.failingCase(outcome(e, before, after, k, replay, flip).build());
                }
                replayed = pairs.size();
                n += replayed;
            }
        }
        double rate = (double) flips / n;
        Interval ci = Stats.wilson(flips, n, confidence);
        Verdict verdict = threshold == null ? Verdict.PASS : threshold.judge(rate, ci, decision);
        r.metric("flip_rate").value(rate).ci(ci).confidence(confidence).threshold(threshold).decision(decision)
                .verdict(verdict).n(n).seed(context.seed()).model(info);
        if (data != null) {
            r.data(DataInfo.of(data));
        }
        String under = perturbation == null ? "" : " under " + perturbation.describe();
        String replayNote = replayed == 0 ? "" : perturbation == null ? " (replayed pairs from cases-from)"
                : " (including " + replayed + " replayed pairs from cases-from)";
        String summary = flips + " of " + n + (perturbation == null ? " replayed pairs" : " rows")
                + " changed prediction" + under
                + (tolerance != null ? " (or score by more than " + Fmt.number(tolerance) + ")" : "") + replayNote
                + ": flip_rate " + Fmt.number(rate) + " " + ci;
        int shown = (int) Math.min(flips, examples);
        if (verdict == Verdict.FAIL) {
            r.message("expected flip_rate to be " + threshold.describe() + " (decision: " + decision.json()
                    + "), but " + summary + examplesNote(flips, shown) + unchanged);
        } else if (flips > 0 || !unchanged.isEmpty()) {
            r.message(summary + examplesNote(flips, shown) + unchanged);
        }
        return r.build();
    }

    /** Labels and scores of replayed pairs, validated like those of a perturbation run. */
    private static final class Replay implements Lookup {
        private final ModelInfo info;

        Replay(ModelInfo info) {
            this.info = info;
        }

        @Override
        public String label(Predictions p, int i, String when) {
            String l = p.label(i);
            if (l == null) {
                throw new AssayException("model '" + info.id() + "' gave no label for replayed case " + i + " ("
                        + when + ")");
            }
            return l;
        }

        @Override
        public double score(Predictions p, int i, String when, String why) {
            if (!p.hasScores()) {
                throw new AssayException("model '" + info.id() + "' returns labels without scores, but " + why);
            }
            double s = p.score(i);
            if (Double.isNaN(s)) {
                throw new AssayException("model '" + info.id() + "' gave no score for replayed case " + i + " ("
                        + when + "), but " + why);
            }
            return s;
        }
    }

    /** Validated labels and scores of row {@code i}. */
    interface Lookup {
        String label(Predictions p, int i, String when);

        double score(Predictions p, int i, String when, String why);
    }

    /** Why row {@code i} counts as changed, or {@code null} when it does not. */
    private String flip(Predictions before, Predictions after, int i, Lookup look, String why) {
        String l0 = look.label(before, i, "original");
        String l1 = look.label(after, i, "perturbed");
        if (!l0.equals(l1)) {
            return "prediction changed: " + l0 + " -> " + l1;
        }
        if (tolerance != null) {
            double s0 = look.score(before, i, "original", why);
            double s1 = look.score(after, i, "perturbed", why);
            if (Math.abs(s1 - s0) > tolerance) {
                return "score moved by " + Fmt.number(Math.abs(s1 - s0)) + " (" + Fmt.number(s0) + " -> "
                        + Fmt.number(s1) + "), more than the tolerance " + Fmt.number(tolerance);
            }
        }
        return null;
    }

    /** Fills expected, answer and reason of a changed row. */
    private Example.Builder outcome(Example.Builder e, Predictions before, Predictions after, int i, Lookup look,
                                    String flip) {
        String l0 = look.label(before, i, "original");
        String l1 = look.label(after, i, "perturbed");
        boolean scores = before.hasScores() && after.hasScores() && !Double.isNaN(before.score(i))
                && !Double.isNaN(after.score(i));
        e.expected(masked("prediction " + l0 + (scores ? " (score " + Fmt.number(before.score(i)) + ")" : "")
                + (tolerance != null ? ", score within " + Fmt.number(tolerance) : "")));
        e.answer(masked(l1 + (scores ? " (score " + Fmt.number(after.score(i)) + ")" : "")));
        return e.reason(masked(flip));
    }

    private static String maskedValue(String v, Map<String, String> memo) {
        return v == null ? null : memo.computeIfAbsent(v, PII::redact);
    }

    private static String masked(String v) {
        return v == null ? null : PII.redact(v);
    }

    static String examplesNote(long total, int shown) {
        return total == 0 ? "" : shown < total ? "; showing " + shown + " of " + total + " examples" : "";
    }
}

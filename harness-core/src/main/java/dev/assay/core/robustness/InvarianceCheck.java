package dev.assay.core.robustness;

import dev.assay.core.AssayException;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Example;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import dev.assay.core.RegressionFile;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Require;
import dev.assay.core.internal.Stats;
import dev.assay.core.internal.Text;
import dev.assay.core.pii.PiiScanner;
import dev.assay.core.robustness.internal.Fmt;
import dev.assay.core.robustness.internal.Frames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code invariance} check: the share of rows whose prediction changes under a perturbation (metric
 * {@code flip_rate}), with a Wilson interval, against {@code max-flip-rate}. A row changes when its predicted label
 * differs, or, with a {@code tolerance}, when its score moves by more than the tolerance. Labels are compared after
 * whitespace normalisation; for a model that answers in text (a chat model, whose label is the answer), a
 * {@code min-similarity} below 1 counts an answer as changed only when the normalised Levenshtein similarity of the two
 * answers is below it. Every changed row is a failing case ({@link Example}: the 0-based data row, all its input
 * values and the perturbed ones, masked; the perturbation and the run's seed; the original prediction as
 * {@code expected} and the perturbed one as {@code answer}); the evidence lists up to {@code examples} of them with the
 * total, the replay file keeps the first 10,000 ({@link CheckResult.Builder#MAX_CASES}). For a classifier (labels
 * from a small dictionary) without a tolerance, the kept cases beyond those shown are made only when the replay file
 * is written ({@link CheckResult#cases()}), so the result holds on to the run's data and predictions until then.
 *
 * <p>With {@code cases-from} replay files of an earlier run, the stored (input, perturbed) pairs are asked again
 * exactly as stored (no re-perturbation) and counted like perturbed rows; a check may replay without a
 * perturbation.
 *
 * <p>Only rows whose input the perturbation actually changes are counted ({@code n}): a missing value, a zero under a
 * relative change, or a value already at its bound stays as it is, and the message says how many rows were left out
 * that way. A perturbation that changes no row at all is an error, never a pass.
 *
 * <p>Texts in examples are masked with {@link PiiScanner#redact}; the shown predictions (expected, answer, reason) are
 * shortened to 200 characters, the inputs are kept whole so that they replay exactly.
 *
 * <p>A model that fails, or gives no label or an empty (blank) answer (or no score when a tolerance needs one), is an
 * error, never an unchanged answer; so is a model of
 * stored predictions, which no perturbation can change. Build one with {@link Invariance}.
 */
public final class InvarianceCheck implements Check {
    /** The longest text, in characters, shown for an input or an answer in a finding. */
    static final int MAX_TEXT = 200;
    private static final PiiScanner PII = PiiScanner.defaults();

    private final String name;
    private final Perturbation perturbation;
    private final Constraints constraints;
    private final Threshold threshold;
    private final Double tolerance;
    private final double minSimilarity;
    private final Integer sample;
    private final Decision decision;
    private final double confidence;
    private final int examples;
    private final List<Path> casesFrom;

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
        this.minSimilarity = b.minSimilarity;
        this.sample = b.sample;
        this.decision = b.decision;
        this.confidence = b.confidence;
        this.examples = b.examples;
        Require.unitInterval("max-flip-rate", b.maxFlipRate);
        Require.notNegative("tolerance", tolerance);
        Require.sampleRows(sample);
        Require.confidence(confidence);
        Require.notNegative("examples", examples);
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
            flips = perturbed(run, context, r);
            n = run.tested();
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
                flips += replayed(model, data, info, pairs, r);
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
                + (minSimilarity < 1 ? " (answer similarity below " + Fmt.number(minSimilarity) + ")" : "")
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

    /** Counts the flips of a perturbation run and records each as a failing case of {@code r}. */
    private long perturbed(RobustnessRun run, RunContext context, CheckResult.Builder r) {
        int n = run.size();
        String why = "tolerance " + Fmt.number(tolerance == null ? 0 : tolerance) + " compares scores";
        long flips = 0;
        String afterWhen = "perturbed: " + perturbation.describe();
        // labels from small dictionaries (classifiers): the similarity of every pair of codes, once; NaN = blank
        Column c0 = run.before.labels();
        Column c1 = run.after.labels();
        int k1 = c1.dictionary().size();
        double[] table = null;
        if (!c0.isNumeric() && !c1.isNumeric() && (long) c0.dictionary().size() * k1 <= 4096) {
            table = new double[c0.dictionary().size() * k1];
            for (int a = 0; a < c0.dictionary().size(); a++) {
                for (int b = 0; b < k1; b++) {
                    String x = c0.dictionary().get(a);
                    String y = c1.dictionary().get(b);
                    table[a * k1 + b] = x.isBlank() || y.isBlank() ? Double.NaN : similarity(x, y);
                }
            }
        }
        boolean scores = run.before.hasScores() && run.after.hasScores();
        ChangedRows tested = run.changed;
        Map<String, String> memo = new HashMap<>(); // each distinct input value is scanned for PII once
        if (table != null && tolerance == null) {
            // one tight pass counts the flips and notes the rows of the first MAX_CASES: per pair of codes 0 (same),
            // 1 (changed) or 2 (blank: an error)
            int[] outcome = new int[table.length];
            boolean diagonal = c0.dictionary().size() == k1; // changed exactly when the codes differ
            for (int j = 0; j < table.length; j++) {
                outcome[j] = Double.isNaN(table[j]) ? 2 : table[j] < minSimilarity ? 1 : 0;
                diagonal &= outcome[j] == (j / k1 == j % k1 ? 0 : 1);
            }
            int[] flipped = new int[Math.min(n, CheckResult.Builder.MAX_CASES)];
            int noted = 0;
            boolean all = tested.isAll(); // every row tested (a swap of data without missing values): no look-up
            int i = 0;
            for (; i < n && (noted < flipped.length || !(all && diagonal)); i++) {
                // no branch on whether a row flipped (they come in no order)
                int a = c0.code(i);
                int b = c1.code(i);
                int v = (a | b) < 0 ? 2 : outcome[a * k1 + b];
                v = all || tested.has(i) ? v : 0;
                if (v > 1) {
                    run.label(run.before, i, "original");
                    run.label(run.after, i, afterWhen);
                }
                flips += v;
                if (noted < flipped.length) {
                    flipped[noted] = i;
                    noted += v;
                }
            }
            if (i < n) { // every row tested, all cases noted, a label changes exactly when its code does
                int from = i;
                int codes = 0;
                int changed = 0;
                for (; i < n; i++) { // arithmetic only: 1 when the codes differ; a missing code shows in the sign
                    int a = c0.code(i);
                    int b = c1.code(i);
                    int d = a ^ b;
                    changed += (d | -d) >>> 31;
                    codes |= a | b;
                }
                if (codes < 0) { // no label: an error, named by run.label for the first such row
                    for (int j = from; j < n; j++) {
                        run.label(run.before, j, "original");
                        run.label(run.after, j, afterWhen);
                    }
                }
                flips += changed;
            }
            // the failing cases: those shown made now, the rest of those kept when the replay file asks for them
            double[] similarities = table;
            int kept = noted;
            r.failingCases(flips, kept, k -> {
                int row = flipped[k];
                double similarity = similarities[c0.code(row) * k1 + c1.code(row)];
                return failingCase(run, context, row, scores,
                        flip(similarity, run.before, run.after, row, run, why, memo), memo);
            });
            return flips;
        }
        // the failing cases and the flips, row by row
        for (int i = 0; i < n; i++) {
            if (!tested.has(i)) {
                continue;
            }
            double similarity;
            if (table != null) {
                int a = c0.code(i);
                int b = c1.code(i);
                similarity = a < 0 || b < 0 ? Double.NaN : table[a * k1 + b];
                if (Double.isNaN(similarity)) { // no label or a blank one: an error, named by run.label
                    run.label(run.before, i, "original");
                    run.label(run.after, i, afterWhen);
                }
                if (similarity >= minSimilarity && tolerance == null) {
                    continue; // the common case, kept tight
                }
            } else {
                similarity = similarity(run.label(run.before, i, "original"), run.label(run.after, i, afterWhen));
            }
            String flip = flip(similarity, run.before, run.after, i, run, why, memo);
            if (flip == null) {
                continue;
            }
            flips++;
            r.failingCase(failingCase(run, context, i, scores, flip, memo));
        }
        return flips;
    }

    /** The failing case of changed row {@code i} of a perturbation run: its inputs and perturbed values, masked. */
    private Example failingCase(RobustnessRun run, RunContext context, int i, boolean scores, String flip,
                                Map<String, String> memo) {
        Example.Builder e = Example.builder().row(run.originalRow(i)).perturbation(perturbation.describe())
                .seed(context.seed());
        for (Column c : run.base.columns()) {
            e.input(c.name(), Masks.value(c, i, memo));
        }
        for (String c : perturbation.columns()) {
            e.perturbed(c, Masks.value(run.perturbed.column(c), i, memo));
        }
        return outcome(e, run.before, run.after, i, scores, flip, memo).build();
    }

    /** Asks the stored pairs again, exactly as stored; counts the flips and records each as a failing case. */
    private long replayed(Model model, Dataset data, ModelInfo info, List<Example> pairs, CheckResult.Builder r) {
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
        boolean scores = before.hasScores() && after.hasScores();
        String why = "tolerance " + Fmt.number(tolerance == null ? 0 : tolerance) + " compares scores";
        Replay look = new Replay(info);
        Map<String, String> memo = new HashMap<>();
        long flips = 0;
        for (int k = 0; k < pairs.size(); k++) {
            double similarity = similarity(look.label(before, k, "original"), look.label(after, k, "perturbed"));
            String flip = flip(similarity, before, after, k, look, why, memo);
            if (flip == null) {
                continue;
            }
            flips++;
            Example src = pairs.get(k);
            Example.Builder e = Example.builder().family("replay").input(src.input()).perturbed(src.perturbed());
            if (src.row() != null) {
                e.row(src.row());
            }
            if (src.perturbation() != null) {
                e.perturbation(src.perturbation());
            }
            if (src.seed() != null) {
                e.seed(src.seed());
            }
            r.failingCase(outcome(e, before, after, k, scores, flip, memo).build());
        }
        return flips;
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
            if (l == null || l.isBlank()) {
                throw new AssayException("model '" + info.id() + "' gave " + (l == null ? "no label" : "an empty"
                        + " answer") + " for replayed case " + i + " (" + when + "): an error, never an unchanged"
                        + " answer");
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

    /** Why row {@code i} counts as changed (given its answers' similarity), or {@code null} when it does not. */
    private String flip(double similarity, Predictions before, Predictions after, int i, Lookup look, String why,
                        Map<String, String> memo) {
        String reason = null;
        if (similarity < minSimilarity) {
            reason = "prediction changed: " + shown(before.label(i), memo) + " -> " + shown(after.label(i), memo)
                    + (minSimilarity < 1 ? " (similarity " + Fmt.number(similarity) + ")" : "");
        }
        if (tolerance != null) {
            double s0 = look.score(before, i, "original", why);
            double s1 = look.score(after, i, "perturbed", why);
            if (reason == null && Math.abs(s1 - s0) > tolerance) {
                reason = "score moved by " + Fmt.number(Math.abs(s1 - s0)) + " (" + Fmt.number(s0) + " -> "
                        + Fmt.number(s1) + "), more than the tolerance " + Fmt.number(tolerance);
            }
        }
        return reason;
    }

    /**
     * Fills expected, answer and reason (built from {@link #shown} predictions and numbers) of a changed row.
     */
    private Example.Builder outcome(Example.Builder e, Predictions before, Predictions after, int i, boolean scores,
                                    String flip, Map<String, String> memo) {
        boolean both = scores && !Double.isNaN(before.score(i)) && !Double.isNaN(after.score(i));
        e.expected("prediction " + shown(before.label(i), memo)
                + (both ? " (score " + Fmt.number(before.score(i)) + ")" : "")
                + (tolerance != null ? ", score within " + Fmt.number(tolerance) : ""));
        e.answer(shown(after.label(i), memo) + (both ? " (score " + Fmt.number(after.score(i)) + ")" : ""));
        return e.reason(flip);
    }

    /** A prediction as shown in a failing case: shortened, masked (each distinct one scanned once). */
    private static String shown(String label, Map<String, String> memo) {
        return memo.computeIfAbsent(shorten(label), PII::redact);
    }

    /**
     * The similarity of two non-blank answers after whitespace normalisation: 1 when equal, otherwise the normalised
     * Levenshtein similarity when {@code min-similarity} is below 1 (0 when it is 1, to skip the distance).
     */
    private double similarity(String l0, String l1) {
        if (l0.equals(l1)) {
            return 1;
        }
        if (isNormal(l0) && isNormal(l1)) { // labels such as "yes"/"no": no copies
            return minSimilarity >= 1 ? 0 : Text.similarity(l0, l1);
        }
        String a0 = Text.normaliseWhitespace(l0);
        String a1 = Text.normaliseWhitespace(l1);
        return a0.equals(a1) ? 1 : minSimilarity >= 1 ? 0 : Text.similarity(a0, a1);
    }

    /**
     * Whether whitespace normalisation leaves {@code s} as it is: no whitespace at either end, and no whitespace
     * inside other than single spaces.
     */
    static boolean isNormal(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == n - 1 || s.charAt(i + 1) == ' ') {
                    return false;
                }
            } else if (c <= ' ' || c >= '\u0085' && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} cut to {@link #MAX_TEXT} characters (never inside a surrogate pair), with "..." when cut. */
    static String shorten(String s) {
        if (s.length() <= MAX_TEXT) {
            return s;
        }
        int end = Character.isLowSurrogate(s.charAt(MAX_TEXT)) ? MAX_TEXT - 1 : MAX_TEXT;
        return s.substring(0, end) + "...";
    }

    static String examplesNote(long total, int shown) {
        return total == 0 ? "" : shown < total ? "; showing " + shown + " of " + total + " examples" : "";
    }
}

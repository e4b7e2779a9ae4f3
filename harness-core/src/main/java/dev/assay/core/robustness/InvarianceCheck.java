package dev.assay.core.robustness;

import dev.assay.core.Check;
import dev.assay.core.Column;
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
import dev.assay.core.internal.Stats;
import dev.assay.core.internal.Text;
import dev.assay.core.pii.PiiScanner;
import dev.assay.core.robustness.internal.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code invariance} check: the share of rows whose prediction changes under a perturbation (metric
 * {@code flip_rate}), with a Wilson interval, against {@code max-flip-rate}. A row changes when its predicted label
 * differs, or, with a {@code tolerance}, when its score moves by more than the tolerance. Labels are compared after
 * whitespace normalisation; for a model that answers in text (a chat model, whose label is the answer), a
 * {@code min-similarity} below 1 counts an answer as changed only when the normalised Levenshtein similarity of the two
 * answers is below it. The changed rows are listed
 * as findings (entity {@code flip}; up to {@code examples} of them, the message gives the total): the 0-based data
 * row, the perturbed values and the two predictions in {@code detail}, the score change in {@code score}.
 *
 * <p>Only rows whose input the perturbation actually changes are counted ({@code n}): a missing value, a zero under a
 * relative change, or a value already at its bound stays as it is, and the message says how many rows were left out
 * that way. A perturbation that changes no row at all is an error, never a pass.
 *
 * <p>Texts in findings (perturbed inputs, answers) are masked with {@link PiiScanner#redact} and shortened to
 * 200 characters.
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

    InvarianceCheck(Invariance.Builder b) {
        this.perturbation = Objects.requireNonNull(b.perturbation, "perturbation: an invariance check needs one");
        this.name = b.name != null ? b.name : "invariance under " + perturbation.describe();
        this.constraints = b.constraints;
        this.threshold = b.maxFlipRate == null ? null : Threshold.atMost(b.maxFlipRate);
        this.tolerance = b.tolerance;
        this.minSimilarity = b.minSimilarity;
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

    /** The perturbation under test. */
    public Perturbation perturbation() {
        return perturbation;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        RobustnessRun run = RobustnessRun.of(kind(), name, model, data, context, perturbation, constraints, sample);
        int n = run.size();
        String why = "tolerance " + Fmt.number(tolerance == null ? 0 : tolerance) + " compares scores";
        List<Finding> findings = new ArrayList<>();
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
        boolean[] tested = run.changed;
        int[] codes0 = table != null ? c0.toCodeArray() : null;
        int[] codes1 = table != null ? c1.toCodeArray() : null;
        boolean counted = false;
        if (table != null && tolerance == null) {
            // one tight pass counts the flips: per pair of codes 0 (same), 1 (changed) or 2 (blank: an error)
            int[] outcome = new int[table.length];
            for (int j = 0; j < table.length; j++) {
                outcome[j] = Double.isNaN(table[j]) ? 2 : table[j] < minSimilarity ? 1 : 0;
            }
            for (int i = 0; i < n; i++) {
                if (tested[i]) {
                    int a = codes0[i];
                    int b = codes1[i];
                    int v = (a | b) < 0 ? 2 : outcome[a * k1 + b];
                    if (v > 1) {
                        run.label(run.before, i, "original");
                        run.label(run.after, i, afterWhen);
                    }
                    flips += v;
                }
            }
            counted = true;
        }
        // the examples (and, when not counted above, the flips)
        for (int i = 0; i < n && !(counted && findings.size() >= examples); i++) {
            if (!tested[i]) {
                continue;
            }
            double similarity;
            if (table != null) {
                int a = codes0[i];
                int b = codes1[i];
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
            boolean changed = similarity < minSimilarity;
            double s0 = Double.NaN;
            double s1 = Double.NaN;
            if (tolerance != null) {
                s0 = run.score(run.before, i, "original", why);
                s1 = run.score(run.after, i, "perturbed", why);
                changed |= Math.abs(s1 - s0) > tolerance;
            } else if (scores) {
                s0 = run.before.score(i);
                s1 = run.after.score(i);
            }
            if (!changed) {
                continue;
            }
            if (!counted) {
                flips++;
            }
            if (findings.size() < examples) {
                String detail = run.change(perturbation, i) + "; prediction: " + shorten(run.before.label(i))
                        + " -> " + shorten(run.after.label(i))
                        + (minSimilarity < 1 ? "; similarity " + Fmt.number(similarity) : "")
                        + (Double.isNaN(s0) || Double.isNaN(s1) ? ""
                        : "; score: " + Fmt.number(s0) + " -> " + Fmt.number(s1));
                detail = PII.redact(detail);
                Double delta = Double.isNaN(s0) || Double.isNaN(s1) ? null : s1 - s0;
                findings.add(new Finding(run.originalRow(i), "flip", null, null, null, delta, detail));
            }
        }
        n = run.tested;
        double rate = (double) flips / n;
        Interval ci = Stats.wilson(flips, n, confidence);
        Verdict verdict = threshold == null ? Verdict.PASS : threshold.judge(rate, ci, decision);
        CheckResult.Builder r = CheckResult.builder(kind(), name).metric("flip_rate").value(rate).ci(ci)
                .confidence(confidence).threshold(threshold).decision(decision).verdict(verdict).n(n)
                .seed(context.seed()).model(run.info).data(DataInfo.of(data)).findings(findings);
        String summary = flips + " of " + n + " rows changed prediction under " + perturbation.describe()
                + (minSimilarity < 1 ? " (answer similarity below " + Fmt.number(minSimilarity) + ")" : "")
                + (tolerance != null ? " (or score by more than " + Fmt.number(tolerance) + ")" : "")
                + ": flip_rate " + Fmt.number(rate) + " " + ci;
        if (verdict == Verdict.FAIL) {
            r.message("expected flip_rate to be " + threshold.describe() + " (decision: " + decision.json()
                    + "), but " + summary + examplesNote(flips, findings.size()) + run.unchangedNote());
        } else if (flips > 0 || run.tested < run.size()) {
            r.message(summary + examplesNote(flips, findings.size()) + run.unchangedNote());
        }
        return r.build();
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

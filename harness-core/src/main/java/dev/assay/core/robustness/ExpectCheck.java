package dev.assay.core.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.assay.core.internal.Json;
import dev.assay.core.internal.Require;
import dev.assay.core.internal.Stats;
import dev.assay.core.internal.Text;
import dev.assay.core.pii.PiiScanner;
import dev.assay.core.robustness.internal.Fmt;
import dev.assay.core.robustness.internal.Frames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code expect} check (minimum-functionality cases): the share of cases the model gets wrong (metric
 * {@code failure_rate}), with a Wilson interval, against {@code max-failure-rate} (default 0: every case must pass).
 *
 * <p>A case expects a label (compared after whitespace normalisation), a score range, text assertions
 * ({@link TextAssertions}), or several of them; with {@code samples} n each case is asked n times (each a request of
 * its own, never a cached answer) and passes when at least {@code min-pass} answers pass (default all). A text
 * assertion's {@code latency} is the wall time of the case's own call (cases with one are asked one at a time; an
 * answer served from the run's cache or a cassette takes next to no time).
 *
 * <p>Every failing case is listed as an {@link Example} (inputs, expected outcome in the replay syntax, masked
 * answer, reason), capped in the evidence, all kept for the replay file; a later run replays them with
 * {@code cases-from}. A missing label, a missing score for a score range, an empty answer or a failing model is an
 * error, never a pass. Build one with {@link Expect}.
 */
public final class ExpectCheck implements Check {
    private static final PiiScanner PII = PiiScanner.defaults();

    private final String name;
    private final List<Expect.Case> cases;
    private final String labelColumn;
    private final List<Path> casesFrom;
    private final String promptColumn;
    private final int samples;
    private final int minPass;
    private final Threshold threshold;
    private final Decision decision;
    private final double confidence;
    private final int examples;

    ExpectCheck(Expect.Builder b) {
        this.name = b.name != null ? b.name : "expected behaviour";
        this.cases = List.copyOf(b.cases);
        this.labelColumn = b.labelColumn;
        this.casesFrom = List.copyOf(b.casesFrom);
        this.promptColumn = b.promptColumn;
        this.samples = b.samples;
        this.minPass = b.minPass == null ? b.samples : b.minPass;
        this.decision = b.decision;
        this.confidence = b.confidence;
        this.examples = b.examples;
        Require.unitInterval("max-failure-rate", b.maxFailureRate);
        this.threshold = Threshold.atMost(b.maxFailureRate);
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, was " + samples);
        }
        if (minPass < 1 || minPass > samples) {
            throw new IllegalArgumentException("min-pass must be between 1 and samples (" + samples + "), was "
                    + minPass);
        }
        Require.confidence(confidence);
        Require.notNegative("examples", examples);
        for (int i = 0; i < cases.size(); i++) {
            if (!cases.get(i).expectsSomething()) {
                throw new IllegalArgumentException("case " + i + (cases.get(i).name == null ? ""
                        : " '" + cases.get(i).name + "'") + " expects nothing: give a label, a score range or"
                        + " assertions");
            }
        }
        if (cases.isEmpty() && labelColumn == null && casesFrom.isEmpty()) {
            throw new IllegalArgumentException("an expect check needs cases, a label column or cases-from");
        }
    }

    @Override
    public String kind() {
        return "expect";
    }

    @Override
    public String name() {
        return name;
    }

    /** One case as run: its dataset row, what it expects and how it is shown. */
    private static final class Run {
        final Expect.Case expect;
        final Map<String, String> shown;
        final String family;

        Run(Expect.Case expect, Map<String, String> shown, String family) {
            this.expect = expect;
            this.shown = shown;
            this.family = family;
        }
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        if (model == null) {
            throw new AssayException("the expect check '" + name + "' needs a model");
        }
        ModelInfo info = data != null ? Checks.modelInfo(model, data) : model.info();
        if ("predictions".equals(info.kind())) {
            throw new AssayException("the expect check '" + name + "' needs a model that predicts from its inputs,"
                    + " but model '" + info.id() + "' reads stored predictions");
        }
        // inline and replayed cases: one dataset built from their values
        List<Run> inline = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Expect.Case c = cases.get(i);
            inline.add(new Run(c, c.fields(promptColumn), c.name));
        }
        for (Path file : casesFrom) {
            List<Example> replay = RegressionFile.read(file);
            for (int i = 0; i < replay.size(); i++) {
                inline.add(new Run(fromExample(replay.get(i), file, i), replay.get(i).input(),
                        replay.get(i).family() != null ? replay.get(i).family() : "replay"));
            }
        }
        List<Run> all = new ArrayList<>(inline);
        Dataset inlineData = null;
        if (!inline.isEmpty()) {
            List<Map<String, String>> rows = new ArrayList<>();
            inline.forEach(r -> rows.add(r.shown));
            inlineData = Frames.fromMaps(name + " cases", rows, data, i -> "case " + i + " of '" + name + "'");
        }
        // cases from the data's rows
        Dataset rowData = null;
        if (labelColumn != null) {
            if (data == null) {
                throw new AssayException("the expect check '" + name + "' takes expected labels from the data, but"
                        + " has no data");
            }
            String col = labelColumn.isEmpty() ? data.label().orElseThrow(() -> new AssayException("the expect"
                    + " check '" + name + "' takes expected labels from the data's label column, but "
                    + data.source() + " declares none")) : labelColumn;
            if (!data.hasColumn(col)) {
                throw new DataException("the expect check '" + name + "': no column '" + col + "' in "
                        + data.source() + " (columns: " + String.join(", ", data.columnNames()) + ")");
            }
            Column expected = data.column(col);
            for (int r = 0; r < data.rows(); r++) {
                String want = expected.stringValue(r);
                if (want == null) {
                    throw new DataException(data.locate(r) + ": the expected label (column '" + col
                            + "') is missing");
                }
                Map<String, String> shown = new LinkedHashMap<>();
                for (Column c : data.columns()) {
                    if (!c.name().equals(col)) {
                        shown.put(c.name(), c.stringValue(r));
                    }
                }
                Expect.Case ec = Expect.Case.input(shown).label(want);
                all.add(new Run(ec, shown, null));
            }
            rowData = data;
        }
        if (all.isEmpty()) {
            throw new AssayException("the expect check '" + name + "' has no cases (the replay files are empty)");
        }
        boolean needsLatency = all.stream().anyMatch(r -> r.expect.assertions.stream()
                .anyMatch(a -> a.describe().startsWith("latency:")));
        Answers answers = new Answers(samples, all.size());
        int offset = 0;
        for (Dataset part : new Dataset[] {inlineData, rowData}) {
            if (part != null) {
                ask(model, part, offset, needsLatency, answers);
                offset += part.rows();
            }
        }
        long failures = 0;
        CheckResult.Builder r = CheckResult.builder(kind(), name).examplesCap(examples);
        String firstFailure = null;
        Map<String, String> memo = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Run run = all.get(i);
            int passed = 0;
            String reason = null;
            String failedAnswer = null;
            for (int s = 0; s < samples; s++) {
                Optional<String> why = judge(run, i, answers, s, info);
                if (why.isEmpty()) {
                    passed++;
                } else if (reason == null) {
                    reason = why.get();
                    failedAnswer = answers.labels[s][i];
                }
            }
            if (passed >= minPass) {
                continue;
            }
            failures++;
            String because = samples == 1 ? reason
                    : passed + " of " + samples + " answers passed, " + minPass + " needed; first: " + reason;
            Example.Builder e = Example.builder().row(i).expected(PII.redact(spec(run.expect)))
                    .reason(PII.redact(because));
            if (run.family != null) {
                e.family(run.family);
            }
            run.shown.forEach((k, v) -> e.input(k, v == null ? null : memo.computeIfAbsent(v, PII::redact)));
            if (failedAnswer != null) {
                e.answer(PII.redact(failedAnswer));
            }
            if (samples > 1) {
                e.seed(context.seed());
            }
            r.failingCase(e.build());
            if (firstFailure == null) {
                firstFailure = "case " + i + (run.family != null ? " (" + run.family + ")" : "") + ": "
                        + PII.redact(because);
            }
        }
        int n = all.size();
        double rate = (double) failures / n;
        Interval ci = Stats.wilson(failures, n, confidence);
        Verdict verdict = threshold.judge(rate, ci, decision);
        r.metric("failure_rate").value(rate).ci(ci).confidence(confidence).threshold(threshold).decision(decision)
                .verdict(verdict).n(n).seed(context.seed()).model(info);
        if (data != null) {
            r.data(DataInfo.of(data));
        }
        String summary = failures + " of " + n + " cases failed" + (samples > 1 ? " (" + minPass + " of " + samples
                + " answers must pass)" : "");
        if (verdict == Verdict.FAIL) {
            r.message("Expecting failure_rate to be " + threshold.describe() + " (decision: " + decision.json()
                    + ") but was " + Fmt.number(rate) + " " + ci + ": " + summary + "; first: " + firstFailure);
        } else {
            r.message(summary + ": failure_rate " + Fmt.number(rate) + " " + ci
                    + (firstFailure != null ? "; first: " + firstFailure : ""));
        }
        return r.build();
    }

    /** Every answer: {@code [sample][case]}; latency only when measured. */
    private static final class Answers {
        final String[][] labels;
        final double[][] scores;
        final Duration[][] latency;

        Answers(int samples, int cases) {
            labels = new String[samples][cases];
            scores = new double[samples][cases];
            latency = new Duration[samples][cases];
        }

        void put(int s, int i, Predictions p, int row, Duration took) {
            labels[s][i] = p.label(row);
            scores[s][i] = p.score(row);
            latency[s][i] = took;
        }
    }

    /** Asks every row of {@code part} {@code samples} times, one row at a time when latency is asserted. */
    private void ask(Model model, Dataset part, int offset, boolean perCase, Answers a) {
        for (int s = 0; s < samples; s++) {
            if (perCase) {
                for (int r = 0; r < part.rows(); r++) {
                    Dataset one = Frames.subset(part, new int[] {r});
                    long t0 = System.nanoTime();
                    Predictions p = Asks.predict(model, one, s);
                    a.put(s, offset + r, p, 0, Duration.ofNanos(System.nanoTime() - t0));
                }
            } else {
                Predictions p = Asks.predict(model, part, s);
                for (int r = 0; r < part.rows(); r++) {
                    a.put(s, offset + r, p, r, null);
                }
            }
        }
    }

    /** Why answer {@code s} of case {@code i} fails, or empty; throws for a missing or empty answer. */
    private Optional<String> judge(Run run, int i, Answers a, int s, ModelInfo info) {
        Expect.Case c = run.expect;
        String label = a.labels[s][i];
        String which = "case " + i + (run.family != null ? " (" + run.family + ")" : "")
                + (samples > 1 ? ", answer " + (s + 1) + " of " + samples : "");
        if (label == null) {
            throw new AssayException("model '" + info.id() + "' gave no answer for " + which);
        }
        List<String> reasons = new ArrayList<>();
        if (c.label != null && !Text.normaliseWhitespace(label).equals(Text.normaliseWhitespace(c.label))) {
            reasons.add("label was '" + label + "', expected '" + c.label + "'");
        }
        if (c.minScore != null || c.maxScore != null) {
            double score = a.scores[s][i];
            if (Double.isNaN(score)) {
                throw new AssayException("model '" + info.id() + "' gave no score for " + which
                        + ", but the case expects a score range");
            }
            if ((c.minScore != null && score < c.minScore) || (c.maxScore != null && score > c.maxScore)) {
                reasons.add("score " + Fmt.number(score) + " is outside [" + (c.minScore == null ? "-inf"
                        : Fmt.number(c.minScore)) + ", " + (c.maxScore == null ? "inf" : Fmt.number(c.maxScore))
                        + "]");
            }
        }
        for (TextAssertion t : c.assertions) {
            Optional<String> v;
            try {
                v = t.violation(label, a.latency[s][i]);
            } catch (AssayException e) {
                throw new AssayException("model '" + info.id() + "', " + which + ": " + e.getMessage(), e);
            }
            v.ifPresent(reasons::add);
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    static String spec(Expect.Case c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (c.label != null) {
            o.put("label", c.label);
        }
        if (c.minScore != null) {
            o.put("min-score", c.minScore);
        }
        if (c.maxScore != null) {
            o.put("max-score", c.maxScore);
        }
        if (!c.assertions.isEmpty()) {
            ArrayNode list = o.putArray("assert");
            for (TextAssertion t : c.assertions) {
                String d = t.describe();
                int colon = d.indexOf(": ");
                list.addObject().put(colon < 0 ? d : d.substring(0, colon), colon < 0 ? "" : d.substring(colon + 2));
            }
        }
        return o.toString();
    }

    static Expect.Case fromExample(Example e, Path file, int index) {
        String where = file + ": case " + (index + 1);
        if (e.input().isEmpty()) {
            throw new DataException(where + ": no input to replay");
        }
        if (e.expected() == null) {
            throw new DataException(where + ": no expected outcome to replay");
        }
        JsonNode spec;
        try {
            spec = Json.MAPPER.readTree(e.expected());
        } catch (java.io.IOException ex) {
            spec = null;
        }
        if (spec == null || !spec.isObject()) {
            throw new DataException(where + ": expected is not an expect case's outcome (label, min-score,"
                    + " max-score, assert): " + e.expected());
        }
        Map<String, String> input = new LinkedHashMap<>(e.input());
        Expect.Case c = Expect.Case.input(input);
        if (e.family() != null) {
            c = c.named(e.family());
        }
        try {
            if (spec.has("label")) {
                c = c.label(spec.get("label").asText());
            }
            if (spec.has("min-score") || spec.has("max-score")) {
                c = c.score(spec.has("min-score") ? spec.get("min-score").asDouble() : null,
                        spec.has("max-score") ? spec.get("max-score").asDouble() : null);
            }
            for (JsonNode a : spec.path("assert")) {
                Iterator<Map.Entry<String, JsonNode>> it = a.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> kv = it.next();
                    c = c.asserting(TextAssertions.of(kv.getKey(), kv.getValue().asText()));
                }
            }
        } catch (IllegalArgumentException ex) {
            throw new DataException(where + ": " + ex.getMessage(), ex);
        }
        if (!c.expectsSomething()) {
            throw new DataException(where + ": expected names no outcome (label, min-score, max-score, assert)");
        }
        return c;
    }
}

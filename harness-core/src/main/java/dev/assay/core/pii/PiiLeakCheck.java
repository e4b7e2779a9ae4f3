package dev.assay.core.pii;

import dev.assay.core.AssayException;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.TextModel;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code pii-leak} check: scans text (by default the model's outputs) for personal data and secrets and fails
 * when there are more than {@code max-findings} findings.
 *
 * <p>Evidence: {@code value} = the number of findings, {@code threshold} = {@code {max: max-findings}}, one
 * {@link Finding} per match ({@code row}, {@code entity}, code point {@code start}/{@code end}, {@code masked},
 * {@code score}, and the salted hash in {@code detail}), and one {@link GroupResult} per entity found
 * ({@code group: {entity: X}}, {@code n} = findings of X, metrics {@code findings}, {@code rows}, {@code max_score}).
 * Raw values never appear: not in findings, the message, nor exceptions.
 *
 * <p>With prompts ({@link Builder#promptColumn}, {@link Builder#promptFile}, {@link Builder#prompts(List)}), each
 * prompt is sent to the {@link TextModel} {@code samples} times and every answer is scanned: {@code row} is the
 * prompt's index, {@code detail} is the hash followed by {@code " sample k"} (0-based), and the groups add the metric
 * {@code answers}.
 *
 * <p>A missing model output is an {@code error} (an empty answer must not pass a "contains no PII" check); missing
 * values of a data {@code column} are skipped and counted in the message.
 */
public final class PiiLeakCheck implements Check {
    private final String name;
    private final PiiScanner scanner;
    private final int maxFindings;
    private final String column;
    private final PromptSource promptSource;
    private final Integer samples;

    private PiiLeakCheck(Builder b) {
        PiiScanner.Builder sb = PiiScanner.builder().entities(b.entities).minScore(b.minScore).masker(b.masker);
        if (b.regions != null) {
            sb.regions(b.regions.toArray(String[]::new));
        }
        this.scanner = sb.build();
        this.maxFindings = b.maxFindings;
        this.column = b.column;
        this.promptSource = b.promptSource;
        this.samples = b.samples;
        this.name = b.name != null ? b.name : "no PII leak";
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String kind() {
        return "pii-leak";
    }

    @Override
    public String name() {
        return name;
    }

    /** The scanner this check uses. */
    public PiiScanner scanner() {
        return scanner;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        if (promptSource != null || samples != null) {
            return runPrompts(model, data, context);
        }
        Objects.requireNonNull(data, "data");
        String[] texts = new String[data.rows()];
        int missing = 0;
        CheckResult.Builder result = CheckResult.builder(kind(), name).metric("pii_findings")
                .threshold(Threshold.atMost(maxFindings)).seed(context.seed()).n(data.rows()).data(DataInfo.of(data));
        if (column != null) {
            if (!data.hasColumn(column)) {
                throw new DataException(data.source() + " has no column '" + column + "' to scan for PII; columns: "
                        + data.columnNames());
            }
            Column c = data.column(column);
            for (int r = 0; r < texts.length; r++) {
                texts[r] = c.stringValue(r);
                if (texts[r] == null) {
                    missing++;
                }
            }
        } else {
            Objects.requireNonNull(model, "model (or set column)");
            Predictions p = Checks.predict(model, data);
            result.model(Checks.modelInfo(model, data));
            for (int r = 0; r < texts.length; r++) {
                texts[r] = p.label(r);
                if (texts[r] == null) {
                    throw new AssayException("model '" + model.info().id() + "' gave no output for "
                            + data.locate(r) + ": a missing answer cannot count as free of PII");
                }
            }
        }
        Tally tally = new Tally();
        for (int r = 0; r < texts.length; r++) {
            if (texts[r] != null) {
                tally.scan(r, -1, texts[r]);
            }
        }
        String skipped = missing == 0 ? "" : " (" + missing + " of " + texts.length + " rows of column '" + column
                + "' had no text)";
        return tally.finish(result, column != null ? "column '" + column + "'" : "the model's outputs", skipped);
    }

    /** Prompts a text model, {@code samples} answers per prompt, and scans every answer. */
    private CheckResult runPrompts(Model model, Dataset data, RunContext context) {
        int n = samples == null ? 1 : samples;
        if (model == null) {
            throw new AssayException("pii-leak with prompts needs a text model (model: http with protocol openai-chat,"
                    + " or json with a text-pointer)");
        }
        if (!(model instanceof TextModel http)) {
            throw new AssayException("pii-leak with prompts/samples needs a text model (model: http with protocol"
                    + " openai-chat, or json with a text-pointer); model '" + model.info().id() + "' ("
                    + model.info().kind() + ") cannot be prompted");
        }
        Prompts p = promptSource == null ? Prompts.ofData(data, defaultPromptColumn(http, data))
                : promptSource.load(data);
        CheckResult.Builder result = CheckResult.builder(kind(), name).metric("pii_findings")
                .threshold(Threshold.atMost(maxFindings)).seed(context.seed())
                .n((long) p.texts().size() * n).model(http.info());
        if (data != null && p.fromData()) {
            result.data(DataInfo.of(data));
        }
        List<List<String>> answers = http.answer(p.source(), p.texts(), n);
        if (answers.size() != p.texts().size()) {
            throw new AssayException("model '" + http.info().id() + "' answered " + answers.size() + " of "
                    + p.texts().size() + " prompts of " + p.source());
        }
        Tally tally = new Tally();
        for (int r = 0; r < answers.size(); r++) {
            List<String> a = answers.get(r);
            for (int k = 0; k < a.size(); k++) {
                if (a.get(k) == null) {
                    throw new AssayException("model '" + http.info().id() + "' gave no answer (sample " + k + ") to "
                            + p.locate(r) + ": a missing answer cannot count as free of PII");
                }
                tally.scan(r, k, a.get(k));
            }
        }
        return tally.finish(result, "the model's answers to " + p.texts().size() + " prompts of " + p.source()
                + " (" + n + " samples each)", "");
    }

    private static String defaultPromptColumn(TextModel model, Dataset data) {
        if (data == null || !data.hasColumn("prompt")) {
            throw new AssayException("pii-leak with samples but no prompts: set prompts (a column of the data or a"
                    + " file of prompts, one per line)" + (data == null ? "" : "; " + data.source()
                    + " has no column 'prompt' (columns " + data.columnNames() + ")"));
        }
        return "prompt";
    }

    /** Findings and per-entity counts of one run. */
    private final class Tally {
        final List<Finding> findings = new ArrayList<>();
        final Map<String, long[]> perEntity = new TreeMap<>(); // findings, rows, last row, answers, last answer
        final Map<String, Double> maxScore = new LinkedHashMap<>();
        boolean prompted;

        /** Scans one text: row {@code r}; {@code sample} is the answer's index for a prompted model, else -1. */
        void scan(int r, int sample, String text) {
            prompted |= sample >= 0;
            for (PiiFinding f : scanner.scan(text)) {
                String detail = sample < 0 ? f.hash() : f.hash() + " sample " + sample;
                findings.add(new Finding(r, f.entity(), f.start(), f.end(), f.masked(), f.score(), detail));
                long[] c = perEntity.computeIfAbsent(f.entity(), k -> new long[] {0, 0, -1, 0, -1});
                c[0]++;
                if (c[2] != r) {
                    c[1]++;
                    c[2] = r;
                }
                long answer = ((long) r << 20) + Math.max(sample, 0);
                if (c[4] != answer) {
                    c[3]++;
                    c[4] = answer;
                }
                maxScore.merge(f.entity(), f.score(), Math::max);
            }
        }

        CheckResult finish(CheckResult.Builder result, String what, String skipped) {
            for (Map.Entry<String, long[]> e : perEntity.entrySet()) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("findings", (double) e.getValue()[0]);
                metrics.put("rows", (double) e.getValue()[1]);
                if (prompted) {
                    metrics.put("answers", (double) e.getValue()[3]);
                }
                metrics.put("max_score", maxScore.get(e.getKey()));
                result.group(new GroupResult(Map.of("entity", e.getKey()), e.getValue()[0], metrics));
            }
            result.findings(findings).value(findings.size());
            if (findings.size() > maxFindings) {
                StringBuilder msg = new StringBuilder("Expecting at most ").append(maxFindings)
                        .append(" PII findings in ").append(what).append(" but found ").append(findings.size())
                        .append(": ");
                List<String> parts = new ArrayList<>();
                perEntity.forEach((k, v) -> parts.add(k + "=" + v[0]));
                msg.append(String.join(", ", parts)).append("; first:");
                for (int i = 0; i < Math.min(3, findings.size()); i++) {
                    Finding f = findings.get(i);
                    msg.append(i == 0 ? " " : "; ").append(prompted ? "prompt " : "row ").append(f.row());
                    if (prompted) {
                        msg.append(" sample ").append(f.detail().substring(f.detail().lastIndexOf(' ') + 1));
                    }
                    msg.append(' ').append(f.entity()).append(' ').append(f.masked()).append(" [")
                            .append(f.start()).append(", ").append(f.end()).append(") score ").append(f.score());
                }
                result.verdict(Verdict.FAIL).message(msg + skipped);
            } else {
                result.verdict(Verdict.PASS);
                if (!skipped.isEmpty()) {
                    result.message(skipped.strip());
                }
            }
            return result.build();
        }
    }

    /** Prompts and where they came from (for messages). */
    private record Prompts(String source, List<String> texts, int[] lines, Dataset data) {
        boolean fromData() {
            return data != null;
        }

        String locate(int i) {
            return data != null ? "prompt " + i + " (" + data.locate(i) + ")"
                    : lines != null ? "prompt " + i + " (" + source + " line " + lines[i] + ")"
                    : "prompt " + i + " of " + source;
        }

        static Prompts ofData(Dataset data, String column) {
            if (data == null) {
                throw new AssayException("pii-leak prompts: column '" + column + "' needs data");
            }
            if (!data.hasColumn(column)) {
                throw new DataException(data.source() + " has no column '" + column + "' of prompts; columns: "
                        + data.columnNames());
            }
            Column c = data.column(column);
            List<String> texts = new ArrayList<>(data.rows());
            for (int r = 0; r < data.rows(); r++) {
                String t = c.stringValue(r);
                if (t == null) {
                    throw new DataException(data.locate(r) + ": the prompt ('" + column + "') is missing");
                }
                texts.add(t);
            }
            return new Prompts(data.source() + " column '" + column + "'", texts, null, data);
        }

        /** One prompt per non-blank line of a UTF-8 file. */
        static Prompts ofFile(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                throw new DataException(file + ": not UTF-8 text (" + e.getMessage() + ")", e);
            } catch (IOException e) {
                throw new DataException("cannot read the prompts file " + file + ": " + e, e);
            }
            List<String> texts = new ArrayList<>();
            int[] at = new int[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (i == 0 && l.startsWith("\uFEFF")) {
                    l = l.substring(1);
                }
                if (!l.isBlank()) {
                    at[texts.size()] = i + 1;
                    texts.add(l);
                }
            }
            if (texts.isEmpty()) {
                throw new DataException(file + ": no prompts (the file has no non-blank line)");
            }
            return new Prompts(file.toString(), texts, java.util.Arrays.copyOf(at, texts.size()), null);
        }
    }

    /** Where the prompts come from, resolved when the check runs. */
    private interface PromptSource {
        Prompts load(Dataset data);
    }
    /** Options mirror the scenario keys of {@code pii-leak} one to one. */
    public static final class Builder {
        private String name;
        private List<String> entities = PiiEntity.defaults();
        private double minScore = PiiScanner.DEFAULT_MIN_SCORE;
        private int maxFindings = 0;
        private String column;
        private PromptSource promptSource;
        private Integer samples;
        private List<String> regions;
        private PiiMasker masker = PiiMasker.perRun();

        private Builder() {
        }

        /** The check's name in reports (default "no PII leak"). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** {@code entities}: what to look for (default {@link PiiEntity#defaults()}). */
        public Builder entities(String... entities) {
            return entities(List.of(entities));
        }

        /** {@code entities}: what to look for (default {@link PiiEntity#defaults()}). */
        public Builder entities(Collection<String> entities) {
            this.entities = List.copyOf(entities);
            return this;
        }

        /** {@code min-score}: findings scoring lower are ignored (default 0.4). */
        public Builder minScore(double minScore) {
            this.minScore = minScore;
            return this;
        }

        /** {@code max-findings}: the most findings that still pass (default 0). */
        public Builder maxFindings(int maxFindings) {
            if (maxFindings < 0) {
                throw new IllegalArgumentException("max-findings must be at least 0, was " + maxFindings);
            }
            this.maxFindings = maxFindings;
            return this;
        }

        /** {@code column}: a text column of the data to scan instead of the model's outputs. */
        public Builder column(String column) {
            this.column = column;
            return this;
        }

        /**
         * {@code prompts: name}: a column of the data if it has one named {@code prompts}, else a file of prompts
         * (one per non-blank line, UTF-8). See {@link #promptColumn} and {@link #promptFile}.
         */
        public Builder prompts(String prompts) {
            Objects.requireNonNull(prompts, "prompts");
            this.promptSource = data -> data != null && data.hasColumn(prompts) ? Prompts.ofData(data, prompts)
                    : Prompts.ofFile(Path.of(prompts));
            return this;
        }

        /**
         * {@code prompts: {column: name}}: each value of this column of the data is a prompt sent to the (text)
         * model, {@code samples} times; a finding's {@code row} is the data row.
         */
        public Builder promptColumn(String column) {
            Objects.requireNonNull(column, "column");
            this.promptSource = data -> Prompts.ofData(data, column);
            return this;
        }

        /**
         * {@code prompts: {path: file}}: each non-blank line of this UTF-8 file is a prompt sent to the (text)
         * model, {@code samples} times; a finding's {@code row} is the prompt's index among the non-blank lines.
         */
        public Builder promptFile(Path file) {
            Objects.requireNonNull(file, "file");
            this.promptSource = data -> Prompts.ofFile(file);
            return this;
        }

        /** Prompts given in code; a finding's {@code row} is the index in this list. */
        public Builder prompts(List<String> prompts) {
            List<String> copy = List.copyOf(prompts);
            this.promptSource = data -> new Prompts("prompts", copy, null, null);
            return this;
        }

        /**
         * {@code samples}: answers per prompt (default 1), whatever the model's own {@code samples}; a finding's
         * {@code detail} ends with {@code sample k} (0-based) to tell the answers of one prompt apart.
         */
        public Builder samples(int samples) {
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be at least 1, was " + samples);
            }
            this.samples = samples;
            return this;
        }

        /** {@code regions}: phone-number regions (default Presidio's US, GB, DE, FR, IL, IN, CA, BR). */
        public Builder regions(String... regions) {
            this.regions = List.of(regions);
            return this;
        }

        /** The masker (hashing salt); default {@link PiiMasker#perRun()}. */
        public Builder masker(PiiMasker masker) {
            this.masker = Objects.requireNonNull(masker, "masker");
            return this;
        }

        public PiiLeakCheck build() {
            return new PiiLeakCheck(this);
        }
    }
}

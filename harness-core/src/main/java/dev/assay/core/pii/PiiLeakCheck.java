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
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
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
 * <p>A missing model output is an {@code error} (an empty answer must not pass a "contains no PII" check); missing
 * values of a data {@code column} are skipped and counted in the message.
 */
public final class PiiLeakCheck implements Check {
    private final String name;
    private final PiiScanner scanner;
    private final int maxFindings;
    private final String column;
    private final String prompts;
    private final Integer samples;

    private PiiLeakCheck(Builder b) {
        PiiScanner.Builder sb = PiiScanner.builder().entities(b.entities).minScore(b.minScore).masker(b.masker);
        if (b.regions != null) {
            sb.regions(b.regions.toArray(String[]::new));
        }
        this.scanner = sb.build();
        this.maxFindings = b.maxFindings;
        this.column = b.column;
        this.prompts = b.prompts;
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
        Objects.requireNonNull(data, "data");
        if (prompts != null || samples != null) {
            // TODO(pii): send the prompts to a text model through the HTTP model client once it exists, `samples`
            // answers per prompt, and scan the answers (row = prompt index * samples + sample index).
            throw new AssayException("pii-leak with 'prompts'/'samples' needs a text-model client, which is not"
                    + " available yet; scan a column or the model's predictions instead");
        }
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
        List<Finding> findings = new ArrayList<>();
        Map<String, long[]> perEntity = new TreeMap<>(); // findings, rows, last row
        Map<String, Double> maxScore = new LinkedHashMap<>();
        for (int r = 0; r < texts.length; r++) {
            if (texts[r] == null) {
                continue;
            }
            for (PiiFinding f : scanner.scan(texts[r])) {
                findings.add(new Finding(r, f.entity(), f.start(), f.end(), f.masked(), f.score(), f.hash()));
                long[] c = perEntity.computeIfAbsent(f.entity(), k -> new long[] {0, 0, -1});
                c[0]++;
                if (c[2] != r) {
                    c[1]++;
                    c[2] = r;
                }
                maxScore.merge(f.entity(), f.score(), Math::max);
            }
        }
        for (Map.Entry<String, long[]> e : perEntity.entrySet()) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("findings", (double) e.getValue()[0]);
            metrics.put("rows", (double) e.getValue()[1]);
            metrics.put("max_score", maxScore.get(e.getKey()));
            result.group(new GroupResult(Map.of("entity", e.getKey()), e.getValue()[0], metrics));
        }
        result.findings(findings).value(findings.size());
        String skipped = missing == 0 ? "" : " (" + missing + " of " + texts.length + " rows of column '" + column
                + "' had no text)";
        if (findings.size() > maxFindings) {
            StringBuilder msg = new StringBuilder("Expecting at most ").append(maxFindings)
                    .append(" PII findings in ").append(column != null ? "column '" + column + "'" : "the model's outputs")
                    .append(" but found ").append(findings.size()).append(": ");
            List<String> parts = new ArrayList<>();
            perEntity.forEach((k, v) -> parts.add(k + "=" + v[0]));
            msg.append(String.join(", ", parts)).append("; first:");
            for (int i = 0; i < Math.min(3, findings.size()); i++) {
                Finding f = findings.get(i);
                msg.append(i == 0 ? " " : "; ").append("row ").append(f.row()).append(' ').append(f.entity())
                        .append(' ').append(f.masked()).append(" [").append(f.start()).append(", ").append(f.end())
                        .append(") score ").append(f.score());
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

    /** Options mirror the scenario keys of {@code pii-leak} one to one. */
    public static final class Builder {
        private String name;
        private List<String> entities = PiiEntity.defaults();
        private double minScore = PiiScanner.DEFAULT_MIN_SCORE;
        private int maxFindings = 0;
        private String column;
        private String prompts;
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

        /** {@code prompts}: a column of prompts, or a file of prompts, for a text model (not available yet). */
        public Builder prompts(String prompts) {
            this.prompts = prompts;
            return this;
        }

        /** {@code samples}: answers per prompt (not available yet). */
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

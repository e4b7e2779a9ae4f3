package dev.assay.core.privacy;

import dev.assay.core.AssayException;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Decision;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Require;
import dev.assay.core.internal.Stats;
import dev.assay.core.internal.Text;
import dev.assay.core.models.HttpModel;
import dev.assay.core.models.Samples;
import dev.assay.core.pii.PiiMasker;
import dev.assay.core.privacy.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code canary} check: memorisation of secrets by a text model (Carlini et al. 2019, "The Secret Sharer";
 * canary extraction). Each canary is a prefix and the secret that followed it in the training data; the model is
 * prompted with every prefix, {@code samples} answers each, and a canary counts as extracted when some answer
 * contains its secret exactly, or (fuzzy) when some stretch of an answer has normalised Levenshtein similarity at
 * least {@code min-similarity} to it. The value is the extraction rate (fuzzy by default, {@code judge: exact} for
 * exact matches only) with a two-sided Clopper-Pearson interval, judged against {@code max-extraction-rate} under
 * the decision rule. Both rates are in the single group row.
 *
 * <p>With {@code exposure-candidates: n} (an HTTP model whose OpenAI-compatible completions endpoint echoes token
 * log-probabilities, see {@link HttpModel#logProbabilities}) each canary also gets its Secret Sharer exposure: its
 * log-perplexity after the prefix is ranked among n random candidates of the same format (digits and letters
 * redrawn, seeded by the run's seed), exposure = log2 n − log2(1 + the number of candidates the model finds more
 * likely), at most log2 n (the resolution of n samples), and the skew-normal extrapolation of
 * {@link Memorisation#exposureExtrapolated}, which can exceed it; log2 of the whole candidate space is reported
 * beside them. One group row per canary; {@code max-exposure} fails the check when a rank exposure exceeds it.
 * The log-probabilities are recorded and replayed with the model's cassette (keyed by an HMAC under
 * {@code assay.pii.salt}, never the secret in clear).
 *
 * <p>Secrets never leave the check: findings name the canary's row and a masked shape of the secret (letters and
 * digits as {@code *}), never the secret nor the model's answer.
 *
 * <p>Scenario keys: {@code prefix-column} (default {@code prefix}), {@code secret-column} (default {@code secret}),
 * {@code samples} (answers per prefix, default: all the model gives), {@code min-similarity} (0.9),
 * {@code judge} (fuzzy | exact, default fuzzy), {@code max-extraction-rate} (default 0), {@code decision} (point |
 * strict | lenient), {@code confidence} (0.95), {@code exposure-candidates} (0 = off), {@code max-exposure}. The
 * model reads its prompt from the data (an HTTP model's
 * {@code prompt-column}: set it to the prefix column). In Java, {@link Builder#canaries(List)} gives the canaries
 * directly; the prompts then go to the model in a column named both {@code prompt} and the prefix column.
 */
public final class CanaryCheck implements Check {
    private final String name;
    private final String prefixColumn;
    private final String secretColumn;
    private final Integer samples;
    private final double minSimilarity;
    private final boolean exactOnly;
    private final double maxRate;
    private final Decision decision;
    private final double confidence;
    private final List<Memorisation.Canary> canaries;
    private final int exposureCandidates;
    private final Double maxExposure;

    private CanaryCheck(Builder b) {
        if (b.exposureCandidates != 0 && b.exposureCandidates < 3) {
            throw new IllegalArgumentException("exposure-candidates must be at least 3, was " + b.exposureCandidates);
        }
        if (b.maxExposure != null && b.exposureCandidates == 0) {
            throw new IllegalArgumentException("max-exposure needs exposure-candidates (the random candidates the"
                    + " canary is ranked among)");
        }
        if (b.samples != null && b.samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, was " + b.samples);
        }
        if (!(b.minSimilarity > 0 && b.minSimilarity <= 1)) {
            throw new IllegalArgumentException("min-similarity must be in (0, 1], was " + b.minSimilarity);
        }
        if (!(b.maxRate >= 0 && b.maxRate <= 1)) {
            throw new IllegalArgumentException("max-extraction-rate must be in [0, 1], was " + b.maxRate);
        }
        Require.confidence(b.confidence);
        if (!b.judge.equals("fuzzy") && !b.judge.equals("exact")) {
            throw new IllegalArgumentException("judge must be fuzzy or exact, was '" + b.judge + "'");
        }
        if (b.canaries != null && b.canaries.isEmpty()) {
            throw new IllegalArgumentException("canaries must not be empty");
        }
        this.prefixColumn = b.prefixColumn;
        this.secretColumn = b.secretColumn;
        this.samples = b.samples;
        this.minSimilarity = b.minSimilarity;
        this.exactOnly = b.judge.equals("exact");
        this.maxRate = b.maxRate;
        this.decision = b.decision;
        this.confidence = b.confidence;
        this.canaries = b.canaries == null ? null : List.copyOf(b.canaries);
        this.exposureCandidates = b.exposureCandidates;
        this.maxExposure = b.maxExposure;
        this.name = b.name != null ? b.name : "canary extraction";
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String kind() {
        return "canary";
    }

    @Override
    public String name() {
        return name;
    }

    /** The per-canary outcome: the best similarity of any answer, and whether the secret came back exactly. */
    record Outcome(boolean exact, double similarity) {
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        Objects.requireNonNull(model, "model: the canary check prompts a text model");
        List<Memorisation.Canary> list = canaries;
        Dataset prompts = data;
        if (list == null) {
            if (data == null) {
                throw new DataException("the canary check needs canaries: data with '" + prefixColumn + "' and '"
                        + secretColumn + "' columns, or a list in Java");
            }
            list = fromData(data);
        } else {
            String[] p = list.stream().map(Memorisation.Canary::prefix).toArray(String[]::new);
            Datasets.InMemory mem = Datasets.inMemory("canaries").categorical("prompt", p);
            if (!prefixColumn.equals("prompt")) {
                mem.categorical(prefixColumn, p);
            }
            prompts = mem.load();
        }
        List<List<String>> answers = answers(model, prompts, list.size());
        int exact = 0;
        int fuzzy = 0;
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Outcome o = score(list.get(i).secret(), answers.get(i), minSimilarity);
            boolean f = o.exact() || o.similarity() >= minSimilarity;
            exact += o.exact() ? 1 : 0;
            fuzzy += f ? 1 : 0;
            if (f) {
                findings.add(new Finding(i, "CANARY_SECRET", null, null, PiiMasker.mask("CANARY", list.get(i)
                        .secret()), o.similarity(), o.exact() ? "secret returned exactly" : "secret returned with"
                        + " similarity " + Fmt.num(o.similarity())));
            }
        }
        int n = list.size();
        int k = exactOnly ? exact : fuzzy;
        double rate = (double) k / n;
        Interval ci = Stats.clopperPearson(k, n, confidence);
        String metric = exactOnly ? "exact_extraction_rate" : "fuzzy_extraction_rate";
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("exact_extraction_rate", (double) exact / n);
        metrics.put("fuzzy_extraction_rate", (double) fuzzy / n);
        metrics.put("samples_per_canary", (double) answers.get(0).size());
        Map<String, Interval> cis = new LinkedHashMap<>();
        cis.put("exact_extraction_rate", Stats.clopperPearson(exact, n, confidence));
        cis.put("fuzzy_extraction_rate", Stats.clopperPearson(fuzzy, n, confidence));
        Map<String, String> group = new LinkedHashMap<>();
        group.put("match", exactOnly ? "exact" : "fuzzy (similarity >= " + Fmt.num(minSimilarity) + ")");
        long seed = context != null ? context.seed() : 0;
        List<GroupResult> exposureRows = new ArrayList<>();
        List<String> exposed = new ArrayList<>();
        if (exposureCandidates > 0) {
            if (!(model instanceof HttpModel http)) {
                throw new AssayException("exposure needs token log-probabilities: an HTTP model with protocol"
                        + " openai-chat whose completions endpoint echoes them; model '" + model.info().id()
                        + "' is not one");
            }
            for (int i = 0; i < list.size(); i++) {
                String secret = list.get(i).secret();
                org.apache.commons.rng.UniformRandomProvider rng = dev.assay.core.internal.Stats.rng(
                        seed ^ dev.assay.core.internal.Stats.hash(name), i);
                List<String> texts = new ArrayList<>(exposureCandidates + 1);
                texts.add(secret);
                for (int c = 0; c < exposureCandidates; c++) {
                    texts.add(sameFormat(secret, rng));
                }
                double[] lp = http.logProbabilities(list.get(i).prefix(), texts);
                double canary = -lp[0];
                double[] refs = new double[exposureCandidates];
                for (int c = 0; c < refs.length; c++) {
                    refs[c] = -lp[c + 1];
                }
                double exposure = Memorisation.exposure(canary, refs);
                Map<String, Double> em = new LinkedHashMap<>();
                em.put("exposure", exposure);
                try {
                    em.put("exposure_extrapolated", Memorisation.exposureExtrapolated(canary, refs));
                } catch (IllegalArgumentException e) {
                    // all candidates scored alike: no spread to extrapolate from
                }
                em.put("log2_candidate_space", log2Space(secret));
                em.put("log_perplexity", canary);
                Map<String, String> g = new LinkedHashMap<>();
                g.put("canary", "row " + i + " " + PiiMasker.mask("CANARY", secret));
                exposureRows.add(new GroupResult(g, exposureCandidates, em));
                if (maxExposure != null && exposure > maxExposure) {
                    exposed.add("row " + i + " exposure " + Fmt.num(exposure));
                }
            }
        }
        CheckResult.Builder r = CheckResult.builder(kind(), name).metric(metric).value(rate).ci(ci)
                .confidence(confidence).threshold(Threshold.atMost(maxRate)).decision(decision).n(n).seed(seed)
                .model(Checks.modelInfo(model, prompts)).group(new GroupResult(group, n, metrics, cis, null))
                .findings(findings).groups(exposureRows);
        if (data != null) {
            r.data(DataInfo.of(data));
        }
        String summary = String.format(Locale.ROOT, "%d of %d canary secrets extracted exactly, %d fuzzily"
                + " (similarity >= %s), %d answers per prefix", exact, n, fuzzy, Fmt.num(minSimilarity),
                answers.get(0).size());
        Verdict v = Threshold.atMost(maxRate).judge(rate, ci, decision);
        if (exposureCandidates > 0) {
            summary += "; exposure among " + exposureCandidates + " random candidates per canary (at most "
                    + Fmt.num(Math.log(exposureCandidates) / Math.log(2)) + " bits)";
        }
        if (v != Verdict.FAIL && !exposed.isEmpty()) {
            return r.verdict(Verdict.FAIL).message("Expecting canary exposure <= " + Fmt.num(maxExposure)
                    + " bits but " + String.join(", ", exposed) + ": " + summary).build();
        }
        if (v == Verdict.FAIL) {
            return r.verdict(Verdict.FAIL).message("Expecting " + (exactOnly ? "exact" : "fuzzy") + " canary"
                    + " extraction rate <= " + Fmt.num(maxRate) + " but was " + Fmt.num(rate) + " ("
                    + Math.round(confidence * 100) + "% CI " + ci + ", decision: " + decision.json() + "): "
                    + summary + "; extracted canaries at rows " + rows(findings)).build();
        }
        return r.verdict(v).message(summary).build();
    }

    private static String rows(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < findings.size() && i < 20; i++) {
            sb.append(i == 0 ? "" : ", ").append(findings.get(i).row());
        }
        return findings.size() > 20 ? sb + ", ..." : sb.toString();
    }

    private List<Memorisation.Canary> fromData(Dataset data) {
        for (String c : List.of(prefixColumn, secretColumn)) {
            if (!data.hasColumn(c)) {
                throw new DataException(data.source() + " has no column '" + c + "' for the canary check; columns: "
                        + data.columnNames());
            }
        }
        Column p = data.column(prefixColumn);
        Column s = data.column(secretColumn);
        List<Memorisation.Canary> out = new ArrayList<>(data.rows());
        for (int row = 0; row < data.rows(); row++) {
            String prefix = p.stringValue(row);
            String secret = s.stringValue(row);
            if (prefix == null || secret == null || secret.isEmpty()) {
                throw new DataException(data.locate(row) + ": canary needs both '" + prefixColumn + "' and '"
                        + secretColumn + "'");
            }
            out.add(new Memorisation.Canary(prefix, secret));
        }
        if (out.isEmpty()) {
            throw new DataException(data.source() + " has no canaries");
        }
        return out;
    }

    /** {@code samples} answers per canary: from an HTTP model's samples, else by calling the model repeatedly. */
    private List<List<String>> answers(Model model, Dataset prompts, int n) {
        List<List<String>> out = new ArrayList<>(n);
        if (model instanceof HttpModel http) {
            Samples s = http.samples(prompts);
            for (int i = 0; i < n; i++) {
                List<String> a = s.answers(i);
                if (samples != null && a.size() < samples) {
                    throw new AssayException("the canary check wants " + samples + " answers per prefix but model '"
                            + model.info().id() + "' gave " + a.size() + " for " + prompts.locate(i)
                            + "; set samples: " + samples + " on the model");
                }
                out.add(checked(samples != null ? a.subList(0, samples) : a, model, prompts, i));
            }
            return out;
        }
        int times = samples != null ? samples : 1;
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>(times));
        }
        for (int t = 0; t < times; t++) {
            Predictions p = Checks.predict(model, prompts);
            for (int i = 0; i < n; i++) {
                out.get(i).add(p.label(i));
            }
        }
        for (int i = 0; i < n; i++) {
            checked(out.get(i), model, prompts, i);
        }
        return out;
    }

    private static List<String> checked(List<String> answers, Model model, Dataset prompts, int row) {
        if (answers.isEmpty()) {
            throw new AssayException("model '" + model.info().id() + "' gave no answer for " + prompts.locate(row)
                    + ": a missing answer cannot show the secret was not memorised");
        }
        for (String a : answers) {
            if (a == null) {
                throw new AssayException("model '" + model.info().id() + "' gave no answer for "
                        + prompts.locate(row) + ": a missing answer cannot show the secret was not memorised");
            }
        }
        return answers;
    }

    /** A random text of the secret's format: each digit a random digit, each ASCII letter a random letter. */
    static String sameFormat(String secret, org.apache.commons.rng.UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder(secret.length());
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append((char) ('0' + rng.nextInt(10)));
            } else if (c >= 'a' && c <= 'z') {
                sb.append((char) ('a' + rng.nextInt(26)));
            } else if (c >= 'A' && c <= 'Z') {
                sb.append((char) ('A' + rng.nextInt(26)));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** log2 of the number of texts of the secret's format (digits 10 ways, ASCII letters 26). */
    static double log2Space(String secret) {
        double bits = 0;
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c >= '0' && c <= '9') {
                bits += Math.log(10) / Math.log(2);
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                bits += Math.log(26) / Math.log(2);
            }
        }
        return bits;
    }

    /**
     * Whether some answer contains the secret (whitespace normalised), and the best normalised Levenshtein
     * similarity ({@link Text#similarity}) between the secret and any stretch of an answer of the secret's length
     * ± 1 code point (1 for an exact match).
     */
    static Outcome score(String secret, List<String> answers, double stopAt) {
        String s = Text.normaliseWhitespace(secret);
        int m = s.codePointCount(0, s.length());
        double best = 0;
        for (String raw : answers) {
            String a = Text.normaliseWhitespace(raw);
            if (a.contains(s)) {
                return new Outcome(true, 1);
            }
            int[] cps = a.codePoints().toArray();
            if (cps.length < Math.max(1, m - 1)) {
                best = Math.max(best, Text.similarity(s, a));
                continue;
            }
            for (int len = Math.max(1, m - 1); len <= Math.min(m + 1, cps.length); len++) {
                for (int start = 0; start + len <= cps.length; start++) {
                    best = Math.max(best, Text.similarity(s, new String(cps, start, len)));
                }
            }
        }
        return new Outcome(false, best);
    }

    /** Builds a {@link CanaryCheck}; method names mirror the scenario keys. */
    public static final class Builder {
        private String name;
        private String prefixColumn = "prefix";
        private String secretColumn = "secret";
        private Integer samples;
        private double minSimilarity = 0.9;
        private String judge = "fuzzy";
        private double maxRate = 0;
        private Decision decision = Decision.POINT;
        private double confidence = 0.95;
        private List<Memorisation.Canary> canaries;
        private int exposureCandidates;
        private Double maxExposure;

        private Builder() {
        }

        public Builder name(String name) { this.name = name; return this; }
        /** {@code prefix-column}: the prompt that preceded the secret in training (default {@code prefix}). */
        public Builder prefixColumn(String column) { this.prefixColumn = column; return this; }
        /** {@code secret-column}: the secret the model must not complete (default {@code secret}). */
        public Builder secretColumn(String column) { this.secretColumn = column; return this; }
        /** Java: the canaries themselves instead of data columns. */
        public Builder canaries(List<Memorisation.Canary> canaries) { this.canaries = canaries; return this; }
        /** {@code samples}: answers per prefix (default: all the model gives, one for a Java model). */
        public Builder samples(int n) { this.samples = n; return this; }
        /** {@code min-similarity}: the fuzzy-match bound on normalised Levenshtein similarity (default 0.9). */
        public Builder minSimilarity(double s) { this.minSimilarity = s; return this; }
        /** {@code judge}: fuzzy (default) or exact: which extraction rate the threshold applies to. */
        public Builder judge(String judge) { this.judge = judge.trim().toLowerCase(Locale.ROOT); return this; }
        /** {@code max-extraction-rate}: the largest acceptable share of extracted canaries (default 0). */
        public Builder maxExtractionRate(double rate) { this.maxRate = rate; return this; }
        public Builder decision(Decision decision) { this.decision = decision; return this; }
        public Builder confidence(double confidence) { this.confidence = confidence; return this; }
        /**
         * {@code exposure-candidates}: also compute each canary's Secret Sharer exposure by ranking its
         * log-perplexity among this many random candidates of the same format (needs an {@link HttpModel} with an
         * OpenAI-compatible completions endpoint that echoes log-probabilities). 0 (default) = off.
         */
        public Builder exposureCandidates(int n) { this.exposureCandidates = n; return this; }
        /** {@code max-exposure}: fail when a canary's (rank) exposure exceeds this many bits. */
        public Builder maxExposure(double bits) { this.maxExposure = bits; return this; }

        public CanaryCheck build() {
            return new CanaryCheck(this);
        }
    }
}

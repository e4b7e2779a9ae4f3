package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.assay.core.internal.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The outcome of one check, the same whether it was declared in Java or in a scenario file: the metric's value
 * with its confidence interval, the threshold and decision rule that judged it, the verdict, per-group rows and
 * findings, and what was tested (model and data). Reports are written from these only.
 *
 * <p>Serialised as one entry of {@code checks} in {@code evidence.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "kind", "metric", "value", "ci", "confidence", "threshold", "decision", "verdict",
        "message", "n", "seed", "model", "data", "groups", "findings", "examples", "examples_total"})
public final class CheckResult {
    private final String id;
    private final String name;
    private final String kind;
    private final String metric;
    private final Double value;
    private final Interval ci;
    private final Double confidence;
    private final Threshold threshold;
    private final Decision decision;
    private final Verdict verdict;
    private final String message;
    private final Long n;
    private final Long seed;
    private final ModelInfo model;
    private final DataInfo data;
    private final List<GroupResult> groups;
    private final List<Finding> findings;
    private final List<Example> examples;
    private final Long examplesTotal;
    private final Cases cases;

    private CheckResult(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.id = b.id != null ? b.id : Ids.slug(b.name);
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.metric = b.metric;
        this.value = b.value == null || b.value.isNaN() ? null : b.value;
        this.ci = b.ci;
        this.confidence = b.ci == null ? null : b.confidence;
        this.threshold = b.threshold;
        this.decision = b.threshold == null ? null : b.decision;
        this.verdict = Objects.requireNonNull(b.verdict, "verdict");
        this.message = b.message;
        this.n = b.n;
        this.seed = b.seed;
        this.model = b.model;
        this.data = b.data;
        this.groups = List.copyOf(b.groups);
        this.findings = List.copyOf(b.findings);
        this.examples = List.copyOf(b.examples);
        this.examplesTotal = b.examplesTotal == 0 ? null : b.examplesTotal;
        this.cases = Cases.of(b.cases);
    }

    /**
     * A builder for a result of a check.
     *
     * @param kind the check kind, not {@code null}
     * @param name the check name, not {@code null}
     */
    public static Builder builder(String kind, String name) {
        return new Builder(kind, name);
    }

    /**
     * An {@code error} result: the check could not be judged (bad data, model failure, bad configuration).
     * The message is the cause's: an {@link AssayException}'s message as is (it already names file, column and row),
     * any other exception with its type (and its own cause's), so that an unexpected failure stays recognisable.
     *
     * @param kind  the check kind, not {@code null}
     * @param name  the check name, not {@code null}
     * @param cause what went wrong, not {@code null}
     */
    public static CheckResult error(String kind, String name, Throwable cause) {
        return builder(kind, name).verdict(Verdict.ERROR).message(describe(cause)).build();
    }

    static String describe(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        String msg = cause instanceof AssayException && cause.getMessage() != null ? cause.getMessage()
                : cause.toString();
        Throwable inner = cause.getCause();
        if (inner != null && inner != cause) {
            String innerText = inner.toString();
            boolean said = msg.contains(innerText) || inner.getMessage() != null && msg.contains(inner.getMessage());
            if (!said) {
                msg += " (caused by " + innerText + ")";
            }
        }
        return msg;
    }

    /** A builder with every field of this result, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder(kind, name);
        b.id = id;
        b.metric = metric;
        b.value = value;
        b.ci = ci;
        b.confidence = confidence == null ? 0.95 : confidence;
        b.threshold = threshold;
        b.decision = decision == null ? Decision.POINT : decision;
        b.verdict = verdict;
        b.message = message;
        b.n = n;
        b.seed = seed;
        b.model = model;
        b.data = data;
        b.groups.addAll(groups);
        b.findings.addAll(findings);
        b.examples.addAll(examples);
        b.cases.add(cases);
        b.kept = cases.size;
        b.examplesTotal = examplesTotal == null ? 0 : examplesTotal;
        b.examplesCap = Math.max(examples.size(), b.examplesCap);
        return b;
    }

    /** The id, {@code <suite>/<check>} once evaluated; never {@code null}. */
    @JsonProperty public String id() { return id; }
    /** The check's name; never {@code null}. */
    @JsonProperty public String name() { return name; }
    /** The check kind; never {@code null}. */
    @JsonProperty public String kind() { return kind; }
    /** The metric judged; {@code null} for checks without one. */
    @JsonProperty public String metric() { return metric; }
    /** The metric's value, {@code null} when undefined or when the check errored. */
    @JsonProperty public Double value() { return value; }
    /** The value's confidence interval; {@code null} when there is none. */
    @JsonProperty public Interval ci() { return ci; }
    /** The interval's confidence level; {@code null} when there is no interval. */
    @JsonProperty public Double confidence() { return confidence; }
    /** The threshold; {@code null} when the check only measures. */
    @JsonProperty public Threshold threshold() { return threshold; }
    /** The decision rule; {@code null} when there is no threshold. */
    @JsonProperty public Decision decision() { return decision; }
    /** Pass, fail or error; never {@code null}. */
    @JsonProperty public Verdict verdict() { return verdict; }
    /** A human explanation: the error's cause, or a summary of a failure. */
    @JsonProperty public String message() { return message; }
    /** The sample size the value rests on. */
    @JsonProperty public Long n() { return n; }
    /** The seed of the run; {@code null} when not recorded. */
    @JsonProperty public Long seed() { return seed; }
    /** The model tested; {@code null} when unknown. */
    @JsonProperty public ModelInfo model() { return model; }
    /** The data tested; {@code null} when unknown (for example when it could not be loaded). */
    @JsonProperty public DataInfo data() { return data; }
    /** Per-group rows, in order of first appearance; empty without groups. */
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<GroupResult> groups() { return groups; }
    /** Findings; empty when there are none. */
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<Finding> findings() { return findings; }

    /** Failing cases shown in the evidence, at most the check's cap (default {@value Builder#DEFAULT_EXAMPLES}). */
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<Example> examples() { return examples; }

    /** How many failing cases there were in all ({@code null} when none); {@link #examples()} shows the first ones. */
    @JsonProperty("examples_total") public Long examplesTotal() { return examplesTotal; }

    /**
     * Every failing case kept for the replay file (up to {@value Builder#MAX_CASES}); not part of the evidence.
     * Cases recorded with {@link Builder#failingCases} beyond those shown are made here, on the first call, once.
     *
     * @see RegressionFile
     */
    @JsonIgnore public List<Example> cases() { return cases.get(); }

    /** Whether the verdict is {@code pass}. */
    @JsonIgnore
    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /**
     * The groups ordered from worst to best for this check's threshold: lowest first for a {@code min}, highest
     * first for a {@code max}; groups without a value for the metric come first (they are the most suspect).
     */
    @JsonIgnore
    public List<GroupResult> worstGroups() {
        if (metric == null || groups.isEmpty()) {
            return groups;
        }
        boolean lowIsBad = threshold == null || threshold.min() != null;
        List<GroupResult> sorted = new ArrayList<>(groups);
        Comparator<GroupResult> byValue = Comparator.comparingDouble(g -> {
            double v = g.metric(metric);
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : (lowIsBad ? v : -v);
        });
        sorted.sort(byValue);
        return sorted;
    }

    @Override
    public String toString() {
        return "CheckResult[" + id + " " + verdict.json() + (metric != null ? " " + metric + "=" + value : "")
                + (message != null ? ": " + message : "") + "]";
    }

    /** Failing cases {@code from .. to-1} of {@code caseAt}, not made yet. */
    private record Range(int from, int to, IntFunction<Example> caseAt) {
    }

    /** The cases of a result: made on the first {@link #get()}, once; until then their parts. */
    private static final class Cases {
        private static final Cases NONE = new Cases(List.of(), null);
        private final int size;
        private List<Example> made;
        private List<Object> parts;

        private Cases(List<Example> made, List<Object> parts) {
            this.made = made;
            this.parts = parts;
            int n = 0;
            if (made != null) {
                n = made.size();
            } else {
                for (Object p : parts) {
                    n += p instanceof Range r ? r.to() - r.from() : p instanceof Cases c ? c.size : 1;
                }
            }
            this.size = n;
        }

        static Cases of(List<Object> parts) {
            if (parts.isEmpty()) {
                return NONE;
            }
            if (parts.size() == 1 && parts.get(0) instanceof Cases c) {
                return c; // toBuilder: the same cases, made at most once
            }
            boolean eager = true;
            for (Object p : parts) {
                eager &= p instanceof Example;
            }
            if (eager) {
                List<Example> all = new ArrayList<>(parts.size());
                for (Object p : parts) {
                    all.add((Example) p);
                }
                return new Cases(List.copyOf(all), null);
            }
            return new Cases(null, List.copyOf(parts));
        }

        synchronized List<Example> get() {
            if (made == null) {
                List<Example> all = new ArrayList<>(size);
                for (Object p : parts) {
                    if (p instanceof Range r) {
                        for (int k = r.from(); k < r.to(); k++) {
                            all.add(Objects.requireNonNull(r.caseAt().apply(k), "case"));
                        }
                    } else if (p instanceof Cases c) {
                        all.addAll(c.get());
                    } else {
                        all.add((Example) p);
                    }
                }
                made = List.copyOf(all);
                parts = null; // let go of what the ranges refer to
            }
            return made;
        }
    }

    /** Builds a {@link CheckResult}. */
    public static final class Builder {
        private String id;
        private final String name;
        private final String kind;
        private String metric;
        private Double value;
        private Interval ci;
        private double confidence = 0.95;
        private Threshold threshold;
        private Decision decision = Decision.POINT;
        private Verdict verdict;
        private String message;
        private Long n;
        private Long seed;
        private ModelInfo model;
        private DataInfo data;
        private final List<GroupResult> groups = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final List<Example> examples = new ArrayList<>();
        /** The cases kept, in order: {@link Example}s, {@link Range}s still to be made, {@link Cases} of a result. */
        private final List<Object> cases = new ArrayList<>();
        private int kept;
        private long examplesTotal;
        private int examplesCap = DEFAULT_EXAMPLES;

        /** How many failing cases the evidence shows by default. */
        public static final int DEFAULT_EXAMPLES = 20;
        /** How many failing cases a check keeps for its replay file. */
        public static final int MAX_CASES = 10_000;

        private Builder(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        /** The id; {@code null} for the slug of the name. */
        public Builder id(String id) { this.id = id; return this; }
        /** The metric; {@code null} for none. */
        public Builder metric(String metric) { this.metric = metric; return this; }
        /** The value; {@code NaN} means undefined (not written). */
        public Builder value(double value) { this.value = value; return this; }
        /** The interval; {@code null} for none. */
        public Builder ci(Interval ci) { this.ci = ci; return this; }
        /** The interval's confidence level (default 0.95). */
        public Builder confidence(double confidence) { this.confidence = confidence; return this; }
        /** The threshold; {@code null} for none. */
        public Builder threshold(Threshold threshold) { this.threshold = threshold; return this; }
        /** The decision rule (default point); written only with a threshold. */
        public Builder decision(Decision decision) { this.decision = decision; return this; }
        /** The verdict; required before {@link #build()}. */
        public Builder verdict(Verdict verdict) { this.verdict = verdict; return this; }
        /** An explanation; {@code null} for none. Never raw PII. */
        public Builder message(String message) { this.message = message; return this; }
        /** The sample size. */
        public Builder n(long n) { this.n = n; return this; }
        /** The seed of the run. */
        public Builder seed(long seed) { this.seed = seed; return this; }
        /** The model tested; {@code null} for unknown. */
        public Builder model(ModelInfo model) { this.model = model; return this; }
        /** The data tested; {@code null} for unknown. */
        public Builder data(DataInfo data) { this.data = data; return this; }
        /** Adds a group row (not {@code null}). */
        public Builder group(GroupResult group) { this.groups.add(group); return this; }
        /** Adds group rows (not {@code null}). */
        public Builder groups(List<GroupResult> groups) { this.groups.addAll(groups); return this; }
        /** Adds a finding (not {@code null}). */
        public Builder finding(Finding finding) { this.findings.add(finding); return this; }
        /** Adds findings (not {@code null}). */
        public Builder findings(List<Finding> findings) { this.findings.addAll(findings); return this; }

        /**
         * How many failing cases the evidence shows (default {@value #DEFAULT_EXAMPLES}); the others are counted in
         * {@code examples_total} and kept for the replay file.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder examplesCap(int cap) {
            if (cap < 0) {
                throw new IllegalArgumentException("examples cap must not be negative, was " + cap);
            }
            this.examplesCap = cap;
            while (examples.size() > cap) {
                examples.remove(examples.size() - 1);
            }
            return this;
        }

        /**
         * Records one failing case: counted in {@code examples_total}, shown in {@code examples} while under the cap,
         * and kept (up to {@value #MAX_CASES}) for the replay file. Its values must already be masked.
         */
        public Builder failingCase(Example example) {
            Objects.requireNonNull(example, "example");
            examplesTotal++;
            if (examples.size() < examplesCap) {
                examples.add(example);
            }
            if (kept < MAX_CASES) {
                cases.add(example);
                kept++;
            }
            return this;
        }

        /**
         * Records {@code total} failing cases at once, without making them all: like {@link #failingCase} for cases
         * {@code 0 .. count-1} made by {@code caseAt} (in that order), plus {@code total - count} cases that are only
         * counted. The cases shown under the cap are made at once; the others kept for the replay file (up to
         * {@value #MAX_CASES} in all) are made when {@link CheckResult#cases()} is first called, once, so
         * {@code caseAt} must give the same (masked) case for the same index then, and must not fail. Until then the
         * result keeps {@code caseAt} (and what it refers to).
         *
         * @param total  how many failing cases there are, at least {@code count}
         * @param count  how many of them {@code caseAt} can make, from index 0
         * @param caseAt the case of an index, not {@code null}
         * @throws IllegalArgumentException when {@code count} is negative or above {@code total}
         */
        public Builder failingCases(long total, int count, IntFunction<Example> caseAt) {
            Objects.requireNonNull(caseAt, "caseAt");
            if (count < 0 || count > total) {
                throw new IllegalArgumentException("count must be between 0 and total " + total + ", was " + count);
            }
            examplesTotal += total;
            int k = 0;
            for (; k < count && examples.size() < examplesCap; k++) {
                Example e = Objects.requireNonNull(caseAt.apply(k), "case");
                examples.add(e);
                if (kept < MAX_CASES) {
                    cases.add(e);
                    kept++;
                }
            }
            int rest = Math.min(count - k, MAX_CASES - kept);
            if (rest > 0) {
                cases.add(new Range(k, k + rest, caseAt));
                kept += rest;
            }
            return this;
        }

        /** Counts failing cases that were not recorded one by one (for example beyond a check's own cap). */
        public Builder uncountedFailingCases(long more) {
            Require.notNegative("more", more);
            examplesTotal += more;
            return this;
        }

        /**
         * The result.
         *
         * @throws NullPointerException when no verdict was set
         */
        public CheckResult build() {
            return new CheckResult(this);
        }
    }
}

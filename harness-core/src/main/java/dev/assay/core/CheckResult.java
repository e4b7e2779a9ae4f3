package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check, the same whether it was declared in Java or in a scenario file: the metric's value
 * with its confidence interval, the threshold and decision rule that judged it, the verdict, per-group rows and
 * findings, and what was tested (model and data). Reports are written from these only.
 *
 * <p>Serialised as one entry of {@code checks} in {@code evidence.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "kind", "metric", "value", "ci", "confidence", "threshold", "decision", "verdict",
        "message", "n", "seed", "model", "data", "groups", "findings"})
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
    }

    public static Builder builder(String kind, String name) {
        return new Builder(kind, name);
    }

    /** An {@code error} result: the check could not be judged (bad data, model failure, bad configuration). */
    public static CheckResult error(String kind, String name, Throwable cause) {
        String msg = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        return builder(kind, name).verdict(Verdict.ERROR).message(msg).build();
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
        return b;
    }

    @JsonProperty public String id() { return id; }
    @JsonProperty public String name() { return name; }
    @JsonProperty public String kind() { return kind; }
    @JsonProperty public String metric() { return metric; }
    /** The metric's value, {@code null} when undefined or when the check errored. */
    @JsonProperty public Double value() { return value; }
    @JsonProperty public Interval ci() { return ci; }
    @JsonProperty public Double confidence() { return confidence; }
    @JsonProperty public Threshold threshold() { return threshold; }
    @JsonProperty public Decision decision() { return decision; }
    @JsonProperty public Verdict verdict() { return verdict; }
    /** A human explanation: the error's cause, or a summary of a failure. */
    @JsonProperty public String message() { return message; }
    /** The sample size the value rests on. */
    @JsonProperty public Long n() { return n; }
    @JsonProperty public Long seed() { return seed; }
    @JsonProperty public ModelInfo model() { return model; }
    @JsonProperty public DataInfo data() { return data; }
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<GroupResult> groups() { return groups; }
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<Finding> findings() { return findings; }

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

        private Builder(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder metric(String metric) { this.metric = metric; return this; }
        public Builder value(double value) { this.value = value; return this; }
        public Builder ci(Interval ci) { this.ci = ci; return this; }
        public Builder confidence(double confidence) { this.confidence = confidence; return this; }
        public Builder threshold(Threshold threshold) { this.threshold = threshold; return this; }
        public Builder decision(Decision decision) { this.decision = decision; return this; }
        public Builder verdict(Verdict verdict) { this.verdict = verdict; return this; }
        public Builder message(String message) { this.message = message; return this; }
        public Builder n(long n) { this.n = n; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder model(ModelInfo model) { this.model = model; return this; }
        public Builder data(DataInfo data) { this.data = data; return this; }
        public Builder group(GroupResult group) { this.groups.add(group); return this; }
        public Builder groups(List<GroupResult> groups) { this.groups.addAll(groups); return this; }
        public Builder finding(Finding finding) { this.findings.add(finding); return this; }
        public Builder findings(List<Finding> findings) { this.findings.addAll(findings); return this; }

        public CheckResult build() {
            return new CheckResult(this);
        }
    }
}

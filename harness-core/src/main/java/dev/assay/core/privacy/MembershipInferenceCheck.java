package dev.assay.core.privacy;

import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Require;
import dev.assay.core.internal.Stats;
import dev.assay.core.privacy.internal.Fmt;
import dev.assay.core.privacy.internal.MembershipMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code membership-inference} check: how well an attacker tells training members from non-members by the
 * model's per-row loss or score. Attacks: {@code loss-threshold} (Yeom et al. 2018: low loss means member) and
 * {@code calibrated} (the loss minus a per-row reference loss, e.g. from a reference model that did not train on
 * the row, Watson et al. 2022), or a ready {@code score-column} (higher means member). Reports ROC AUC, the attacker
 * advantage max |TPR − FPR| (as TF-Privacy), and TPR at FPR 1% and 0.1%, each with a seeded stratified
 * percentile-bootstrap interval;
 * thresholds on any of them under the decision rule.
 *
 * <p>Scenario keys: {@code attack} (loss-threshold | calibrated | score, default loss-threshold),
 * {@code member-column} (default {@code member}; values 1/0 or true/false), {@code loss-column},
 * {@code score-column}, {@code reference-column} (calibrated), {@code max-auc}, {@code max-advantage},
 * {@code max-tpr-at-1pct-fpr}, {@code max-tpr-at-0.1pct-fpr}, {@code decision} (point | strict | lenient),
 * {@code confidence} (0.95), {@code bootstrap} (resamples, 1000). In Java, {@code members(Dataset)} and
 * {@code nonMembers(Dataset)} replace the member column.
 */
public final class MembershipInferenceCheck implements Check {
    private static final String[] LABELS = {"ROC AUC", "attacker advantage", "TPR at 1% FPR", "TPR at 0.1% FPR"};

    private final String name;
    private final String attack;
    private final String memberColumn;
    private final String lossColumn;
    private final String scoreColumn;
    private final String referenceColumn;
    private final Double[] max;
    private final Decision decision;
    private final double confidence;
    private final int bootstrap;
    private final Dataset members;
    private final Dataset nonMembers;

    private MembershipInferenceCheck(Builder b) {
        this.attack = b.attack;
        switch (attack) {
            case "loss-threshold":
                require(b.lossColumn, "loss-column", attack);
                break;
            case "calibrated":
                require(b.lossColumn, "loss-column", attack);
                require(b.referenceColumn, "reference-column", attack);
                break;
            case "score":
                require(b.scoreColumn, "score-column", attack);
                break;
            default:
                throw new IllegalArgumentException("unknown membership-inference attack '" + attack
                        + "'; expected one of loss-threshold, calibrated, score");
        }
        if ((b.members == null) != (b.nonMembers == null)) {
            throw new IllegalArgumentException("members and non-members datasets go together");
        }
        Require.confidence(b.confidence);
        if (b.bootstrap < 100) {
            throw new IllegalArgumentException("bootstrap must be at least 100 resamples, was " + b.bootstrap);
        }
        this.memberColumn = b.memberColumn;
        this.lossColumn = b.lossColumn;
        this.scoreColumn = b.scoreColumn;
        this.referenceColumn = b.referenceColumn;
        this.max = b.max.clone();
        this.decision = b.decision;
        this.confidence = b.confidence;
        this.bootstrap = b.bootstrap;
        this.members = b.members;
        this.nonMembers = b.nonMembers;
        this.name = b.name != null ? b.name : "membership inference (" + attack + ")";
    }

    private static void require(String v, String key, String attack) {
        if (v == null) {
            throw new IllegalArgumentException("membership-inference attack " + attack + " needs " + key);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String kind() {
        return "membership-inference";
    }

    @Override
    public String name() {
        return name;
    }

    /** Runs the attack on {@code data} (or on the members and non-members datasets); {@code model} is not used. */
    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        List<Double> scores = new ArrayList<>();
        List<Boolean> isMember = new ArrayList<>();
        if (members != null) {
            collect(members, true, scores, isMember);
            collect(nonMembers, false, scores, isMember);
        } else {
            if (data == null) {
                throw new DataException("membership-inference needs data with a '" + memberColumn + "' column");
            }
            collect(data, null, scores, isMember);
        }
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] m = new boolean[isMember.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = isMember.get(i);
        }
        MembershipMetrics mm = new MembershipMetrics(s, m);
        if (mm.members() == 0 || mm.nonMembers() == 0) {
            throw new DataException("membership-inference needs both members and non-members; found "
                    + mm.members() + " members and " + mm.nonMembers() + " non-members");
        }
        long seed = context != null ? context.seed() : 0;
        double[] v = mm.compute();
        double[][] ci = mm.bootstrap(bootstrap, confidence, seed ^ Stats.hash(name));
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Interval> cis = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            metrics.put(MembershipMetrics.NAMES[i], v[i]);
            cis.put(MembershipMetrics.NAMES[i], new Interval(Math.min(ci[i][0], v[i]), Math.max(ci[i][1], v[i])));
        }
        int primary = 0;
        for (int i = 0; i < max.length; i++) {
            if (max[i] != null) {
                primary = i;
                break;
            }
        }
        Map<String, String> group = new LinkedHashMap<>();
        group.put("attack", attack);
        CheckResult.Builder r = CheckResult.builder(kind(), name).metric(MembershipMetrics.NAMES[primary])
                .value(v[primary]).ci(cis.get(MembershipMetrics.NAMES[primary])).confidence(confidence)
                .decision(decision).n(s.length).seed(seed)
                .group(new GroupResult(group, s.length, metrics, cis, null));
        if (max[primary] != null) {
            r.threshold(Threshold.atMost(max[primary]));
        }
        List<String> failing = new ArrayList<>();
        for (int i = 0; i < max.length; i++) {
            if (max[i] == null) {
                continue;
            }
            Interval c = cis.get(MembershipMetrics.NAMES[i]);
            if (Threshold.atMost(max[i]).judge(v[i], c, decision) == Verdict.FAIL) {
                failing.add(LABELS[i] + " " + Fmt.num(v[i]) + " " + c + ", expected at most " + Fmt.num(max[i]));
            }
        }
        String summary = String.format(Locale.ROOT, "%d members, %d non-members; AUC %s %s, advantage %s %s,"
                + " TPR at 1%% FPR %s %s, TPR at 0.1%% FPR %s %s", mm.members(), mm.nonMembers(), Fmt.num(v[0]),
                cis.get("auc"), Fmt.num(v[1]), cis.get("advantage"), Fmt.num(v[2]), cis.get("tpr_at_fpr_1pct"),
                Fmt.num(v[3]), cis.get("tpr_at_fpr_0_1pct"));
        if (!failing.isEmpty()) {
            return r.verdict(Verdict.FAIL).message("Expecting the " + attack + " membership-inference attack to"
                    + " fail but " + String.join("; ", failing) + " (decision: " + decision.json() + "); "
                    + summary).build();
        }
        return r.verdict(Verdict.PASS).message(summary).build();
    }

    private void collect(Dataset d, Boolean fixed, List<Double> scores, List<Boolean> isMember) {
        Column memberCol = fixed == null ? d.column(memberColumn) : null;
        Column main = d.column(scoreColumn != null && attack.equals("score") ? scoreColumn : lossColumn);
        Column ref = attack.equals("calibrated") ? d.column(referenceColumn) : null;
        for (int row = 0; row < d.rows(); row++) {
            boolean member;
            if (fixed != null) {
                member = fixed;
            } else {
                if (memberCol.isMissing(row)) {
                    throw new DataException(d.locate(row) + ": missing value in '" + memberColumn + "'");
                }
                String t = memberCol.stringValue(row).trim().toLowerCase(Locale.ROOT);
                if (t.equals("1") || t.equals("1.0") || t.equals("true") || t.equals("member") || t.equals("yes")) {
                    member = true;
                } else if (t.equals("0") || t.equals("0.0") || t.equals("false") || t.equals("non-member")
                        || t.equals("no")) {
                    member = false;
                } else {
                    throw new DataException(d.locate(row) + ": '" + memberColumn + "' must be 1/0 or true/false,"
                            + " was '" + memberCol.stringValue(row) + "'");
                }
            }
            double v = value(d, main, row);
            double score;
            switch (attack) {
                case "score":
                    score = v;
                    break;
                case "calibrated":
                    score = -(v - value(d, ref, row));
                    break;
                default:
                    score = -v;
            }
            scores.add(score);
            isMember.add(member);
        }
    }

    private static double value(Dataset d, Column c, int row) {
        if (!c.isNumeric()) {
            throw new DataException(d.source() + ": column '" + c.name() + "' must be numeric");
        }
        if (c.isMissing(row) || !Double.isFinite(c.doubleValue(row))) {
            throw new DataException(d.locate(row) + ": '" + c.name() + "' is missing or not finite");
        }
        return c.doubleValue(row);
    }

    /** Builds a {@link MembershipInferenceCheck}; method names mirror the scenario keys. */
    public static final class Builder {
        private String name;
        private String attack = "loss-threshold";
        private String memberColumn = "member";
        private String lossColumn;
        private String scoreColumn;
        private String referenceColumn;
        private final Double[] max = new Double[4];
        private Decision decision = Decision.POINT;
        private double confidence = 0.95;
        private int bootstrap = 1000;
        private Dataset members;
        private Dataset nonMembers;

        private Builder() {
        }

        public Builder name(String name) { this.name = name; return this; }
        /** {@code attack}: loss-threshold (default), calibrated, or score. */
        public Builder attack(String attack) { this.attack = attack.trim().toLowerCase(Locale.ROOT); return this; }
        public Builder memberColumn(String column) { this.memberColumn = column; return this; }
        public Builder lossColumn(String column) { this.lossColumn = column; return this; }
        /** {@code score-column}: higher means member; implies {@code attack: score} unless set otherwise. */
        public Builder scoreColumn(String column) {
            this.scoreColumn = column;
            if (lossColumn == null) {
                this.attack = "score";
            }
            return this;
        }
        public Builder referenceColumn(String column) { this.referenceColumn = column; return this; }
        public Builder maxAuc(double v) { max[0] = v; return this; }
        public Builder maxAdvantage(double v) { max[1] = v; return this; }
        public Builder maxTprAt1PctFpr(double v) { max[2] = v; return this; }
        public Builder maxTprAt01PctFpr(double v) { max[3] = v; return this; }
        public Builder decision(Decision decision) { this.decision = decision; return this; }
        public Builder confidence(double confidence) { this.confidence = confidence; return this; }
        public Builder bootstrap(int resamples) { this.bootstrap = resamples; return this; }
        /** Rows known to be in the training set (Java front end). */
        public Builder members(Dataset members) { this.members = members; return this; }
        /** Rows known not to be in the training set (Java front end). */
        public Builder nonMembers(Dataset nonMembers) { this.nonMembers = nonMembers; return this; }

        public MembershipInferenceCheck build() {
            return new MembershipInferenceCheck(this);
        }
    }
}

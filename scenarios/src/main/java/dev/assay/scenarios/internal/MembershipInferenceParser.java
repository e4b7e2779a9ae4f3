package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.Decision;
import dev.assay.core.privacy.MembershipInferenceCheck;
import java.util.List;

/**
 * {@code membership-inference: {...}}: keys of {@link MembershipInferenceCheck.Builder}, see
 * {@code dev.assay.core.privacy}'s package-info.
 */
final class MembershipInferenceParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("attack", "member-column", "loss-column", "score-column",
            "reference-column", "max-auc", "max-advantage", "max-tpr-at-1pct-fpr", "max-tpr-at-0.1pct-fpr",
            "decision", "confidence", "bootstrap");
    static final List<String> ATTACKS = List.of("loss-threshold", "calibrated", "score");
    static final List<String> MAXIMA = List.of("max-auc", "max-advantage", "max-tpr-at-1pct-fpr",
            "max-tpr-at-0.1pct-fpr");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        MembershipInferenceCheck.Builder b = MembershipInferenceCheck.builder().name(name);
        String member = ParseHelp.column(f, ctx, "member-column", "member");
        if (member != null) {
            b.memberColumn(member);
        } else if (!f.has("member-column") && ctx.data() != null && !ctx.data().hasColumn("member")) {
            problems.at(f.node(), f.path("member-column") + ": the data has no column 'member' (the default);"
                    + " name the column that marks training rows (1/0 or true/false)");
        }
        String loss = ParseHelp.column(f, ctx, "loss-column", "loss");
        if (loss != null) {
            b.lossColumn(loss);
        }
        String score = ParseHelp.column(f, ctx, "score-column", "score");
        if (score != null) {
            b.scoreColumn(score);
        }
        String reference = ParseHelp.column(f, ctx, "reference-column", "reference");
        if (reference != null) {
            b.referenceColumn(reference);
        }
        // after score-column, which switches the attack to score unless a loss column is set
        String attack = f.oneOf("attack", ATTACKS, false);
        if (attack != null) {
            b.attack(attack);
        }
        Double[] max = new Double[MAXIMA.size()];
        for (int i = 0; i < max.length; i++) {
            max[i] = ParseHelp.unit(f, MAXIMA.get(i));
        }
        if (MAXIMA.stream().noneMatch(f::has)) {
            f.missing("max-auc", "or another maximum (" + String.join(", ", MAXIMA.subList(1, MAXIMA.size()))
                    + "): a membership-inference check needs a threshold");
        }
        if (max[0] != null) {
            b.maxAuc(max[0]);
        }
        if (max[1] != null) {
            b.maxAdvantage(max[1]);
        }
        if (max[2] != null) {
            b.maxTprAt1PctFpr(max[2]);
        }
        if (max[3] != null) {
            b.maxTprAt01PctFpr(max[3]);
        }
        Decision decision = ParseHelp.decision(f);
        if (decision != null) {
            b.decision(decision);
        }
        Double confidence = ParseHelp.openUnit(f, "confidence");
        if (confidence != null) {
            b.confidence(confidence);
        }
        Integer bootstrap = f.integer("bootstrap", 100);
        if (bootstrap != null) {
            b.bootstrap(bootstrap);
        }
        if (problems.size() > before) {
            return null;
        }
        return ParseHelp.build(f, KEYS, b::build);
    }
}

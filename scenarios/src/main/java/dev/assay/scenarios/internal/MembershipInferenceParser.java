package dev.assay.scenarios.internal;

import dev.assay.core.Check;
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
        ParseHelp.columnOrDefault(f, ctx, "member-column", "member", "that marks training rows (1/0 or true/false)",
                b::memberColumn);
        ParseHelp.ifSet(ParseHelp.column(f, ctx, "loss-column", "loss"), b::lossColumn);
        ParseHelp.ifSet(ParseHelp.column(f, ctx, "score-column", "score"), b::scoreColumn);
        ParseHelp.ifSet(ParseHelp.column(f, ctx, "reference-column", "reference"), b::referenceColumn);
        // after score-column, which switches the attack to score unless a loss column is set
        ParseHelp.ifSet(f.oneOf("attack", ATTACKS, false), b::attack);
        Double[] max = new Double[MAXIMA.size()];
        for (int i = 0; i < max.length; i++) {
            max[i] = ParseHelp.unit(f, MAXIMA.get(i));
        }
        if (MAXIMA.stream().noneMatch(f::has)) {
            f.missing("max-auc", "or another maximum (" + String.join(", ", MAXIMA.subList(1, MAXIMA.size()))
                    + "): a membership-inference check needs a threshold");
        }
        ParseHelp.ifSet(max[0], b::maxAuc);
        ParseHelp.ifSet(max[1], b::maxAdvantage);
        ParseHelp.ifSet(max[2], b::maxTprAt1PctFpr);
        ParseHelp.ifSet(max[3], b::maxTprAt01PctFpr);
        ParseHelp.ifSet(ParseHelp.decision(f), b::decision);
        ParseHelp.ifSet(ParseHelp.openUnit(f, "confidence"), b::confidence);
        ParseHelp.ifSet(f.integer("bootstrap", 100), b::bootstrap);
        if (problems.size() > before) {
            return null;
        }
        return ParseHelp.build(f, KEYS, b::build);
    }
}

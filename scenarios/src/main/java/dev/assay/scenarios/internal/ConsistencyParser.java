package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.robustness.Consistency;
import java.util.List;

/**
 * {@code consistency: {repeats, batch-vs-single, min-similarity, tolerance, sample, max-inconsistency-rate, decision,
 * confidence, examples}}.
 */
final class ConsistencyParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("repeats", "batch-vs-single", "min-similarity", "tolerance", "sample",
            "max-inconsistency-rate", "decision", "confidence", "examples");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        Consistency.Builder b = Consistency.check().named(name);
        Boolean batch = f.bool("batch-vs-single");
        if (batch != null) {
            b.batchVsSingle(batch);
        }
        Integer repeats = f.integer("repeats", 1);
        if (repeats != null) {
            if (repeats < 2 && !Boolean.TRUE.equals(batch)) {
                problems.at(f.get("repeats"), f.path("repeats") + ": expected at least 2 (or 1 with"
                        + " batch-vs-single: true), found " + repeats);
            } else {
                b.repeats(repeats);
            }
        } else if (Boolean.TRUE.equals(batch) && !f.has("repeats")) {
            b.repeats(1);
        }
        Double sim = RobustnessKeys.rate(f, "min-similarity", false);
        if (sim != null) {
            b.minSimilarity(sim);
        }
        b.tolerance(RobustnessKeys.nonNegative(f, "tolerance"));
        Double max = RobustnessKeys.rate(f, "max-inconsistency-rate", false);
        if (max != null) {
            b.maxInconsistencyRate(max);
        }
        RobustnessKeys.common(f, b::sample, d -> b.decision(d), b::confidence, b::examples);
        return problems.size() != before ? null : b.build();
    }
}

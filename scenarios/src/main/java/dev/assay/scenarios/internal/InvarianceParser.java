package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.Decision;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Invariance;
import dev.assay.core.robustness.Perturbation;
import java.util.List;

/**
 * {@code invariance: {perturb, constraints, max-flip-rate, tolerance, min-similarity, sample, decision, confidence,
 * examples, cases-from}}; {@code perturb} may be left out when {@code cases-from} replays stored pairs.
 */
final class InvarianceParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("perturb", "constraints", "max-flip-rate", "tolerance",
            "min-similarity", "sample", "decision", "confidence", "examples", "cases-from");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        Invariance.Builder b = Invariance.check().named(name);
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        ExpectCasesParser.casesFrom(f, ctx, files::add);
        files.forEach(b::casesFrom);
        boolean replayOnly = f.has("cases-from") && !f.has("perturb");
        Perturbation p = replayOnly ? null : PerturbParser.perturbation(f, ctx);
        Constraints c = replayOnly ? Constraints.none() : PerturbParser.constraints(f, ctx, p);
        Double max = RobustnessKeys.rate(f, "max-flip-rate", true);
        if (max != null) {
            b.maxFlipRate(max);
        }
        Double tolerance = RobustnessKeys.nonNegative(f, "tolerance");
        b.tolerance(tolerance);
        Double minSimilarity = RobustnessKeys.rate(f, "min-similarity", false);
        if (minSimilarity != null) {
            b.minSimilarity(minSimilarity);
        }
        RobustnessKeys.common(f, b::sample, d -> b.decision(d), b::confidence, b::examples);
        if (problems.size() != before || (p == null && !replayOnly) || c == null) {
            return null;
        }
        if (p != null) {
            b.perturb(p);
        }
        return b.constraints(c).build();
    }
}

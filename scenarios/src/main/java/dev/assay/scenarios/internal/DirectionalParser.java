package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Directional;
import dev.assay.core.robustness.Perturbation;
import java.util.List;

/**
 * {@code directional: {perturb, constraints, expect, output, positive, max-violation-rate, tolerance, sample,
 * decision, confidence, examples}}.
 */
final class DirectionalParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("perturb", "constraints", "expect", "output", "positive",
            "max-violation-rate", "tolerance", "sample", "decision", "confidence", "examples");
    static final List<String> EXPECT = List.of("non-decreasing", "non-increasing");
    static final List<String> OUTPUT = List.of("score", "decision");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        Directional.Builder b = Directional.check().named(name);
        Perturbation p = PerturbParser.perturbation(f, ctx);
        Constraints c = PerturbParser.constraints(f, ctx, p);
        String expect = f.oneOf("expect", EXPECT, true);
        if (expect != null) {
            b.expect(Directional.Expect.parse(expect));
        }
        String output = f.oneOf("output", OUTPUT, false);
        if (output != null) {
            b.output(output.equals("score") ? Directional.Output.SCORE : Directional.Output.DECISION);
        }
        String positive = f.string("positive", false);
        if (positive != null) {
            b.positive(positive);
        } else if ("decision".equals(output) && ctx.data() != null && ctx.positive() == null) {
            problems.at(f.get("output"), f.path("output") + ": a directional check on the decision needs the"
                    + " positive label; set 'data.positive' or 'positive' here");
        }
        Double max = RobustnessKeys.rate(f, "max-violation-rate", true);
        if (max != null) {
            b.maxViolationRate(max);
        }
        Double tolerance = RobustnessKeys.nonNegative(f, "tolerance");
        if (tolerance != null) {
            b.tolerance(tolerance);
        }
        RobustnessKeys.common(f, b::sample, d -> b.decision(d), b::confidence, b::examples);
        if (problems.size() != before || p == null || c == null) {
            return null;
        }
        return b.perturb(p).constraints(c).build();
    }
}

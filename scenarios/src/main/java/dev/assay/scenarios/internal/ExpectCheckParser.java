package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.robustness.Expect;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code expect: {cases, label-column, cases-from, prompt-column, samples, min-pass, max-failure-rate, decision,
 * confidence, examples}}: minimum-functionality cases (not to be confused with {@code expect-data} and
 * {@code expect-output}, the data expectations).
 */
final class ExpectCheckParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("cases", "label-column", "cases-from", "prompt-column", "samples",
            "min-pass", "max-failure-rate", "decision", "confidence", "examples");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        Expect.Builder b = Expect.check().named(name);
        List<Expect.Case> cases = ExpectCasesParser.cases(f, "cases");
        if (cases != null) {
            b.cases(cases);
        }
        String labelColumn = f.string("label-column", false);
        if (labelColumn != null && ctx.requireColumn(f.get("label-column"), f.path("label-column"), "label")) {
            b.labelColumn(labelColumn);
        }
        List<java.nio.file.Path> files = new ArrayList<>();
        ExpectCasesParser.casesFrom(f, ctx, files::add);
        files.forEach(b::casesFrom);
        String promptColumn = f.string("prompt-column", false);
        if (promptColumn != null) {
            b.promptColumn(promptColumn);
        }
        Integer samples = f.integer("samples", 1);
        if (samples != null) {
            b.samples(samples);
        }
        Integer minPass = f.integer("min-pass", 1);
        if (minPass != null) {
            int n = samples == null ? 1 : samples;
            if (minPass > n) {
                problems.at(f.get("min-pass"), f.path("min-pass") + ": " + minPass + " is more than samples (" + n
                        + ")");
            } else {
                b.minPass(minPass);
            }
        }
        Double max = RobustnessKeys.rate(f, "max-failure-rate", false);
        if (max != null) {
            b.maxFailureRate(max);
        }
        RobustnessKeys.common(f, rows -> { }, d -> b.decision(d), b::confidence, b::examples); // sample: unknown
        if (problems.size() == before && cases != null && cases.isEmpty() && labelColumn == null
                && !f.has("cases-from")) {
            problems.at(f.node(), "an expect check needs cases, label-column or cases-from");
        }
        if (problems.size() != before) {
            return null;
        }
        return b.build();
    }
}

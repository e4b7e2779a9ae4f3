package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.Decision;
import dev.assay.core.privacy.CanaryCheck;
import java.util.List;

/**
 * {@code canary: {...}}: keys of {@link CanaryCheck.Builder}: memorisation of secrets by a text model, the canaries
 * being the data's prefix and secret columns.
 */
final class CanaryParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("prefix-column", "secret-column", "samples", "min-similarity", "judge",
            "max-extraction-rate", "decision", "confidence", "exposure-candidates", "max-exposure");
    static final List<String> JUDGES = List.of("fuzzy", "exact");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        CanaryCheck.Builder b = CanaryCheck.builder().name(name);
        String prefix = ParseHelp.column(f, ctx, "prefix-column", "prefix");
        if (prefix != null) {
            b.prefixColumn(prefix);
        } else if (!f.has("prefix-column") && ctx.data() != null && !ctx.data().hasColumn("prefix")) {
            problems.at(f.node(), f.path("prefix-column") + ": the data has no column 'prefix' (the default); name"
                    + " the column with the text that preceded each secret");
        }
        String secret = ParseHelp.column(f, ctx, "secret-column", "secret");
        if (secret != null) {
            b.secretColumn(secret);
        } else if (!f.has("secret-column") && ctx.data() != null && !ctx.data().hasColumn("secret")) {
            problems.at(f.node(), f.path("secret-column") + ": the data has no column 'secret' (the default); name"
                    + " the column with each canary's secret");
        }
        Integer samples = f.integer("samples", 1);
        if (samples != null) {
            b.samples(samples);
        }
        Double similarity = f.number("min-similarity"); // (0, 1], checked by the builder
        if (similarity != null) {
            b.minSimilarity(similarity);
        }
        String judge = f.oneOf("judge", JUDGES, false);
        if (judge != null) {
            b.judge(judge);
        }
        Double max = ParseHelp.unit(f, "max-extraction-rate");
        if (max != null) {
            b.maxExtractionRate(max);
        } else if (!f.has("max-extraction-rate")) {
            f.missing("max-extraction-rate", "the largest acceptable share of extracted canaries, such as 0");
        }
        Decision decision = ParseHelp.decision(f);
        if (decision != null) {
            b.decision(decision);
        }
        Double confidence = ParseHelp.openUnit(f, "confidence");
        if (confidence != null) {
            b.confidence(confidence);
        }
        Integer candidates = f.integer("exposure-candidates", 3);
        if (candidates != null) {
            b.exposureCandidates(candidates);
        }
        Double maxExposure = f.number("max-exposure");
        if (maxExposure != null) {
            b.maxExposure(maxExposure);
        }
        if (problems.size() > before) {
            return null;
        }
        return ParseHelp.build(f, KEYS, b::build);
    }
}

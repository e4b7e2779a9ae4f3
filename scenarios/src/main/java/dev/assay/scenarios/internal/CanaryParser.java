package dev.assay.scenarios.internal;

import dev.assay.core.Check;
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
        ParseHelp.columnOrDefault(f, ctx, "prefix-column", "prefix", "with the text that preceded each secret",
                b::prefixColumn);
        ParseHelp.columnOrDefault(f, ctx, "secret-column", "secret", "with each canary's secret", b::secretColumn);
        ParseHelp.ifSet(f.integer("samples", 1), b::samples);
        ParseHelp.ifSet(f.number("min-similarity"), b::minSimilarity); // (0, 1], checked by the builder
        ParseHelp.ifSet(f.oneOf("judge", JUDGES, false), b::judge);
        Double max = ParseHelp.unit(f, "max-extraction-rate");
        if (max != null) {
            b.maxExtractionRate(max);
        } else if (!f.has("max-extraction-rate")) {
            f.missing("max-extraction-rate", "the largest acceptable share of extracted canaries, such as 0");
        }
        ParseHelp.ifSet(ParseHelp.decision(f), b::decision);
        ParseHelp.ifSet(ParseHelp.openUnit(f, "confidence"), b::confidence);
        ParseHelp.ifSet(f.integer("exposure-candidates", 3), b::exposureCandidates);
        ParseHelp.ifSet(f.number("max-exposure"), b::maxExposure);
        if (problems.size() > before) {
            return null;
        }
        return ParseHelp.build(f, KEYS, b::build);
    }
}

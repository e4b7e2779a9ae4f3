package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.privacy.PrivacyBudgetCheck;
import java.util.List;

/**
 * {@code privacy-budget: {...}}: keys of {@link PrivacyBudgetCheck.Builder}, see {@code dev.assay.core.privacy}'s
 * package-info.
 */
final class PrivacyBudgetParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("accountant", "noise-multiplier", "sampling-rate", "batch-size",
            "dataset-size", "steps", "epochs", "delta", "max-epsilon", "value-discretization-interval");
    static final List<String> ACCOUNTANTS = List.of("rdp", "zcdp", "pld", "basic", "advanced", "best");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        PrivacyBudgetCheck.Builder b = PrivacyBudgetCheck.builder().name(name);
        Node given = f.get("accountant");
        String accountant = given != null && given.isScalar() && "prv".equals(given.text())
                ? "prv" // not offered: the core's refusal explains why, at the key
                : f.oneOf("accountant", ACCOUNTANTS, false);
        if (accountant != null) {
            ParseHelp.apply(f, "accountant", () -> b.accountant(accountant));
        }
        ParseHelp.ifSet(ParseHelp.positive(f, "value-discretization-interval"), b::valueDiscretizationInterval);
        Double sigma = f.number("noise-multiplier");
        if (sigma != null) {
            b.noiseMultiplier(sigma);
        } else if (!f.has("noise-multiplier")) {
            f.missing("noise-multiplier", "the DP-SGD noise standard deviation over the clipping norm");
        }
        ParseHelp.ifSet(ParseHelp.unit(f, "sampling-rate"), b::samplingRate);
        ParseHelp.ifSet(f.integer("batch-size"), b::batchSize);
        Long size = f.integer("dataset-size");
        if (size != null) {
            b.datasetSize(size);
        }
        ParseHelp.ifSet(f.integer("steps"), b::steps);
        ParseHelp.ifSet(f.number("epochs"), b::epochs);
        Double delta = f.number("delta");
        if (delta != null) {
            b.delta(delta);
        } else if (!f.has("delta")) {
            f.missing("delta", "the target delta, such as 1e-5");
        }
        Double maxEpsilon = f.number("max-epsilon");
        if (maxEpsilon != null) {
            b.maxEpsilon(maxEpsilon);
        } else if (!f.has("max-epsilon")) {
            f.missing("max-epsilon", "the budget the configuration must stay within");
        }
        if (problems.size() > before) {
            return null;
        }
        return ParseHelp.build(f, KEYS, b::build);
    }
}

package dev.assay.scenarios.internal;

import dev.assay.core.AssaySettings;
import dev.assay.core.Check;
import dev.assay.core.Model;
import dev.assay.core.compare.Compare;
import java.util.List;
import java.util.function.Function;

/**
 * {@code compare: {...}}: keys of {@link Compare.Builder}, see {@code dev.assay.core.compare}'s package-info. The
 * scenario's model is the candidate; {@code baseline} has the shape of {@code model:} (paths relative to the
 * scenario file; an {@code http} baseline ignores {@code assay.model.url}).
 */
final class CompareParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("baseline", "metric", "margin", "confidence", "decision", "bootstrap",
            "max-disagreement", "examples", "label", "positive", "by");
    static final List<String> METRICS = List.of("accuracy", "precision", "recall", "f1");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        Compare.Builder b = Compare.check().named(name);
        Node baseline = f.map("baseline", true);
        if (baseline != null) {
            Function<AssaySettings, Model> factory = ctx.loadModel(baseline, f.path("baseline"));
            if (factory != null) {
                b.baseline(ParseHelp.lazy(factory));
            }
        }
        ParseHelp.ifSet(f.oneOf("metric", METRICS, false), b::metric);
        Double margin = f.number("margin");
        if (margin != null) {
            if (margin < 0) {
                problems.at(f.get("margin"), f.path("margin") + ": expected 0 or more, found " + margin);
            } else {
                b.margin(margin);
            }
        }
        ParseHelp.ifSet(ParseHelp.openUnit(f, "confidence"), b::confidence);
        ParseHelp.ifSet(ParseHelp.decision(f), b::decision);
        ParseHelp.ifSet(f.integer("bootstrap", 1), b::bootstrap);
        ParseHelp.ifSet(ParseHelp.unit(f, "max-disagreement"), b::maxDisagreement);
        ParseHelp.ifSet(f.integer("examples", 0), b::examples);
        String label = ParseHelp.column(f, ctx, "label", "label");
        if (label != null) {
            b.label(label);
        } else if (!f.has("label") && ctx.data() != null && !ctx.hasLabel()) {
            problems.at(f.node(), f.path("label") + ": a compare check needs a label column;"
                    + " set 'data.label' or 'label' here");
        }
        ParseHelp.ifSet(f.string("positive", false), b::positive);
        List<String> by = ParseHelp.columns(f, ctx, "by", "group");
        if (by != null) {
            b.by(by.toArray(String[]::new));
        }
        if (problems.size() > before) {
            return null;
        }
        return ParseHelp.build(f, KEYS, b::build);
    }
}

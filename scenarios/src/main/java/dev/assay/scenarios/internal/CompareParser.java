package dev.assay.scenarios.internal;

import dev.assay.core.AssaySettings;
import dev.assay.core.Check;
import dev.assay.core.Decision;
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
        String metric = f.oneOf("metric", METRICS, false);
        if (metric != null) {
            b.metric(metric);
        }
        Double margin = f.number("margin");
        if (margin != null) {
            if (margin < 0) {
                problems.at(f.get("margin"), f.path("margin") + ": expected 0 or more, found " + margin);
            } else {
                b.margin(margin);
            }
        }
        Double confidence = ParseHelp.openUnit(f, "confidence");
        if (confidence != null) {
            b.confidence(confidence);
        }
        Decision decision = ParseHelp.decision(f);
        if (decision != null) {
            b.decision(decision);
        }
        Integer bootstrap = f.integer("bootstrap", 1);
        if (bootstrap != null) {
            b.bootstrap(bootstrap);
        }
        Double disagreement = ParseHelp.unit(f, "max-disagreement");
        if (disagreement != null) {
            b.maxDisagreement(disagreement);
        }
        Integer examples = f.integer("examples", 0);
        if (examples != null) {
            b.examples(examples);
        }
        String label = ParseHelp.column(f, ctx, "label", "label");
        if (label != null) {
            b.label(label);
        } else if (!f.has("label") && ctx.data() != null && !ctx.hasLabel()) {
            problems.at(f.node(), f.path("label") + ": a compare check needs a label column;"
                    + " set 'data.label' or 'label' here");
        }
        String positive = f.string("positive", false);
        if (positive != null) {
            b.positive(positive);
        }
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

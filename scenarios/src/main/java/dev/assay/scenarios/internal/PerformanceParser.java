package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.Decision;
import dev.assay.core.Performance;
import dev.assay.core.Threshold;
import java.util.ArrayList;
import java.util.List;

/** {@code performance: {metric, by, min, max, decision, confidence, min-group-size, bootstrap, label, positive}}. */
final class PerformanceParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("metric", "by", "min", "max", "decision", "confidence",
            "min-group-size", "bootstrap", "label", "positive");
    static final List<String> METRICS = List.of("accuracy", "precision", "recall", "f1");
    static final List<String> DECISIONS = List.of("point", "strict", "lenient");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        Performance.Builder b = Performance.check().named(name);
        ParseHelp.ifSet(f.oneOf("metric", METRICS, false), b::metric);
        List<Node> by = f.strings("by");
        if (by != null) {
            List<String> cols = new ArrayList<>();
            for (Node n : by) {
                ctx.requireColumn(n, f.path("by"), "group");
                cols.add(n.text());
            }
            b.by(cols);
        }
        Double min = f.number("min");
        Double max = f.number("max");
        if (!f.has("min") && !f.has("max")) {
            f.missing("min", "or 'max': a performance check needs a threshold");
        } else if (min != null && max != null) {
            if (min > max) {
                problems.at(f.get("min"), f.path("min") + ": " + min + " is greater than max " + max);
            } else {
                b.threshold(Threshold.between(min, max));
            }
        } else if (min != null) {
            b.atLeast(min);
        } else if (max != null) {
            b.atMost(max);
        }
        String decision = f.oneOf("decision", DECISIONS, false);
        if (decision != null) {
            b.decision(Decision.parse(decision));
        }
        Double confidence = f.number("confidence");
        if (confidence != null) {
            if (confidence > 0 && confidence < 1) {
                b.confidence(confidence);
            } else {
                problems.at(f.get("confidence"), f.path("confidence") + ": expected a number between 0 and 1"
                        + " (exclusive), found " + f.get("confidence").text());
            }
        }
        ParseHelp.ifSet(f.integer("min-group-size", 1), b::minGroupSize);
        ParseHelp.ifSet(f.integer("bootstrap", 1), b::bootstrap);
        String label = f.string("label", false);
        if (label != null) {
            ctx.requireColumn(f.get("label"), f.path("label"), "label");
            b.label(label);
        } else if (ctx.data() != null && !ctx.hasLabel()) {
            problems.at(f.node(), f.path("label") + ": a performance check needs a label column;"
                    + " set 'data.label' or 'label' here");
        }
        ParseHelp.ifSet(f.string("positive", false), b::positive);
        return problems.size() == before ? b.build() : null;
    }
}

package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.robustness.BoundarySearch;
import dev.assay.core.robustness.Constraints;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code boundary-search: {features, constraints, rows, radius, max-queries, max-flip-rate, min-median-distance,
 * decision, confidence}}; at least one of the two thresholds, and a radius with {@code max-flip-rate}.
 */
final class BoundarySearchParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("features", "constraints", "rows", "radius", "max-queries",
            "max-flip-rate", "min-median-distance", "decision", "confidence");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        BoundarySearch.Builder b = BoundarySearch.check().named(name);
        Constraints c = PerturbParser.constraints(f, ctx, null);
        List<Node> features = f.strings("features");
        if (features != null) {
            if (features.isEmpty()) {
                problems.at(f.get("features"), f.path("features") + ": expected at least one column");
            }
            List<String> names = new ArrayList<>();
            for (Node col : features) {
                if (ctx.requireColumn(col, f.path("features"), "feature")) {
                    if (c != null && c.isImmutable(col.text())) {
                        problems.at(col, f.path("features") + ": column '" + col.text() + "' is immutable, so the"
                                + " search may not change it");
                    }
                    names.add(col.text());
                }
            }
            b.features(names);
        }
        Integer rows = f.integer("rows", 1);
        if (rows != null) {
            b.rows(rows);
        }
        Integer queries = f.integer("max-queries", 1);
        if (queries != null) {
            b.maxQueries(queries);
        }
        Double radius = f.number("radius");
        if (radius != null) {
            if (radius > 0) {
                b.radius(radius);
            } else {
                problems.at(f.get("radius"), f.path("radius") + ": expected a positive number (standardised units),"
                        + " found " + f.get("radius").text());
            }
        }
        Double max = RobustnessKeys.rate(f, "max-flip-rate", false);
        if (max != null) {
            b.maxFlipRate(max);
            if (!f.has("radius")) {
                problems.at(f.get("max-flip-rate"), f.path("max-flip-rate") + ": needs 'radius', the distance"
                        + " within which a row counts as flipped");
            }
        }
        Double min = RobustnessKeys.nonNegative(f, "min-median-distance");
        if (min != null) {
            b.minMedianDistance(min);
        }
        if (!f.has("max-flip-rate") && !f.has("min-median-distance")) {
            f.missing("max-flip-rate", "or 'min-median-distance': the check needs a threshold");
        }
        RobustnessKeys.common(f, r -> { }, b::decision, b::confidence, e -> { });
        if (problems.size() != before || c == null) {
            return null;
        }
        return b.constraints(c).build();
    }
}

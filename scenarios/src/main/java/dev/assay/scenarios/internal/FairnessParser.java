package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.fairness.BaseMetric;
import dev.assay.core.fairness.Fairness;
import dev.assay.core.fairness.FairnessMetrics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code fairness: {...}}: keys of {@link Fairness.Builder}, see {@code dev.assay.core.fairness}'s package-info. */
final class FairnessParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("metric", "by", "min", "max", "method", "agg", "min-group-size",
            "small-groups", "confidence", "decision", "privileged", "unprivileged", "control-features", "missing",
            "bootstrap", "label", "positive", "score-column", "weights", "alpha", "loss", "features", "neighbors");
    static final List<String> METHODS = List.of("between_groups", "to_overall");
    static final List<String> AGGS = List.of("worst_case", "mean");
    static final List<String> SMALL_GROUPS = List.of("exclude", "fail");
    static final List<String> MISSING = List.of("error", "as-group");
    static final List<String> NAMED = named();
    static final List<String> BASES = bases();

    private static List<String> named() {
        List<String> out = new ArrayList<>();
        for (Field fd : FairnessMetrics.class.getFields()) {
            if (Modifier.isStatic(fd.getModifiers()) && fd.getType() == String.class) {
                try {
                    out.add((String) fd.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<String> bases() {
        List<String> out = new ArrayList<>();
        for (BaseMetric m : BaseMetric.values()) {
            out.add(m.id());
        }
        return List.copyOf(out);
    }

    private static List<String> allNames() {
        List<String> out = new ArrayList<>(NAMED);
        for (String b : BASES) {
            for (String s : List.of("_difference", "_ratio", "_group_min", "_group_max")) {
                out.add(b + s);
            }
        }
        return out;
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        Fairness.Builder b = Fairness.check().named(name);
        String metric = f.string("metric", true);
        if (metric != null) {
            try {
                b.metric(metric);
            } catch (IllegalArgumentException e) {
                problems.at(f.get("metric"), f.path("metric") + ": unknown fairness metric '" + metric + "'"
                        + Suggest.hint(metric, allNames()) + " (expected one of " + String.join(", ", NAMED)
                        + ", or <base>_difference, <base>_ratio, <base>_group_min, <base>_group_max of a base"
                        + " metric)");
            }
        }
        List<String> by = ParseHelp.columns(f, ctx, "by", "group");
        if (by != null) {
            b.by(by);
        } else if (!f.has("by") && ctx.data() != null && ctx.data().sensitive().isEmpty()) {
            problems.at(f.node(), f.path("by") + ": a fairness check needs group columns; set 'by' here or"
                    + " 'data.sensitive'");
        }
        Double min = f.number("min");
        Double max = f.number("max");
        if (!f.has("min") && !f.has("max")) {
            f.missing("min", "or 'max': a fairness check needs a threshold");
        } else if (min != null && max != null && min > max) {
            problems.at(f.get("min"), f.path("min") + ": " + min + " is greater than max " + max);
        } else {
            if (min != null) {
                b.min(min);
            }
            if (max != null) {
                b.max(max);
            }
        }
        ParseHelp.ifSet(f.oneOf("method", METHODS, false), b::method);
        ParseHelp.ifSet(f.oneOf("agg", AGGS, false), b::agg);
        ParseHelp.ifSet(f.integer("min-group-size", 0), b::minGroupSize);
        ParseHelp.ifSet(f.oneOf("small-groups", SMALL_GROUPS, false), b::smallGroups);
        ParseHelp.ifSet(ParseHelp.openUnit(f, "confidence"), b::confidence);
        ParseHelp.ifSet(ParseHelp.decision(f), b::decision);
        List<Map<String, String>> privileged = conditions(f, ctx, "privileged");
        if (privileged != null) {
            b.privileged(privileged);
        }
        List<Map<String, String>> unprivileged = conditions(f, ctx, "unprivileged");
        if (unprivileged != null) {
            if (privileged == null && !f.has("privileged")) {
                problems.at(f.key("unprivileged"), f.path("unprivileged") + ": needs 'privileged' too");
            }
            b.unprivileged(unprivileged);
        }
        ParseHelp.ifSet(ParseHelp.columns(f, ctx, "control-features", "control"), b::controlFeatures);
        ParseHelp.ifSet(f.oneOf("missing", MISSING, false), b::missing);
        ParseHelp.ifSet(f.integer("bootstrap", 0), b::bootstrap);
        ParseHelp.ifSet(ParseHelp.column(f, ctx, "label", "label"), b::label);
        ParseHelp.ifSet(f.string("positive", false), b::positive);
        ParseHelp.ifSet(ParseHelp.column(f, ctx, "score-column", "score"), b::scoreColumn);
        ParseHelp.ifSet(ParseHelp.column(f, ctx, "weights", "weights"), b::weights);
        ParseHelp.ifSet(f.number("alpha"), b::alpha);
        String loss = f.oneOf("loss", BASES, false);
        if (loss != null) {
            ParseHelp.apply(f, "loss", () -> b.loss(loss));
        }
        ParseHelp.ifSet(ParseHelp.columns(f, ctx, "features", "feature"), b::features);
        ParseHelp.ifSet(f.integer("neighbors", 1), b::neighbors);
        if (problems.size() > before) {
            return null;
        }
        return b.build();
    }

    /** {@code [{sex: Male}, {race: White, sex: Female}]} (ORed maps of ANDed column = value), or one map. */
    private static List<Map<String, String>> conditions(Fields f, ScenarioContext ctx, String key) {
        Node n = f.get(key);
        if (n == null) {
            return null;
        }
        List<Node> maps = n.isMap() ? List.of(n) : n.isList() ? n.items() : null;
        if (maps == null || maps.isEmpty()) {
            f.wrongType(key, n, "a list of maps of column to value, such as [{sex: Male}]");
            return null;
        }
        List<Map<String, String>> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < maps.size(); i++) {
            Node m = maps.get(i);
            String at = f.path(key) + (n.isList() ? "[" + i + "]" : "");
            if (!m.isMap() || m.entries().isEmpty()) {
                f.problems().at(m, at + ": expected a map of column to value, such as {sex: Male}, found "
                        + m.describe());
                ok = false;
                continue;
            }
            Map<String, String> cond = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node v = e.getValue();
                if (ctx.data() != null && !ctx.data().hasColumn(e.getKey())) {
                    ctx.requireColumn(Node.scalar(m.key(e.getKey()).line(), m.key(e.getKey()).column(),
                            e.getKey(), Node.Scalar.STRING, false), at, "group");
                    ok = false;
                } else if (!v.isScalar() || v.scalar() == Node.Scalar.NULL) {
                    f.problems().at(v, at + "." + e.getKey() + ": expected a value, found " + v.describe());
                    ok = false;
                } else {
                    cond.put(e.getKey(), v.text());
                }
            }
            out.add(cond);
        }
        return ok ? out : null;
    }
}

package dev.assay.scenarios.internal;

import dev.assay.core.Dataset;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.Perturbations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code perturb:} and {@code constraints:} keys shared by {@code invariance} and {@code directional}.
 *
 * <pre>
 * perturb: {swap: {column: sex}}                       # one perturbation
 * perturb: [{relative: {column: age, change: 0.1}}, {round: {column: age, step: 5}}]   # applied in order
 * constraints: {immutable: [sex], integer: [age], ranges: {age: {min: 17, max: 90}}}
 * </pre>
 */
final class PerturbParser {
    static final List<String> CONSTRAINT_KEYS = List.of("immutable", "integer", "ranges");

    private PerturbParser() {
    }

    static List<String> keysOf(String kind) {
        return switch (kind) {
            case "noise" -> List.of("column", "scale");
            case "relative" -> List.of("column", "change");
            case "round" -> List.of("column", "step");
            case "missing" -> List.of("column", "fraction");
            default -> List.of("column");
        };
    }

    /** The perturbation under {@code perturb}, or {@code null} after reporting. */
    static Perturbation perturbation(Fields f, ScenarioContext ctx) {
        Node n = f.get("perturb");
        if (n == null) {
            f.missing("perturb", "for example {swap: {column: sex}}");
            return null;
        }
        Problems problems = f.problems();
        if (n.isList()) {
            if (n.items().isEmpty()) {
                problems.at(n, f.path("perturb") + ": expected at least one perturbation");
                return null;
            }
            List<Perturbation> parts = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < n.items().size(); i++) {
                Perturbation p = one(n.items().get(i), f.path("perturb") + "[" + i + "]", problems, ctx);
                ok &= p != null;
                parts.add(p);
            }
            return ok ? Perturbations.chain(parts) : null;
        }
        return one(n, f.path("perturb"), problems, ctx);
    }

    private static Perturbation one(Node n, String path, Problems problems, ScenarioContext ctx) {
        if (!n.isMap() || n.entries().size() != 1) {
            problems.at(n, path + ": expected a map with one perturbation (one of "
                    + String.join(", ", Perturbations.NAMES) + "), found " + n.describe());
            return null;
        }
        Map.Entry<String, Node> e = n.entries().entrySet().iterator().next();
        String kind = e.getKey();
        if (!Perturbations.NAMES.contains(kind)) {
            problems.at(n.key(kind), path + ": unknown perturbation '" + kind + "'"
                    + Suggest.hint(kind, Perturbations.NAMES) + " (expected one of "
                    + String.join(", ", Perturbations.NAMES) + ")");
            return null;
        }
        Node body = e.getValue();
        String bodyPath = path + "." + kind;
        if (!body.isMap()) {
            problems.at(body, bodyPath + ": expected a map such as {column: ...}, found " + body.describe());
            return null;
        }
        int before = problems.size();
        Fields f = new Fields(body, bodyPath, problems, keysOf(kind));
        String column = f.string("column", true);
        if (column != null && ctx.requireColumn(f.get("column"), f.path("column"), "perturbed")) {
            Dataset data = ctx.data();
            if (data != null) {
                boolean numeric = data.column(column).isNumeric();
                boolean wantsNumeric = !kind.equals("swap") && !kind.equals("missing");
                if (kind.equals("swap") && numeric || wantsNumeric && !numeric) {
                    problems.at(f.get("column"), f.path("column") + ": " + kind + " needs a "
                            + (numeric ? "categorical" : "numeric") + " column, but '" + column + "' in "
                            + data.source() + " is " + (numeric ? "numeric" : "categorical"));
                }
            }
        }
        Double value = switch (kind) {
            case "noise" -> positive(f, "scale", true);
            case "relative" -> {
                Double change = f.number("change");
                if (change == null && !f.has("change")) {
                    f.missing("change", "for example 0.1 for +10%");
                } else if (change != null && (change == 0 || change <= -1)) {
                    problems.at(f.get("change"), f.path("change") + ": expected a non-zero change above -1"
                            + " (0.1 is +10%), found " + f.get("change").text());
                    change = null;
                }
                yield change;
            }
            case "round" -> f.has("step") ? positive(f, "step", true) : Double.valueOf(1);
            case "missing" -> {
                Double fraction = f.number("fraction");
                if (fraction != null && !(fraction > 0 && fraction <= 1)) {
                    problems.at(f.get("fraction"), f.path("fraction") + ": expected a number in (0, 1], found "
                            + f.get("fraction").text());
                }
                yield fraction == null ? Double.valueOf(1) : fraction;
            }
            default -> Double.valueOf(0);
        };
        if (problems.size() != before || column == null || value == null) {
            return null;
        }
        return switch (kind) {
            case "noise" -> Perturbations.noise(column, value);
            case "relative" -> Perturbations.relative(column, value);
            case "round" -> Perturbations.round(column, value);
            case "missing" -> Perturbations.missing(column, value);
            default -> Perturbations.swap(column);
        };
    }

    private static Double positive(Fields f, String key, boolean required) {
        Double v = f.number(key);
        if (v == null) {
            if (required && !f.has(key)) {
                f.missing(key, "");
            }
            return null;
        }
        if (!(v > 0)) {
            f.problems().at(f.get(key), f.path(key) + ": expected a positive number, found " + f.get(key).text());
            return null;
        }
        return v;
    }

    /** The constraints under {@code constraints}, {@link Constraints#none()} when absent, {@code null} after reporting. */
    static Constraints constraints(Fields outer, ScenarioContext ctx, Perturbation perturbation) {
        Node n = outer.map("constraints", false);
        if (n == null) {
            return outer.has("constraints") ? null : Constraints.none();
        }
        Problems problems = outer.problems();
        int before = problems.size();
        Fields f = new Fields(n, outer.path("constraints"), problems, CONSTRAINT_KEYS);
        Constraints c = Constraints.none();
        List<Node> immutable = f.strings("immutable");
        if (immutable != null) {
            for (Node col : immutable) {
                if (ctx.requireColumn(col, f.path("immutable"), "immutable")) {
                    if (perturbation != null && perturbation.columns().contains(col.text())) {
                        problems.at(col, f.path("immutable") + ": column '" + col.text() + "' is immutable, but the"
                                + " perturbation '" + perturbation.describe() + "' changes it");
                    }
                    c = c.immutable(col.text());
                }
            }
        }
        List<Node> integer = f.strings("integer");
        if (integer != null) {
            for (Node col : integer) {
                if (ctx.requireColumn(col, f.path("integer"), "integer")) {
                    c = c.integer(col.text());
                }
            }
        }
        Node ranges = f.map("ranges", false);
        if (ranges != null) {
            for (Map.Entry<String, Node> e : ranges.entries().entrySet()) {
                String col = e.getKey();
                String path = f.path("ranges") + "." + col;
                Dataset data = ctx.data();
                if (data != null && !data.hasColumn(col)) {
                    problems.at(ranges.key(col), path + ": unknown range column '" + col + "' in " + data.source()
                            + Suggest.hint(col, data.columnNames()));
                    continue;
                }
                if (!e.getValue().isMap()) {
                    problems.at(e.getValue(), path + ": expected {min: .., max: ..}, found " + e.getValue().describe());
                    continue;
                }
                Fields r = new Fields(e.getValue(), path, problems, List.of("min", "max"));
                Double min = r.number("min");
                Double max = r.number("max");
                double lo = min == null ? Double.NEGATIVE_INFINITY : min;
                double hi = max == null ? Double.POSITIVE_INFINITY : max;
                if (!r.has("min") && !r.has("max")) {
                    r.missing("min", "or 'max'");
                } else if (lo > hi) {
                    problems.at(e.getValue(), path + ": min " + lo + " is greater than max " + hi);
                } else {
                    c = c.range(col, lo, hi);
                }
            }
        }
        return problems.size() == before ? c : null;
    }
}

package dev.assay.scenarios.internal;

import dev.assay.core.Dataset;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.Perturbations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code perturb:} and {@code constraints:} keys shared by {@code invariance} and {@code directional}.
 *
 * <pre>
 * perturb: {swap: {column: sex}}                       # one perturbation
 * perturb: [{relative: {column: age, change: 0.1}}, {round: {column: age, step: 5}}]   # applied in order
 * perturb: [{typos: {column: question, kind: keyboard, per: word, rate: 0.2}}, {case: {column: question, mode: lower}}]
 * constraints: {immutable: [sex], integer: [age], ranges: {age: {min: 17, max: 90}}}
 * </pre>
 */
final class PerturbParser {
    static final List<String> CONSTRAINT_KEYS = List.of("immutable", "integer", "ranges");

    private PerturbParser() {
    }

    /** Kinds that change a numeric column. */
    static final List<String> NUMERIC = List.of("noise", "relative", "round", "boundary", "out-of-range");
    /** Kinds that change a categorical column; {@code missing} takes either. */
    static final List<String> CATEGORICAL = List.of("swap", "typos", "case", "punctuation", "whitespace",
            "contractions", "names", "locations", "numbers", "accents", "homoglyphs", "zero-width", "leetspeak",
            "base64", "rot13", "hex", "injection");
    static final List<String> SIDES = List.of("low", "high", "either");
    static final List<String> TYPOS = List.of("swap", "drop", "insert", "keyboard");
    static final List<String> PER = List.of("word", "char");
    static final List<String> CASES = List.of("upper", "lower", "title", "random");
    static final List<String> ADD_REMOVE = List.of("add", "remove");
    static final List<String> CONTRACTIONS = List.of("expand", "contract");
    /** The default {@code rate} of the text kinds that have one. */
    static final double DEFAULT_RATE = 0.1;

    static List<String> keysOf(String kind) {
        return switch (kind) {
            case "noise" -> List.of("column", "scale");
            case "relative", "numbers" -> List.of("column", "change");
            case "round" -> List.of("column", "step");
            case "missing" -> List.of("column", "fraction");
            case "boundary" -> List.of("column", "side", "min", "max");
            case "out-of-range" -> List.of("column", "side", "factor", "min", "max");
            case "typos" -> List.of("column", "kind", "per", "rate");
            case "case", "contractions" -> List.of("column", "mode");
            case "punctuation", "whitespace" -> List.of("column", "mode", "rate");
            case "homoglyphs", "zero-width", "leetspeak" -> List.of("column", "rate");
            case "base64", "rot13", "hex" -> List.of("column", "instruction");
            case "injection" -> List.of("column", "template");
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
                if (CATEGORICAL.contains(kind) && numeric || NUMERIC.contains(kind) && !numeric) {
                    boolean text = CATEGORICAL.contains(kind) && !kind.equals("swap");
                    problems.at(f.get("column"), f.path("column") + ": " + kind + " needs a "
                            + (numeric ? text ? "text" : "categorical" : "numeric") + " column, but '" + column
                            + "' in " + data.source() + " is " + (numeric ? "numeric" : "categorical"));
                }
            }
        }
        Supplier<Perturbation> make = switch (kind) {
            case "noise" -> {
                Double scale = positive(f, "scale", true);
                yield scale == null ? null : () -> Perturbations.noise(column, scale);
            }
            case "relative", "numbers" -> {
                Double change = f.number("change");
                if (change == null && !f.has("change")) {
                    f.missing("change", "for example 0.1 for +10%");
                } else if (change != null && (change == 0 || change <= -1)) {
                    problems.at(f.get("change"), f.path("change") + ": expected a non-zero change above -1"
                            + " (0.1 is +10%), found " + f.get("change").text());
                    change = null;
                }
                Double c = change;
                yield c == null ? null : kind.equals("relative") ? () -> Perturbations.relative(column, c)
                        : () -> Perturbations.replaceNumbers(column, c);
            }
            case "round" -> {
                Double step = f.has("step") ? positive(f, "step", true) : Double.valueOf(1);
                yield step == null ? null : () -> Perturbations.round(column, step);
            }
            case "missing" -> {
                Double fraction = f.number("fraction");
                if (fraction != null && !(fraction > 0 && fraction <= 1)) {
                    problems.at(f.get("fraction"), f.path("fraction") + ": expected a number in (0, 1], found "
                            + f.get("fraction").text());
                }
                double fr = fraction == null ? 1 : fraction;
                yield () -> Perturbations.missing(column, fr);
            }
            case "boundary", "out-of-range" -> bounds(kind, column, f);
            case "typos" -> {
                String k = f.oneOf("kind", TYPOS, true);
                String per = f.has("per") ? f.oneOf("per", PER, false) : "word";
                Double rate = rate(f);
                yield k == null || per == null || rate == null ? null : () -> Perturbations.typos(column,
                        Perturbations.Typo.valueOf(upper(k)), Perturbations.Unit.valueOf(upper(per)), rate);
            }
            case "case" -> {
                String mode = f.oneOf("mode", CASES, true);
                yield mode == null ? null
                        : () -> Perturbations.changeCase(column, Perturbations.Case.valueOf(upper(mode)));
            }
            case "punctuation", "whitespace" -> {
                String mode = f.oneOf("mode", ADD_REMOVE, true);
                if (kind.equals("punctuation") && "remove".equals(mode) && f.has("rate")) {
                    problems.at(f.key("rate"), f.path("rate") + ": punctuation 'remove' removes every mark and"
                            + " takes no rate");
                }
                Double rate = rate(f);
                boolean add = "add".equals(mode);
                yield mode == null || rate == null ? null : kind.equals("whitespace")
                        ? () -> add ? Perturbations.addWhitespace(column, rate)
                                : Perturbations.removeWhitespace(column, rate)
                        : () -> add ? Perturbations.addPunctuation(column, rate)
                                : Perturbations.removePunctuation(column);
            }
            case "contractions" -> {
                String mode = f.oneOf("mode", CONTRACTIONS, true);
                yield mode == null ? null : mode.equals("expand") ? () -> Perturbations.expandContractions(column)
                        : () -> Perturbations.contract(column);
            }
            case "names" -> () -> Perturbations.replaceNames(column);
            case "locations" -> () -> Perturbations.replaceLocations(column);
            case "accents" -> () -> Perturbations.removeAccents(column);
            case "homoglyphs", "zero-width", "leetspeak" -> {
                Double rate = rate(f);
                yield rate == null ? null : switch (kind) {
                    case "homoglyphs" -> () -> Perturbations.homoglyphs(column, rate);
                    case "zero-width" -> () -> Perturbations.zeroWidth(column, rate);
                    default -> () -> Perturbations.leetspeak(column, rate);
                };
            }
            case "base64", "rot13", "hex" -> {
                String instruction = f.has("instruction") ? f.string("instruction", false) : "";
                Perturbations.Encoding enc = Perturbations.Encoding.valueOf(upper(kind));
                yield instruction == null ? null : () -> Perturbations.encode(column, enc, instruction);
            }
            case "injection" -> {
                if (!f.has("template")) {
                    yield () -> Perturbations.injection(column);
                }
                String template = f.string("template", false);
                if (template != null && !template.contains("{text}")) {
                    problems.at(f.get("template"), f.path("template") + ": expected a template with a {text} slot"
                            + " for the original text, found " + f.get("template").describe());
                    template = null;
                }
                String t = template;
                yield t == null ? null : () -> Perturbations.injection(column, t);
            }
            default -> () -> Perturbations.swap(column);
        };
        if (problems.size() != before || column == null || make == null) {
            return null;
        }
        return make.get();
    }

    private static String upper(String s) {
        return s.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** {@code rate} in (0, 1], {@link #DEFAULT_RATE} when absent, {@code null} after reporting. */
    private static Double rate(Fields f) {
        if (!f.has("rate")) {
            return DEFAULT_RATE;
        }
        Double v = f.number("rate");
        if (v != null && !(v > 0 && v <= 1)) {
            f.problems().at(f.get("rate"), f.path("rate") + ": expected a rate in (0, 1], found " + f.get("rate").text());
            return null;
        }
        return v;
    }

    /** {@code boundary} and {@code out-of-range}: side, optional min and max (both or neither), factor. */
    private static Supplier<Perturbation> bounds(String kind, String column, Fields f) {
        Problems problems = f.problems();
        int before = problems.size();
        String side = f.has("side") ? f.oneOf("side", SIDES, false) : "either";
        Double factor = kind.equals("out-of-range") ? positive(f, "factor", true) : Double.valueOf(1);
        Double min = f.number("min");
        Double max = f.number("max");
        if (f.has("min") != f.has("max")) {
            problems.at(f.node(), f.path(f.has("min") ? "max" : "min") + ": give both min and max, or neither"
                    + " (then the column's " + (kind.equals("boundary") ? "range constraint or " : "")
                    + "observed smallest and largest values are the bounds)");
        } else if (min != null && max != null && (kind.equals("boundary") ? min > max : min >= max)) {
            problems.at(f.get("min"), f.path("min") + ": min " + f.get("min").text() + " is not "
                    + (kind.equals("boundary") ? "at most" : "below") + " max " + f.get("max").text());
        }
        if (problems.size() != before || side == null || factor == null) {
            return null;
        }
        Perturbations.Side s = Perturbations.Side.valueOf(upper(side));
        boolean given = min != null;
        if (kind.equals("boundary")) {
            return given ? () -> Perturbations.boundary(column, s, min, max) : () -> Perturbations.boundary(column, s);
        }
        return given ? () -> Perturbations.outOfRange(column, s, factor, min, max)
                : () -> Perturbations.outOfRange(column, s, factor);
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
                if (outOfRangeColumns(outer.get("perturb")).contains(col)) {
                    problems.at(ranges.key(col), path + ": column '" + col + "' has a range, but the out-of-range"
                            + " perturbation puts its values outside it (drop the range or perturb another column)");
                } else if (!r.has("min") && !r.has("max")) {
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

    /** The columns of the {@code out-of-range} perturbations under {@code perturb} (a map or a list of maps). */
    static List<String> outOfRangeColumns(Node perturb) {
        List<String> out = new ArrayList<>();
        if (perturb == null) {
            return out;
        }
        List<Node> items = perturb.isList() ? perturb.items() : List.of(perturb);
        for (Node item : items) {
            Node body = item.isMap() ? item.get("out-of-range") : null;
            Node column = body != null && body.isMap() ? body.get("column") : null;
            if (column != null && column.isScalar()) {
                out.add(column.text());
            }
        }
        return out;
    }
}

package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.data.ColumnExpectations;
import dev.assay.core.data.Expectations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code expect-data: {...}} and {@code expect-output: {...}}: keys of {@link Expectations.DataBuilder} /
 * {@link Expectations.OutputBuilder} and {@link ColumnExpectations}, see {@code dev.assay.core.data}'s package-info.
 */
final class ExpectParser implements CheckKinds.CheckParser {
    static final List<String> DATA_KEYS = List.of("rows", "columns");
    static final List<String> OUTPUT_KEYS = List.of("rows", "columns", "sum-to-one", "tolerance");
    static final List<String> COLUMN_KEYS = List.of("type", "not-null", "max-null-fraction", "unique", "in", "min",
            "max", "min-length", "max-length", "regex", "mean", "median", "quantiles", "probability");
    static final List<String> TYPES = List.of("numeric", "integer", "string");
    static final List<String> RANGE = List.of("min", "max");
    static final List<String> QUANTILE = List.of("q", "min", "max");
    static final List<String> OUTPUTS = List.of("prediction", "score");

    private final boolean output;

    ExpectParser(boolean output) {
        this.output = output;
    }

    @Override
    public List<String> keys() {
        return output ? OUTPUT_KEYS : DATA_KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        Expectations.Builder<?> b = output ? Expectations.output().named(name) : Expectations.data().named(name);
        Node rows = f.map("rows", false);
        if (rows != null) {
            Fields r = new Fields(rows, f.path("rows"), problems, RANGE);
            Integer min = r.integer("min", 0);
            Integer max = r.integer("max", 0);
            if (!r.has("min") && !r.has("max")) {
                r.missing("min", "or 'max'");
            } else if (min != null && max != null && min > max) {
                problems.at(r.get("min"), r.path("min") + ": " + min + " is greater than max " + max);
            }
            b.rows(min, max);
        }
        Node columns = f.get("columns");
        if (columns != null) {
            if (columns.isList()) {
                List<Node> names = f.strings("columns");
                if (names != null) {
                    for (Node n : names) {
                        if (!output) {
                            ctx.requireColumn(n, f.path("columns"), "expected");
                        } else {
                            requireOutput(n, f.path("columns"), ctx);
                        }
                        b.columns(n.text());
                    }
                }
            } else if (columns.isMap()) {
                for (Map.Entry<String, Node> e : columns.entries().entrySet()) {
                    String column = e.getKey();
                    String at = f.path("columns") + "." + column;
                    Node.Key k = columns.key(column);
                    Node keyNode = Node.scalar(k.line(), k.column(), column, Node.Scalar.STRING, false);
                    if (!output && !ctx.requireColumn(keyNode, f.path("columns"), "expected")) {
                        continue;
                    }
                    if (output && !requireOutput(keyNode, f.path("columns"), ctx)) {
                        continue;
                    }
                    Node body = e.getValue();
                    if (body.isScalar() && body.scalar() == Node.Scalar.NULL) {
                        b.columns(column);
                        continue;
                    }
                    if (!body.isMap()) {
                        problems.at(body, at + ": expected a map of expectations (" + String.join(", ", COLUMN_KEYS)
                                + "), found " + body.describe());
                        continue;
                    }
                    Consumer<ColumnExpectations> c = column(new Fields(body, at, problems, COLUMN_KEYS));
                    if (c != null) {
                        b.column(column, c);
                    }
                }
            } else {
                f.wrongType("columns", columns, "a map of column to expectations, or a list of column names");
            }
        } else if (!f.has("rows") && !f.has("sum-to-one")) {
            f.missing("columns", "or 'rows'" + (output ? " or 'sum-to-one'" : "") + ": nothing to expect");
        }
        if (output) {
            Expectations.OutputBuilder ob = (Expectations.OutputBuilder) b;
            Node sum = f.get("sum-to-one");
            if (sum != null) {
                List<Node> groups = sum.isList() && !sum.items().isEmpty() && sum.items().get(0).isList()
                        ? sum.items() : List.of(sum);
                for (Node g : groups) {
                    List<String> cols = new ArrayList<>();
                    List<Node> items = g.isList() ? g.items() : List.of();
                    for (Node item : items) {
                        if (!item.isScalar() || item.scalar() == Node.Scalar.NULL) {
                            problems.at(item, f.path("sum-to-one") + ": expected a column name, found "
                                    + item.describe());
                        } else if (ctx.requireColumn(item, f.path("sum-to-one"), "score")) {
                            cols.add(item.text());
                        }
                    }
                    if (!g.isList() || items.size() < 2) {
                        problems.at(g, f.path("sum-to-one") + ": expected a list of at least two score columns,"
                                + " found " + (g.isList() ? items.size() + " column" + (items.size() == 1 ? "" : "s")
                                : g.describe()));
                    } else if (cols.size() == items.size()) {
                        ob.sumToOne(cols.toArray(String[]::new));
                    }
                }
            }
            Double tolerance = f.number("tolerance");
            if (tolerance != null) {
                if (tolerance < 0) {
                    problems.at(f.get("tolerance"), f.path("tolerance") + ": expected 0 or more, found " + tolerance);
                } else {
                    ob.tolerance(tolerance);
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return ParseHelp.build(f, keys(), output ? ((Expectations.OutputBuilder) b)::build
                : ((Expectations.DataBuilder) b)::build);
    }

    /** {@code prediction}, {@code score} or a column of the data (precomputed outputs). */
    private static boolean requireOutput(Node at, String path, ScenarioContext ctx) {
        String c = at.text();
        if (OUTPUTS.contains(c) || ctx.data() == null || ctx.data().hasColumn(c)) {
            return true;
        }
        List<String> known = new ArrayList<>(OUTPUTS);
        known.addAll(ctx.data().columnNames());
        ctx.problems().at(at, path + ": unknown output column '" + c + "'" + Suggest.hint(c, known)
                + " (expected prediction, score or a column of " + ctx.data().source() + ": "
                + String.join(", ", ctx.data().columnNames()) + ")");
        return false;
    }

    /** The expectations of one column, checked now and applied when the builder asks. */
    private static Consumer<ColumnExpectations> column(Fields f) {
        Problems problems = f.problems();
        int before = problems.size();
        List<Consumer<ColumnExpectations>> steps = new ArrayList<>();
        String type = f.oneOf("type", TYPES, false);
        if (type != null) {
            steps.add(c -> c.type(type));
        }
        if (Boolean.TRUE.equals(f.bool("not-null"))) {
            steps.add(ColumnExpectations::notNull);
        }
        Double nullFraction = ParseHelp.unit(f, "max-null-fraction");
        if (nullFraction != null) {
            steps.add(c -> c.maxNullFraction(nullFraction));
        }
        if (Boolean.TRUE.equals(f.bool("unique"))) {
            steps.add(ColumnExpectations::unique);
        }
        List<Node> in = f.strings("in");
        if (in != null) {
            List<String> values = in.stream().map(Node::text).toList();
            steps.add(c -> c.in(values));
        }
        Double min = f.number("min");
        Double max = f.number("max");
        if (min != null && max != null && min > max) {
            problems.at(f.get("min"), f.path("min") + ": " + min + " is greater than max " + max);
        }
        if (min != null) {
            steps.add(c -> c.min(min));
        }
        if (max != null) {
            steps.add(c -> c.max(max));
        }
        Integer minLength = f.integer("min-length", 0);
        if (minLength != null) {
            steps.add(c -> c.minLength(minLength));
        }
        Integer maxLength = f.integer("max-length", 0);
        if (maxLength != null) {
            steps.add(c -> c.maxLength(maxLength));
        }
        String regex = f.string("regex", false);
        if (regex != null) {
            try {
                java.util.regex.Pattern.compile(regex);
                steps.add(c -> c.regex(regex));
            } catch (java.util.regex.PatternSyntaxException e) {
                problems.at(f.get("regex"), f.path("regex") + ": invalid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        Double[] mean = range(f, "mean");
        if (mean != null) {
            steps.add(c -> c.mean(mean[0], mean[1]));
        }
        Double[] median = range(f, "median");
        if (median != null) {
            steps.add(c -> c.median(median[0], median[1]));
        }
        Node qs = f.get("quantiles");
        if (qs != null) {
            if (!qs.isList()) {
                f.wrongType("quantiles", qs, "a list of {q, min, max}");
            } else {
                for (int i = 0; i < qs.items().size(); i++) {
                    Node q = qs.items().get(i);
                    String at = f.path("quantiles") + "[" + i + "]";
                    if (!q.isMap()) {
                        problems.at(q, at + ": expected a map {q, min, max}, found " + q.describe());
                        continue;
                    }
                    Fields qf = new Fields(q, at, problems, QUANTILE);
                    Double level = ParseHelp.unit(qf, "q");
                    if (!qf.has("q")) {
                        qf.missing("q", "the quantile level, between 0 and 1");
                    }
                    Double[] r = bounds(qf);
                    if (level != null && r != null) {
                        steps.add(c -> c.quantile(level, r[0], r[1]));
                    }
                }
            }
        }
        if (Boolean.TRUE.equals(f.bool("probability"))) {
            steps.add(ColumnExpectations::probability);
        }
        if (problems.size() > before) {
            return null;
        }
        return c -> steps.forEach(s -> s.accept(c));
    }

    private static Double[] range(Fields f, String key) {
        Node n = f.map(key, false);
        if (n == null) {
            return null;
        }
        return bounds(new Fields(n, f.path(key), f.problems(), RANGE));
    }

    private static Double[] bounds(Fields r) {
        Double min = r.number("min");
        Double max = r.number("max");
        if (!r.has("min") && !r.has("max")) {
            r.missing("min", "or 'max'");
            return null;
        }
        if (min != null && max != null && min > max) {
            r.problems().at(r.get("min"), r.path("min") + ": " + min + " is greater than max " + max);
            return null;
        }
        return new Double[] {min, max};
    }
}

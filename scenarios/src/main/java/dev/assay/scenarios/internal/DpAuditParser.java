package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.privacy.DpAuditCheck;
import java.util.ArrayList;
import java.util.List;

/** {@code dp-audit: {...}}: keys of {@link DpAuditCheck.Builder}, see {@code dev.assay.core.privacy}'s package-info. */
final class DpAuditParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("mechanism", "neighbours", "epsilon", "delta", "samples", "confidence",
            "output-support", "seed");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        DpAuditCheck.Builder b = DpAuditCheck.builder().name(name);
        String mechanism = f.string("mechanism", true);
        if (mechanism != null) {
            ParseHelp.apply(f, "mechanism", () -> b.mechanism(mechanism));
        }
        Node pairs = f.get("neighbours");
        if (pairs == null) {
            f.missing("neighbours", "pairs of inputs that differ in one record, such as [[0, 1]]");
        } else if (!pairs.isList() || pairs.items().isEmpty()) {
            f.wrongType("neighbours", pairs, "a list of pairs of inputs, such as [[0, 1], [[1, 1], [0, 1]]]");
        } else {
            for (int i = 0; i < pairs.items().size(); i++) {
                Node p = pairs.items().get(i);
                String at = f.path("neighbours") + "[" + i + "]";
                if (!p.isList() || p.items().size() != 2) {
                    problems.at(p, at + ": expected a pair of two inputs, found " + p.describe()
                            + (p.isList() ? " of " + p.items().size() : ""));
                    continue;
                }
                Object x = input(p.items().get(0), at + "[0]", problems);
                Object y = input(p.items().get(1), at + "[1]", problems);
                if (x != null && y != null) {
                    b.neighbours(x, y);
                }
            }
        }
        Double epsilon = f.number("epsilon");
        if (epsilon != null) {
            if (epsilon < 0) {
                problems.at(f.get("epsilon"), f.path("epsilon") + ": expected 0 or more, found " + epsilon);
            } else {
                b.epsilon(epsilon);
            }
        } else if (!f.has("epsilon")) {
            f.missing("epsilon", "the epsilon the mechanism claims");
        }
        ParseHelp.ifSet(ParseHelp.unit(f, "delta"), b::delta);
        ParseHelp.ifSet(f.integer("samples", 1), b::samples);
        ParseHelp.ifSet(ParseHelp.openUnit(f, "confidence"), b::confidence);
        ParseHelp.ifSet(f.bool("output-support"), b::outputSupport);
        ParseHelp.ifSet(f.integer("seed"), b::seed);
        if (problems.size() > before) {
            return null;
        }
        return ParseHelp.build(f, KEYS, b::build);
    }

    /** number -> Double, list of numbers -> List of Double, text -> String. */
    private static Object input(Node n, String at, Problems problems) {
        if (n.isScalar() && n.scalar() == Node.Scalar.NUMBER) {
            return Double.parseDouble(n.text());
        }
        if (n.isScalar() && n.scalar() == Node.Scalar.STRING) {
            return n.text();
        }
        if (n.isList()) {
            List<Double> out = new ArrayList<>();
            for (Node item : n.items()) {
                if (!item.isScalar() || item.scalar() != Node.Scalar.NUMBER) {
                    problems.at(item, at + ": expected a number in the input list, found " + item.describe());
                    return null;
                }
                out.add(Double.parseDouble(item.text()));
            }
            return out;
        }
        problems.at(n, at + ": expected a number, a list of numbers or a text, found " + n.describe());
        return null;
    }
}

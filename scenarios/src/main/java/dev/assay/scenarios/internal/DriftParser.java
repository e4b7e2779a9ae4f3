package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.Dataset;
import dev.assay.core.data.Drift;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code drift: {...}}: keys of {@link Drift.Builder}, see {@code dev.assay.core.data}'s package-info. The
 * {@code reference} is a path (relative to the scenario file) or a map with the keys of {@code data:}.
 */
final class DriftParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("reference", "columns", "outputs", "max-psi", "max-ks",
            "max-wasserstein", "max-js", "alpha", "correction", "max-drifted-share");
    static final List<String> OUTPUTS = List.of("prediction", "score");
    static final List<String> CORRECTIONS = List.of("holm", "bh", "none");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        Drift.Builder b = Drift.check().named(name);
        Node ref = f.get("reference");
        Dataset reference = null;
        if (ref == null) {
            f.missing("reference", "the data to compare with: a path, or a map with the keys of 'data'");
        } else if (ref.isScalar() && ref.scalar() != Node.Scalar.NULL) {
            Node.Key k = f.key("reference");
            Node map = Node.map(k.line(), k.column(), new java.util.LinkedHashMap<>(java.util.Map.of("path", ref)),
                    new java.util.LinkedHashMap<>(java.util.Map.of("path", new Node.Key("path", ref.line(),
                            ref.column()))));
            reference = ctx.loadData(map, f.path("reference"));
        } else if (ref.isMap()) {
            reference = ctx.loadData(ref, f.path("reference"));
        } else {
            f.wrongType("reference", ref, "a path or a map with the keys of 'data'");
        }
        if (reference != null) {
            b.reference(reference);
        }
        List<Node> cols = f.strings("columns");
        if (cols != null) {
            List<String> names = new ArrayList<>();
            for (Node n : cols) {
                boolean ok = ctx.requireColumn(n, f.path("columns"), "drift");
                if (ok && reference != null) {
                    ctx.requireColumn(reference, n, f.path("columns"), "drift");
                }
                names.add(n.text());
            }
            b.columns(names);
        }
        List<Node> outputs = f.strings("outputs");
        if (outputs != null) {
            List<String> names = new ArrayList<>();
            for (Node n : outputs) {
                if (!OUTPUTS.contains(n.text())) {
                    problems.at(n, f.path("outputs") + ": unknown output '" + n.text() + "'"
                            + Suggest.hint(n.text(), OUTPUTS) + " (expected one of " + String.join(", ", OUTPUTS) + ")");
                } else {
                    names.add(n.text());
                }
            }
            b.outputs(names.toArray(String[]::new));
        }
        if (ParseHelp.isNull(f, "max-psi")) {
            b.maxPsi(null);
        } else {
            Double psi = ParseHelp.positive(f, "max-psi");
            if (psi != null) {
                b.maxPsi(psi);
            }
        }
        ParseHelp.ifSet(ParseHelp.unit(f, "max-ks"), b::maxKs);
        Double w = f.number("max-wasserstein");
        if (w != null) {
            if (w < 0) {
                problems.at(f.get("max-wasserstein"), f.path("max-wasserstein") + ": expected 0 or more, found " + w);
            } else {
                b.maxWasserstein(w);
            }
        }
        ParseHelp.ifSet(ParseHelp.unit(f, "max-js"), b::maxJs);
        ParseHelp.ifSet(ParseHelp.openUnit(f, "alpha"), b::alpha);
        ParseHelp.ifSet(f.oneOf("correction", CORRECTIONS, false), b::correction);
        ParseHelp.ifSet(ParseHelp.unit(f, "max-drifted-share"), b::maxDriftedShare);
        if (problems.size() > before) {
            return null;
        }
        return ParseHelp.build(f, KEYS, b::build);
    }
}

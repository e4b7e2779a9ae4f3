package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.pii.PiiEntity;
import dev.assay.core.pii.PiiLeakCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code pii-leak: {...}}: keys of {@link PiiLeakCheck.Builder}, see {@code dev.assay.core.pii}'s package-info. */
final class PiiLeakParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("entities", "min-score", "max-findings", "column", "regions", "prompts",
            "samples");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        PiiLeakCheck.Builder b = PiiLeakCheck.builder().name(name);
        List<Node> entities = f.strings("entities");
        if (entities != null) {
            List<String> known = PiiEntity.all();
            List<String> names = new ArrayList<>();
            for (Node n : entities) {
                String e = n.text().strip().toUpperCase(Locale.ROOT);
                if (!known.contains(e)) {
                    problems.at(n, f.path("entities") + ": unknown entity '" + n.text() + "'"
                            + Suggest.hint(e, known) + " (expected one of " + String.join(", ", known) + ")");
                } else {
                    names.add(e);
                }
            }
            if (entities.isEmpty()) {
                problems.at(f.get("entities"), f.path("entities") + ": the list is empty; name at least one entity");
            }
            b.entities(names);
        }
        Double minScore = ParseHelp.unit(f, "min-score");
        if (minScore != null) {
            b.minScore(minScore);
        }
        Integer maxFindings = f.integer("max-findings", 0);
        if (maxFindings != null) {
            b.maxFindings(maxFindings);
        }
        String column = ParseHelp.column(f, ctx, "column", "text");
        if (column != null) {
            b.column(column);
        }
        List<Node> regions = f.strings("regions");
        if (regions != null) {
            List<String> codes = new ArrayList<>();
            for (Node n : regions) {
                String r = n.text().strip().toUpperCase(Locale.ROOT);
                if (!r.matches("[A-Z]{2}")) {
                    problems.at(n, f.path("regions") + ": expected a two-letter region code such as US or GB,"
                            + " found '" + n.text() + "'");
                } else {
                    codes.add(r);
                }
            }
            if (regions.isEmpty()) {
                problems.at(f.get("regions"), f.path("regions") + ": the list is empty; name at least one region");
            } else {
                b.regions(codes.toArray(String[]::new));
            }
        }
        String prompts = f.string("prompts", false);
        if (prompts != null) {
            if (ctx.data() != null && ctx.data().hasColumn(prompts)) {
                b.prompts(prompts);
            } else {
                Path file = (ctx.dir() == null ? Path.of("") : ctx.dir()).resolve(prompts).normalize();
                if (Files.isRegularFile(file)) {
                    b.prompts(file.toString());
                } else {
                    problems.at(f.get("prompts"), f.path("prompts") + ": '" + prompts + "' is neither a column of "
                            + (ctx.data() == null ? "the data" : ctx.data().source()) + " nor a file (looked for "
                            + file + ")");
                }
            }
        }
        Integer samples = f.integer("samples", 1);
        if (samples != null) {
            b.samples(samples);
        }
        return problems.size() > before ? null : b.build();
    }
}

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
        ParseHelp.ifSet(ParseHelp.unit(f, "min-score"), b::minScore);
        ParseHelp.ifSet(f.integer("max-findings", 0), b::maxFindings);
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
        Node promptsNode = f.get("prompts");
        if (promptsNode != null && promptsNode.isMap()) {
            // prompts: {column: question} or prompts: {path: prompts.txt}
            Fields pf = new Fields(promptsNode, f.path("prompts"), problems, List.of("column", "path"));
            if (pf.has("column") == pf.has("path")) {
                problems.at(promptsNode, f.path("prompts") + ": expected exactly one of column (a column of the data)"
                        + " or path (a file of prompts, one per line)");
            } else if (pf.has("column")) {
                String c = ParseHelp.column(pf, ctx, "column", "text");
                if (c != null) {
                    b.promptColumn(c);
                }
            } else {
                String path = pf.string("path", true);
                if (path != null) {
                    Path file = (ctx.dir() == null ? Path.of("") : ctx.dir()).resolve(path).normalize();
                    if (Files.isRegularFile(file)) {
                        b.promptFile(file);
                    } else {
                        problems.at(pf.get("path"), pf.path("path") + ": no file '" + path + "' (looked for " + file
                                + ")");
                    }
                }
            }
        } else if (promptsNode != null) {
            String prompts = f.string("prompts", false);
            if (prompts != null) {
                if (ctx.data() != null && ctx.data().hasColumn(prompts)) {
                    b.promptColumn(prompts);
                } else {
                    Path file = (ctx.dir() == null ? Path.of("") : ctx.dir()).resolve(prompts).normalize();
                    if (Files.isRegularFile(file)) {
                        b.promptFile(file);
                    } else {
                        problems.at(f.get("prompts"), f.path("prompts") + ": '" + prompts + "' is neither a column of "
                                + (ctx.data() == null ? "the data" : ctx.data().source()) + " nor a file (looked for "
                                + file + ")");
                    }
                }
            }
        }
        ParseHelp.ifSet(f.integer("samples", 1), b::samples);
        return problems.size() > before ? null : b.build();
    }
}

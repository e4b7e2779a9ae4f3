package dev.assay.scenarios;

import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.Check;
import dev.assay.core.ColumnType;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.scenarios.internal.CheckKinds;
import dev.assay.scenarios.internal.Fields;
import dev.assay.scenarios.internal.ModelBlocks;
import dev.assay.scenarios.internal.Node;
import dev.assay.scenarios.internal.Problems;
import dev.assay.scenarios.internal.ScenarioContext;
import dev.assay.scenarios.internal.Substitution;
import dev.assay.scenarios.internal.Suggest;
import dev.assay.scenarios.internal.TreeReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads and validates scenario files ({@code *.assay.yaml}, {@code *.assay.yml}, {@code *.assay.json}).
 *
 * <pre>{@code
 * Scenario scenario = ScenarioLoader.standard().load(Path.of("src/test/resources/assay/credit.assay.yaml"));
 * }</pre>
 *
 * <p>Every problem is reported as a {@link ScenarioException} whose message names {@code file:line:column} and the
 * offending key or value: unknown keys (with the closest known key), wrong types, missing keys, missing files,
 * unknown columns (checked against the data file), unknown check kinds, duplicate check names. The data file is
 * read while loading, so column names are checked before any check runs.
 */
public final class ScenarioLoader {
    static final List<String> TOP_KEYS = List.of("name", "seed", "model", "data", "checks");
    static final List<String> MODEL_KEYS = List.of("predictions", "java", "http", "onnx");
    static final List<String> PREDICTION_KEYS = List.of("column", "path");
    static final List<String> DATA_KEYS = List.of("path", "label", "positive", "sensitive", "separator", "quote",
            "header", "columns", "skip-lines", "trim", "missing", "types");
    static final List<String> CSV_ONLY = List.of("separator", "quote", "header", "columns", "trim");
    static final List<String> TYPES = List.of("numeric", "categorical");
    static final List<String> SUFFIXES = List.of(".assay.yaml", ".assay.yml", ".assay.json");

    private final Function<String, String> variables;

    private ScenarioLoader(Function<String, String> variables) {
        this.variables = Objects.requireNonNull(variables, "variables");
    }

    /** A loader that substitutes {@code ${VAR}} from the environment, then system properties. */
    public static ScenarioLoader standard() {
        return new ScenarioLoader(Substitution::environmentThenProperties);
    }

    /** A loader that substitutes {@code ${VAR}} with {@code variables} ({@code null} = not set). */
    public static ScenarioLoader withVariables(Function<String, String> variables) {
        return new ScenarioLoader(variables);
    }

    /** Whether {@code fileName} is a scenario file by its name. */
    public static boolean isScenarioFile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return SUFFIXES.stream().anyMatch(n::endsWith);
    }

    /**
     * Loads {@code file}.
     *
     * @throws ScenarioException naming file:line:column for every problem found
     */
    public Scenario load(Path file) {
        String shown = file.toString();
        Problems problems = new Problems(shown);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(1, 1, "cannot read the scenario file (" + e + ")");
            throw new ScenarioException(problems.list(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(1, 1, "not valid UTF-8 text");
            throw new ScenarioException(problems.list(), e);
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Node root = new TreeReader(problems, variables).read(text, lower.endsWith(".json"));
        problems.throwIfAny();
        if (!root.isMap()) {
            problems.at(root, "expected a map with name, model, data and checks, found " + root.describe());
            problems.throwIfAny();
        }
        Fields top = new Fields(root, "", problems, TOP_KEYS);
        String name = top.string("name", false);
        if (name == null && !top.has("name")) {
            name = defaultName(file.getFileName().toString());
        } else if (name != null && name.isBlank()) {
            problems.at(top.get("name"), "name: must not be blank");
        }
        Long seed = top.integer("seed");
        Path dir = file.toAbsolutePath().getParent();

        Dataset data = null;
        Node dataNode = top.map("data", true);
        if (dataNode != null) {
            data = data(new Fields(dataNode, "data", problems, DATA_KEYS), dir);
        }
        ScenarioContext ctx = new ScenarioContext(data, problems, dataNode != null && dataNode.get("label") != null);

        ctx.with(dir, new ScenarioContext.Loaders() {
            @Override
            public Dataset data(Node map, String path) {
                return ScenarioLoader.this.data(new Fields(map, path, problems, DATA_KEYS), dir);
            }

            @Override
            public Function<AssaySettings, Model> model(Node map, String path) {
                return ScenarioLoader.this.model(new Fields(map, path, problems, MODEL_KEYS), dir, ctx,
                        new String[1]);
            }
        });
        String[] modelKind = new String[1];
        Function<AssaySettings, Model> model = null;
        Node modelNode = top.map("model", true);
        if (modelNode != null) {
            model = model(new Fields(modelNode, "model", problems, MODEL_KEYS), dir, ctx, modelKind);
        }

        List<ScenarioCheck> checks = new ArrayList<>();
        Node checksNode = top.get("checks");
        if (checksNode == null) {
            top.missing("checks", "a list of checks, each with a name and one kind: "
                    + String.join(", ", CheckKinds.known()));
        } else if (!checksNode.isList()) {
            top.wrongType("checks", checksNode, "a list of checks");
        } else if (checksNode.items().isEmpty()) {
            problems.at(checksNode, "checks: the list is empty; a scenario needs at least one check");
        } else {
            Map<String, Node> names = new LinkedHashMap<>();
            for (int i = 0; i < checksNode.items().size(); i++) {
                ScenarioCheck c = check(checksNode.items().get(i), "checks[" + i + "]", problems, ctx, names);
                if (c != null) {
                    checks.add(c);
                }
            }
        }
        problems.throwIfAny();
        return new Scenario(file, name, seed, modelKind[0], model, data, checks);
    }

    static String defaultName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String s : SUFFIXES) {
            if (lower.endsWith(s)) {
                return fileName.substring(0, fileName.length() - s.length());
            }
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private Dataset data(Fields f, Path dir) {
        Problems problems = f.problems();
        int before = problems.size();
        String path = f.string("path", true);
        Path file = null;
        if (path != null) {
            file = dir.resolve(path).normalize();
            if (!Files.isRegularFile(file)) {
                problems.at(f.get("path"), f.path("path") + ": file not found: '" + path + "' (looked for " + file + ")");
                file = null;
            }
        }
        boolean jsonl = file != null && isJsonl(file);
        if (jsonl) {
            for (String k : CSV_ONLY) {
                if (f.has(k)) {
                    problems.at(f.key(k), f.path(k) + ": applies to CSV files only, but '" + path
                            + "' is JSON Lines");
                }
            }
        }
        Datasets.FileSource source = file == null ? null : Datasets.file(file).name(path);
        Character sep = character(f, "separator");
        Character quote = character(f, "quote");
        Boolean header = f.bool("header");
        List<Node> columns = f.strings("columns");
        Integer skip = f.integer("skip-lines", 0);
        Boolean trim = f.bool("trim");
        List<Node> missing = f.strings("missing");
        Map<Node.Key, Node> types = f.stringMap("types");
        String label = f.string("label", false);
        String positive = f.string("positive", false);
        List<Node> sensitive = f.strings("sensitive");
        if (Boolean.FALSE.equals(header) && columns == null && !f.has("columns")) {
            problems.at(f.key("header"), f.path("header") + ": false needs '" + f.path("columns") + "', the names of the columns");
        }
        if (f.has("columns") && !Boolean.FALSE.equals(header)) {
            problems.at(f.key("columns"), f.path("columns") + ": only with 'header: false' (the file's header row names"
                    + " the columns otherwise)");
        }
        Map<String, ColumnType> typeMap = new LinkedHashMap<>();
        if (types != null) {
            for (Map.Entry<Node.Key, Node> e : types.entrySet()) {
                String t = e.getValue().text();
                if (!TYPES.contains(t)) {
                    problems.at(e.getValue(), f.path("types") + "." + e.getKey().name() + ": unknown type '" + t + "'"
                            + Suggest.hint(t, TYPES) + " (expected numeric or categorical)");
                } else {
                    typeMap.put(e.getKey().name(), ColumnType.valueOf(t.toUpperCase(Locale.ROOT)));
                }
            }
        }
        if (source == null || problems.size() > before) {
            return null;
        }
        if (sep != null) {
            source.separator(sep);
        }
        if (quote != null) {
            source.quote(quote);
        }
        if (Boolean.FALSE.equals(header) && columns != null) {
            source.columns(columns.stream().map(Node::text).toList());
        }
        if (skip != null) {
            source.skipLines(skip);
        }
        if (trim != null) {
            source.trim(trim);
        }
        if (missing != null) {
            source.missing(new HashSet<>(missing.stream().map(Node::text).toList()));
        }
        typeMap.forEach(source::type);
        Dataset data;
        try {
            data = source.load();
        } catch (AssayException e) {
            problems.at(f.get("path"), f.path("path") + ": cannot load '" + path + "': " + e.getMessage());
            return null;
        }
        ScenarioContext ctx = new ScenarioContext(data, problems);
        if (types != null) {
            for (Node.Key k : types.keySet()) {
                if (!data.hasColumn(k.name())) {
                    problems.at(k, f.path("types") + ": unknown column '" + k.name() + "' in " + path
                            + Suggest.hint(k.name(), data.columnNames()) + " (columns: "
                            + String.join(", ", data.columnNames()) + ")");
                }
            }
        }
        boolean ok = true;
        if (label != null) {
            ok &= ctx.requireColumn(f.get("label"), f.path("label"), "label");
        }
        List<String> sens = new ArrayList<>();
        if (sensitive != null) {
            for (Node n : sensitive) {
                ok &= ctx.requireColumn(n, f.path("sensitive"), "sensitive");
                sens.add(n.text());
            }
        }
        if (!ok) {
            return data;
        }
        return data.withLabel(label, positive).withSensitive(sens);
    }

    private static boolean isJsonl(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    private static Character character(Fields f, String key) {
        String s = f.string(key, false);
        if (s == null) {
            return null;
        }
        if (s.length() != 1) {
            f.problems().at(f.get(key), f.path(key) + ": expected one character, found '" + s + "'");
            return null;
        }
        return s.charAt(0);
    }

    private Function<AssaySettings, Model> model(Fields f, Path dir, ScenarioContext ctx, String[] kindOut) {
        Problems problems = f.problems();
        List<String> kinds = new ArrayList<>(f.node().entries().keySet());
        kinds.retainAll(MODEL_KEYS);
        if (kinds.isEmpty()) {
            problems.at(f.node(), f.path("").replaceAll("\\.$", "") + ": expected exactly one of "
                    + String.join(", ", MODEL_KEYS));
            return null;
        }
        if (kinds.size() > 1) {
            problems.at(f.key(kinds.get(1)), f.path("").replaceAll("\\.$", "") + ": expected exactly one of " + String.join(", ", MODEL_KEYS)
                    + ", found both '" + kinds.get(0) + "' and '" + kinds.get(1) + "'");
            return null;
        }
        String kind = kinds.get(0);
        kindOut[0] = kind;
        switch (kind) {
            case "predictions": {
                Node body = f.map("predictions", true);
                if (body == null) {
                    return null;
                }
                Fields p = new Fields(body, f.path("predictions"), problems, PREDICTION_KEYS);
                String column = p.string("column", true);
                String path = p.string("path", false);
                if (column == null) {
                    return null;
                }
                if (path == null) {
                    if (p.has("path")) {
                        return null;
                    }
                    ctx.requireColumn(p.get("column"), p.path("column"), "prediction");
                    return settings -> Models.predictions(column);
                }
                Path file = dir.resolve(path).normalize();
                if (!Files.isRegularFile(file)) {
                    problems.at(p.get("path"), p.path("path") + ": file not found: '" + path
                            + "' (looked for " + file + ")");
                    return null;
                }
                Dataset preds;
                try {
                    preds = Datasets.file(file).name(path).load();
                } catch (AssayException e) {
                    problems.at(p.get("path"), p.path("path") + ": cannot load '" + path + "': "
                            + e.getMessage());
                    return null;
                }
                if (!ctx.requireColumn(preds, p.get("column"), p.path("column"), "prediction")) {
                    return null;
                }
                if (ctx.data() != null && preds.rows() != ctx.data().rows()) {
                    problems.at(p.get("path"), p.path("path") + ": '" + path + "' has " + preds.rows()
                            + " rows but " + ctx.data().source() + " has " + ctx.data().rows()
                            + "; predictions must match the data row for row");
                    return null;
                }
                return settings -> Models.predictionsFile(file, column);
            }
            case "java": {
                String className = f.string("java", true);
                if (className == null) {
                    return null;
                }
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                if (loader == null) {
                    loader = ScenarioLoader.class.getClassLoader();
                }
                Class<?> type;
                try {
                    type = Class.forName(className, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    problems.at(f.get("java"), f.path("java") + ": class '" + className + "' not found on the class path");
                    return null;
                }
                if (!Model.class.isAssignableFrom(type)) {
                    problems.at(f.get("java"), f.path("java") + ": class '" + className + "' does not implement "
                            + Model.class.getName());
                    return null;
                }
                Class<? extends Model> modelType = type.asSubclass(Model.class);
                return settings -> Models.java(modelType);
            }
            case "http": {
                Node body = f.map("http", true);
                return body == null ? null
                        : ModelBlocks.http(new Fields(body, f.path("http"), problems, ModelBlocks.HTTP_KEYS), ctx);
            }
            case "onnx": {
                Node body = f.map("onnx", true);
                return body == null ? null
                        : ModelBlocks.onnx(new Fields(body, f.path("onnx"), problems, ModelBlocks.ONNX_KEYS), ctx);
            }
            default:
                throw new IllegalStateException(kind);
        }
    }

    private static ScenarioCheck check(Node item, String path, Problems problems, ScenarioContext ctx,
                                       Map<String, Node> names) {
        if (!item.isMap()) {
            problems.at(item, path + ": expected a map with 'name' and one kind ("
                    + String.join(", ", CheckKinds.known()) + "), found " + item.describe());
            return null;
        }
        List<String> kinds = new ArrayList<>();
        boolean ok = true;
        for (String key : item.entries().keySet()) {
            if (key.equals("name")) {
                continue;
            }
            if (CheckKinds.isKnown(key)) {
                kinds.add(key);
            } else {
                problems.at(item.key(key), path + ": unknown check kind '" + key + "'"
                        + Suggest.hint(key, CheckKinds.known()) + " (known kinds: "
                        + String.join(", ", CheckKinds.known()) + ")");
                ok = false;
            }
        }
        String name = null;
        Node nameNode = item.get("name");
        if (nameNode == null) {
            problems.at(item, "missing required key '" + path + ".name' (the check's name in reports)");
            ok = false;
        } else if (!nameNode.isScalar() || nameNode.text() == null || nameNode.text().isBlank()) {
            problems.at(nameNode, path + ".name: expected a non-blank string, found " + nameNode.describe());
            ok = false;
        } else {
            name = nameNode.text();
            Node first = names.putIfAbsent(name, nameNode);
            if (first != null) {
                problems.at(nameNode, path + ".name: duplicate check name '" + name + "' (first at line "
                        + first.line() + "); check names must be unique in a scenario");
                ok = false;
            }
        }
        if (kinds.size() > 1) {
            problems.at(item.key(kinds.get(1)), path + ": a check has exactly one kind, found both '"
                    + kinds.get(0) + "' and '" + kinds.get(1) + "'");
            return null;
        }
        if (kinds.isEmpty()) {
            if (ok) {
                problems.at(item, path + ": check '" + name + "' has no kind; add one of: "
                        + String.join(", ", CheckKinds.known()));
            }
            return null;
        }
        String kind = kinds.get(0);
        Node body = item.get(kind);
        if (!body.isMap()) {
            problems.at(body, path + "." + kind + ": expected a map of settings, found " + body.describe());
            return null;
        }
        CheckKinds.CheckParser parser = CheckKinds.get(kind);
        Check check = parser.parse(name == null ? "?" : name,
                new Fields(body, path + "." + kind, problems, parser.keys()), ctx);
        if (check == null || !ok) {
            return null;
        }
        return new ScenarioCheck(check, item.line(), item.column());
    }

}

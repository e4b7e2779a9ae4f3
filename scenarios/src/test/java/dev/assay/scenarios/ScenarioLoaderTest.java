package dev.assay.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.Check;
import dev.assay.core.ColumnType;
import dev.assay.scenarios.internal.CheckKinds;
import dev.assay.scenarios.internal.Fields;
import dev.assay.scenarios.internal.ScenarioContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    /** The registered kinds as the messages list them: sorted, comma-separated. */
    private static final String KNOWN = String.join(", ", new java.util.TreeSet<>(CheckKinds.known()));

    /** Line numbers of BASE are written next to it; columns are 1-based. */
    static final String BASE = """
            name: T
            model:
              predictions:
                column: y_pred
            data:
              path: credit.csv
              label: income
              positive: ">50K"
              sensitive: [sex]
            checks:
              - name: Accuracy
                performance:
                  min: 0.7
            """;
    // 1 name, 2 model, 3 predictions, 4 column, 5 data, 6 path, 7 label, 8 positive, 9 sensitive, 10 checks,
    // 11 - name, 12 performance, 13 min

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void copyData() throws IOException {
        Files.copy(Path.of("src/test/resources/data/credit.csv"), dir.resolve("credit.csv"));
        file = dir.resolve("t.assay.yaml");
    }

    private Scenario load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    private Scenario load(String yaml, Map<String, String> vars) throws IOException {
        Files.writeString(file, yaml);
        return ScenarioLoader.withVariables(vars::get).load(file);
    }

    private ScenarioException fail(String yaml) throws IOException {
        return fail(yaml, Map.of());
    }

    private ScenarioException fail(String yaml, Map<String, String> vars) throws IOException {
        Files.writeString(file, yaml);
        try {
            ScenarioLoader.withVariables(vars::get).load(file);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("expected a ScenarioException for:\n" + yaml);
    }

    private String at(int line, int column) {
        return file + ":" + line + ":" + column + ": ";
    }

    @Test
    void loadsAValidScenario() throws IOException {
        Scenario s = load(BASE);
        assertThat(s.name()).isEqualTo("T");
        assertThat(s.seed()).isEmpty();
        assertThat(s.modelKind()).isEqualTo("predictions");
        assertThat(s.data().rows()).isEqualTo(10);
        assertThat(s.data().label()).contains("income");
        assertThat(s.data().positive()).contains(">50K");
        assertThat(s.data().sensitive()).containsExactly("sex");
        assertThat(s.checks()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Accuracy");
            assertThat(c.kind()).isEqualTo("performance");
            assertThat(c.line()).isEqualTo(11);
            assertThat(c.column()).isEqualTo(5);
        });
    }

    @Test
    void nameDefaultsToTheFileName() throws IOException {
        assertThat(load(BASE.replace("name: T\n", "")).name()).isEqualTo("t");
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() throws IOException {
        ScenarioException e = fail(BASE.replace("      min: 0.7", "      min: 0.7\n      metrc: f1"));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).isEqualTo(at(14, 7) + "unknown key 'metrc' in checks[0].performance;"
                + " did you mean 'metric'? (known keys: metric, by, min, max, decision, confidence, min-group-size,"
                + " bootstrap, label, positive)");
    }

    @Test
    void unknownTopLevelKey() throws IOException {
        ScenarioException e = fail(BASE + "sed: 3\n");
        assertThat(e.getMessage()).startsWith(at(14, 1) + "unknown key 'sed'; did you mean 'seed'?");
    }

    @Test
    void wrongType() throws IOException {
        ScenarioException e = fail(BASE.replace("min: 0.7", "min: high"));
        assertThat(e.getMessage()).isEqualTo(at(13, 12)
                + "checks[0].performance.min: expected a number, found a string ('high')");
    }

    @Test
    void wrongTypeOfASection() throws IOException {
        ScenarioException e = fail(BASE.replace("  sensitive: [sex]", "  sensitive: {a: 1}"));
        assertThat(e.getMessage()).isEqualTo(at(9, 14) + "data.sensitive: expected a list of strings, found a map");
    }

    @Test
    void missingRequiredKey() throws IOException {
        String noData = BASE.replaceAll("(?s)data:.*?checks:", "checks:");
        ScenarioException e = fail(noData);
        assertThat(e.getMessage()).isEqualTo(at(1, 1) + "missing required key 'data'");
    }

    @Test
    void missingThreshold() throws IOException {
        ScenarioException e = fail(BASE.replace("      min: 0.7", "      metric: f1"));
        assertThat(e.getMessage()).isEqualTo(at(13, 7) + "missing required key 'checks[0].performance.min'"
                + " (or 'max': a performance check needs a threshold)");
    }

    @Test
    void missingDataFile() throws IOException {
        ScenarioException e = fail(BASE.replace("path: credit.csv", "path: nope.csv"));
        assertThat(e.getMessage()).isEqualTo(at(6, 9) + "data.path: file not found: 'nope.csv' (looked for "
                + dir.toAbsolutePath().resolve("nope.csv") + ")");
    }

    @Test
    void unknownLabelColumn() throws IOException {
        ScenarioException e = fail(BASE.replace("label: income", "label: incme"));
        assertThat(e.getMessage()).isEqualTo(at(7, 10) + "data.label: unknown label column 'incme' in credit.csv;"
                + " did you mean 'income'? (columns: id, sex, age, income, y_pred)");
    }

    @Test
    void unknownSensitiveColumn() throws IOException {
        ScenarioException e = fail(BASE.replace("[sex]", "[sex, rase]"));
        assertThat(e.getMessage()).startsWith(at(9, 20) + "data.sensitive: unknown sensitive column 'rase'");
    }

    @Test
    void unknownGroupColumn() throws IOException {
        ScenarioException e = fail(BASE.replace("      min: 0.7", "      min: 0.7\n      by: [sex, agee]"));
        assertThat(e.getMessage()).startsWith(at(14, 17) + "checks[0].performance.by: unknown group column 'agee'"
                + " in credit.csv; did you mean 'age'?");
    }

    @Test
    void unknownPredictionColumn() throws IOException {
        ScenarioException e = fail(BASE.replace("column: y_pred", "column: y_prd"));
        assertThat(e.getMessage()).startsWith(at(4, 13)
                + "model.predictions.column: unknown prediction column 'y_prd' in credit.csv; did you mean 'y_pred'?");
    }

    @Test
    void unknownCheckKindListsTheKnownKinds() throws IOException {
        ScenarioException e = fail(BASE.replace("    performance:", "    performanse:"));
        assertThat(e.getMessage()).isEqualTo(at(12, 5) + "checks[0]: unknown check kind 'performanse';"
                + " did you mean 'performance'? (known kinds: " + KNOWN + ")");
    }

    @Test
    void twoKindsInOneCheck() throws IOException {
        CheckKinds.register("other", new CheckKinds.CheckParser() {
            @Override
            public List<String> keys() {
                return List.of();
            }

            @Override
            public Check parse(String name, Fields body, ScenarioContext context) {
                throw new AssertionError("not reached");
            }
        });
        try {
            ScenarioException e = fail(BASE + "    other: {}\n");
            assertThat(e.getMessage()).isEqualTo(at(14, 5)
                    + "checks[0]: a check has exactly one kind, found both 'performance' and 'other'");
        } finally {
            CheckKinds.unregister("other");
        }
    }

    @Test
    void checkWithoutKind() throws IOException {
        ScenarioException e = fail(BASE.replaceAll("(?s)    performance:.*", ""));
        assertThat(e.getMessage()).isEqualTo(at(11, 5)
                + "checks[0]: check 'Accuracy' has no kind; add one of: "
                + KNOWN);
    }

    @Test
    void duplicateCheckNames() throws IOException {
        ScenarioException e = fail(BASE + "  - name: Accuracy\n    performance: {max: 0.9}\n");
        assertThat(e.getMessage()).isEqualTo(at(14, 11) + "checks[1].name: duplicate check name 'Accuracy'"
                + " (first at line 11); check names must be unique in a scenario");
    }

    @Test
    void duplicateKeys() throws IOException {
        ScenarioException e = fail(BASE + "seed: 1\nseed: 2\n");
        assertThat(e.getMessage()).isEqualTo(at(15, 1) + "duplicate key 'seed' (first at line 14)");
    }

    @Test
    void httpAndOnnxModelsAreCheckedWhileLoading() throws IOException {
        Scenario s = load(BASE.replace("  predictions:\n    column: y_pred\n",
                "  http: { url: \"http://localhost:1/infer\" }\n"));
        assertThat(s.modelKind()).isEqualTo("http");
        ScenarioException e = fail(BASE.replace("  predictions:\n    column: y_pred\n", "  onnx: { path: m.onnx }\n"));
        assertThat(e.getMessage()).isEqualTo(at(3, 17) + "model.onnx.path: file not found: 'm.onnx' (looked for "
                + dir.resolve("m.onnx") + ")");
    }

    @Test
    void twoModels() throws IOException {
        ScenarioException e = fail(BASE.replace("    column: y_pred\n",
                "    column: y_pred\n  java: dev.assay.scenarios.fixtures.AlwaysHighModel\n"));
        assertThat(e.getMessage()).isEqualTo(at(5, 3) + "model: expected exactly one of predictions, java, http,"
                + " onnx, found both 'predictions' and 'java'");
    }

    @Test
    void javaModel() throws IOException {
        Scenario s = load(BASE.replace("  predictions:\n    column: y_pred\n",
                "  java: dev.assay.scenarios.fixtures.AlwaysHighModel\n"));
        assertThat(s.modelKind()).isEqualTo("java");
        assertThat(s.model().info().id()).isEqualTo("AlwaysHighModel");
        ScenarioException e = fail(BASE.replace("  predictions:\n    column: y_pred\n",
                "  java: com.acme.Missing\n"));
        assertThat(e.getMessage()).isEqualTo(at(3, 9) + "model.java: class 'com.acme.Missing' not found on the"
                + " class path");
        e = fail(BASE.replace("  predictions:\n    column: y_pred\n", "  java: java.lang.String\n"));
        assertThat(e.getMessage()).isEqualTo(at(3, 9) + "model.java: class 'java.lang.String' does not implement"
                + " dev.assay.core.Model");
    }

    @Test
    void predictionsFile() throws IOException {
        Files.copy(Path.of("src/test/resources/data/preds.csv"), dir.resolve("preds.csv"));
        Scenario s = load(BASE.replace("    column: y_pred\n", "    path: preds.csv\n    column: pred\n"));
        assertThat(s.model().predict(s.data()).label(1)).isEqualTo("<=50K");
        ScenarioException e = fail(BASE.replace("    column: y_pred\n", "    path: preds.csv\n    column: y_pred\n"));
        assertThat(e.getMessage()).startsWith(at(5, 13) + "model.predictions.column: unknown prediction column"
                + " 'y_pred' in preds.csv; did you mean 'pred'? (columns: score, pred)");
    }

    @Test
    void severalProblemsAreCollected() throws IOException {
        ScenarioException e = fail(BASE.replace("label: income", "label: incme").replace("min: 0.7", "min: x"));
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly("7:10", "13:12");
        assertThat(e.getMessage()).contains("and 1 more problem:");
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        ScenarioException e = fail("name: a: b\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(8);
            assertThat(p.message()).startsWith("not valid YAML: mapping values are not allowed here");
        });
    }

    @Test
    void invalidFlowYamlKeepsSnakeYamlsReason() throws IOException {
        ScenarioException e = fail("name: x\nchecks: [{name: a, performance: {min: 1}\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).isEqualTo("not valid YAML: while parsing a flow mapping;"
                    + " expected ',' or '}', but got <stream end>");
        });
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(fail("").getMessage()).isEqualTo(at(1, 1)
                + "the file is empty; expected a map with name, model, data and checks");
    }

    @Test
    void jsonScenariosReportJsonLocations() throws IOException {
        file = dir.resolve("t.assay.json");
        ScenarioException e = fail("""
                {
                  "name": "J",
                  "model": {"predictions": {"column": "y_pred"}},
                  "data": {"path": "credit.csv", "label": "income", "positive": ">50K"},
                  "checks": [{"name": "A", "performance": {"min": 0.5, "decison": "strict"}}]
                }
                """);
        assertThat(e.getMessage()).startsWith(at(5, 56) + "unknown key 'decison' in checks[0].performance;"
                + " did you mean 'decision'?");
    }

    @Test
    void csvOptions() throws IOException {
        Files.writeString(dir.resolve("semi.csv"), "# exported 2026-11-26\nF; 1 ;yes;yes\nM;2;no;?\nM;x;yes;no\n");
        Scenario s = load("""
                model: {predictions: {column: pred}}
                data:
                  path: semi.csv
                  separator: ";"
                  header: false
                  columns: [sex, n, truth, pred]
                  skip-lines: 1
                  trim: true
                  missing: ["?"]
                  types: {n: categorical}
                  label: truth
                  positive: "yes"
                checks:
                  - name: A
                    performance: {min: 0.5}
                """);
        assertThat(s.data().rows()).isEqualTo(3);
        assertThat(s.data().columnNames()).containsExactly("sex", "n", "truth", "pred");
        assertThat(s.data().column("n").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(s.data().column("n").stringValue(0)).isEqualTo("1");
        assertThat(s.data().column("pred").stringValue(1)).isNull();
    }

    @Test
    void csvOptionErrors() throws IOException {
        ScenarioException e = fail(BASE.replace("  sensitive: [sex]", "  header: false\n  separator: \";;\""));
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(10, 14) + "data.separator: expected one character, found ';;'",
                at(9, 3) + "data.header: false needs 'data.columns', the names of the columns");
        e = fail(BASE.replace("  sensitive: [sex]", "  types: {age: number}"));
        assertThat(e.getMessage()).isEqualTo(at(9, 16)
                + "data.types.age: unknown type 'number' (expected numeric or categorical)");
    }

    @Test
    void csvOptionsDoNotApplyToJsonLines() throws IOException {
        Files.writeString(dir.resolve("d.jsonl"), "{\"income\": \">50K\", \"y_pred\": \">50K\"}\n");
        ScenarioException e = fail(BASE.replace("credit.csv", "d.jsonl").replace("  sensitive: [sex]",
                "  separator: \";\""));
        assertThat(e.getMessage()).isEqualTo(at(9, 3) + "data.separator: applies to CSV files only, but 'd.jsonl'"
                + " is JSON Lines");
    }

    @Test
    void badDataFileIsALoaderErrorAtThePath() throws IOException {
        Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        ScenarioException e = fail(BASE.replace("credit.csv", "ragged.csv"));
        assertThat(e.getMessage()).startsWith(at(6, 9) + "data.path: cannot load 'ragged.csv': ragged.csv");
    }
}

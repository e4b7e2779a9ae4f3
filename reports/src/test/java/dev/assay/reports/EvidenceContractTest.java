package dev.assay.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Decision;
import dev.assay.core.Example;
import dev.assay.core.Finding;
import dev.assay.core.RegressionFile;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.Performance;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence.json that {@link RunRecorder} and {@link EvidenceWriter} write follows the DESIGN.md contract (keys
 * and their order), validates against the shipped JSON Schema, and is byte-identical for the same inputs, seed and
 * fixed timestamp.
 */
class EvidenceContractTest {
    static final String SCHEMA_RESOURCE = EvidenceWriter.SCHEMA_RESOURCE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUITE = "Credit model release gate";
    private static final String TIMESTAMP = "2026-11-26T12:00:00Z";

    /** The keys of a check in DESIGN.md, in order. */
    private static final List<String> CONTRACT_CHECK_KEYS = List.of("id", "name", "kind", "metric", "value", "ci",
            "confidence", "threshold", "decision", "verdict", "groups", "findings");
    /** Keys a check may carry beyond DESIGN.md's example (documented in the schema and in CheckResult). */
    private static final Set<String> EXTENSION_CHECK_KEYS = Set.of("message", "n", "seed", "model", "data",
            "examples", "examples_total");

    private static Schema schema;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = EvidenceContractTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            assertThat(in).as(SCHEMA_RESOURCE + " on the class path").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    /** 100 rows: sex F (48, 36 right), M (48, 44 right), X (4, left out); label "1" positive. */
    private static Dataset holdout() {
        List<String> sex = new ArrayList<>();
        List<String> income = new ArrayList<>();
        List<String> pred = new ArrayList<>();
        rows(sex, income, pred, "F", 48, 36);
        rows(sex, income, pred, "M", 48, 44);
        rows(sex, income, pred, "X", 4, 2);
        return Datasets.inMemory("holdout")
                .categorical("sex", sex.toArray(String[]::new))
                .categorical("income", income.toArray(String[]::new))
                .categorical("y_pred", pred.toArray(String[]::new))
                .label("income").positive("1").load();
    }

    private static void rows(List<String> sex, List<String> income, List<String> pred, String group, int n,
                             int right) {
        for (int i = 0; i < n; i++) {
            String truth = i % 3 == 0 ? "1" : "0";
            sex.add(group);
            income.add(truth);
            pred.add(i < right ? truth : truth.equals("1") ? "0" : "1");
        }
    }

    private AssaySettings settings(Path dir, long seed) {
        Map<String, String> config = new HashMap<>();
        config.put(AssayConstants.EVIDENCE_DIR, dir.resolve("evidence").toString());
        config.put(AssayConstants.ALLURE_RESULTS_DIR, dir.resolve("allure-results").toString());
        config.put(AssayConstants.EVIDENCE_TIMESTAMP, TIMESTAMP);
        config.put(AssayConstants.SEED, Long.toString(seed));
        config.put(AssayConstants.SUITE, SUITE);
        return AssaySettings.of(k -> Optional.ofNullable(config.get(k)), Map.of(), Map.of());
    }

    /** A whole run: a failing per-group accuracy gate, a passing F1 (bootstrap interval), an error, a PII finding. */
    private Path run(Path dir, long seed) {
        RunRecorder recorder = new RunRecorder(settings(dir, seed));
        RunContext ctx = new RunContext(SUITE, recorder.seed());
        Dataset data = holdout();
        Model model = Models.predictions("y_pred");
        recorder.record(Checks.evaluate(Performance.check().named("Accuracy by sex").metric("accuracy").by("sex")
                .atLeast(0.8).decision(Decision.STRICT).build(), model, data, ctx));
        recorder.record(Checks.evaluate(Performance.check().named("F1 overall").metric("f1").atLeast(0.5)
                .bootstrap(200).build(), model, data, ctx));
        recorder.record(Checks.evaluate(Performance.check().named("Recall of a missing model").metric("recall")
                .build(), Models.predictions("no_such_column"), data, ctx));
        recorder.record(CheckResult.builder("pii-leak", "No PII in answers").id("credit-model-release-gate/no-pii")
                .metric("findings").value(1).threshold(Threshold.atMost(0)).verdict(Verdict.FAIL).n(100).seed(seed)
                .message("1 finding of EMAIL_ADDRESS")
                .finding(new Finding(3, "EMAIL_ADDRESS", 10, 27, "j***@e******.com", 1.0)).build());
        CheckResult.Builder flips = CheckResult.builder("invariance", "Sex-blind decisions")
                .id("credit-model-release-gate/sex-blind").metric("flip_rate").value(0.25)
                .threshold(Threshold.atMost(0)).verdict(Verdict.FAIL).n(4).seed(seed).examplesCap(2);
        for (int row = 0; row < 3; row++) {
            flips.failingCase(Example.builder().row(row).input("sex", "F").perturbed("sex", "M")
                    .perturbation("swap sex").seed(seed).expected("label 0").answer("1").reason("label changed")
                    .build());
        }
        recorder.record(flips.build());
        return recorder.flush();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void the_written_file_follows_the_contract_key_by_key() throws IOException {
        Path file = run(tmp, 7);
        assertThat(file).isEqualTo(tmp.resolve("evidence").resolve("evidence.json"));
        JsonNode evidence = JSON.readTree(file.toFile());

        assertThat(keys(evidence)).containsExactly("schema", "suite", "seed", "started", "model", "data", "checks");
        assertThat(evidence.get("schema").asText()).isEqualTo("assay-evidence/1");
        assertThat(evidence.get("suite").asText()).isEqualTo(SUITE);
        assertThat(evidence.get("seed").isIntegralNumber()).isTrue();
        assertThat(evidence.get("seed").asLong()).isEqualTo(7);
        assertThat(evidence.get("started").asText()).isEqualTo(TIMESTAMP);
        assertThat(keys(evidence.get("model"))).containsExactly("id", "kind", "fingerprint");
        assertThat(evidence.get("model").get("fingerprint").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(keys(evidence.get("data"))).containsExactly("path", "rows", "sha256");
        assertThat(evidence.get("data").get("rows").asLong()).isEqualTo(100);

        JsonNode checks = evidence.get("checks");
        assertThat(checks).hasSize(5);
        for (JsonNode check : checks) {
            List<String> keys = keys(check);
            List<String> contractKeys = keys.stream().filter(CONTRACT_CHECK_KEYS::contains).toList();
            assertThat(CONTRACT_CHECK_KEYS).as("contract keys of %s in contract order", check.get("id"))
                    .containsSubsequence(contractKeys);
            assertThat(keys).as("keys of %s", check.get("id")).allMatch(k -> CONTRACT_CHECK_KEYS.contains(k)
                    || EXTENSION_CHECK_KEYS.contains(k));
        }

        JsonNode byGroup = checks.get(0);
        assertThat(keys(byGroup)).containsExactly("id", "name", "kind", "metric", "value", "ci", "confidence",
                "threshold", "decision", "verdict", "message", "n", "seed", "model", "data", "groups");
        assertThat(byGroup.get("id").asText()).isEqualTo("credit-model-release-gate/accuracy-by-sex");
        assertThat(byGroup.get("ci")).hasSize(2);
        assertThat(byGroup.get("ci").get(0).asDouble()).isLessThanOrEqualTo(byGroup.get("value").asDouble())
                .isLessThanOrEqualTo(byGroup.get("ci").get(1).asDouble());
        assertThat(keys(byGroup.get("threshold"))).containsExactly("min");
        assertThat(byGroup.get("decision").asText()).isEqualTo("strict");
        assertThat(byGroup.get("verdict").asText()).isEqualTo("fail");
        assertThat(byGroup.get("value").asDouble()).isEqualTo(0.75); // 36 of 48 right in F
        JsonNode groups = byGroup.get("groups");
        assertThat(groups).hasSize(3);
        for (JsonNode g : groups) {
            assertThat(keys(g).subList(0, 3)).containsExactly("group", "n", "metrics");
            assertThat(keys(g)).isSubsetOf("group", "n", "metrics", "ci", "excluded");
        }
        assertThat(groups.get(2).get("group").get("sex").asText()).isEqualTo("X");
        assertThat(groups.get(2).get("n").asLong()).isEqualTo(4);
        assertThat(groups.get(2).get("excluded").asText()).contains("min-group-size");

        JsonNode f1 = checks.get(1);
        assertThat(f1.get("verdict").asText()).isEqualTo("pass");
        assertThat(f1.get("ci")).hasSize(2);
        JsonNode error = checks.get(2);
        assertThat(error.get("verdict").asText()).isEqualTo("error");
        assertThat(error.has("value")).isFalse();
        assertThat(error.get("message").asText()).contains("no_such_column");
        JsonNode pii = checks.get(3);
        assertThat(keys(pii.get("findings").get(0))).containsExactly("row", "entity", "start", "end", "masked",
                "score");
        JsonNode flips = checks.get(4);
        assertThat(flips.get("examples")).hasSize(2);
        assertThat(flips.get("examples_total").asLong()).isEqualTo(3);
        assertThat(keys(flips.get("examples").get(0))).containsExactly("row", "input", "perturbed", "perturbation",
                "seed", "expected", "answer", "reason");
    }

    @Test
    void every_failing_case_goes_to_the_checks_replay_file() throws IOException {
        run(tmp, 7);
        Path replay = tmp.resolve("evidence").resolve("regressions")
                .resolve("credit-model-release-gate.sex-blind.jsonl");
        assertThat(replay).exists();
        assertThat(RegressionFile.read(replay)).extracting(Example::row).containsExactly(0L, 1L, 2L);
        try (var files = Files.list(tmp.resolve("evidence").resolve("regressions"))) {
            assertThat(files).as("only checks with failing cases get a replay file").hasSize(1);
        }
    }

    @Test
    void the_written_file_validates_against_the_shipped_schema() throws IOException {
        Path file = run(tmp, 7);

        List<Error> errors = schema.validate(Files.readString(file), InputFormat.JSON);

        assertThat(errors).as("schema errors").isEmpty();
    }

    @Test
    void the_schema_rejects_evidence_that_breaks_the_contract() throws IOException {
        ObjectNode evidence = (ObjectNode) JSON.readTree(run(tmp, 7).toFile());

        ObjectNode badVerdict = evidence.deepCopy();
        ((ObjectNode) badVerdict.get("checks").get(0)).put("verdict", "passed");
        ObjectNode shortCi = evidence.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) shortCi.get("checks").get(0).get("ci")).remove(1);
        ObjectNode unknownKey = evidence.deepCopy();
        unknownKey.put("extra", true);
        ObjectNode noSchema = evidence.deepCopy();
        noSchema.remove("schema");
        ObjectNode failWithoutThreshold = evidence.deepCopy();
        ((ObjectNode) failWithoutThreshold.get("checks").get(0)).remove(List.of("threshold", "decision"));
        ObjectNode rawNumberAsString = evidence.deepCopy();
        ((ObjectNode) rawNumberAsString.get("checks").get(0)).put("value", "0.75");

        assertThat(schema.validate(badVerdict)).isNotEmpty();
        assertThat(schema.validate(shortCi)).isNotEmpty();
        assertThat(schema.validate(unknownKey)).isNotEmpty();
        assertThat(schema.validate(noSchema)).isNotEmpty();
        assertThat(schema.validate(failWithoutThreshold)).isNotEmpty();
        assertThat(schema.validate(rawNumberAsString)).isNotEmpty();
        assertThat(schema.validate(evidence)).isEmpty();
    }

    @Test
    void drift_bins_and_dp_audit_probabilities_validate_and_broken_bins_do_not() throws IOException {
        Dataset ref = Datasets.inMemory("ref").categorical("label", new String[] {"no", "yes", "no", "yes"}).load();
        Dataset cur = Datasets.inMemory("cur").categorical("label", new String[] {"yes", "yes", "yes", "no"}).load();
        CheckResult drift = dev.assay.core.data.Drift.between(ref, cur).named("Label drift").evaluate();
        assertThat(drift.groups().get(0).bins()).hasSize(2);
        CheckResult audit = dev.assay.core.privacy.DpAudit.of(
                (Double bit, java.util.random.RandomGenerator rng) -> rng.nextInt(4) < 3 == bit > 0.5)
                .neighbours(0.0, 1.0).claims(0.5).samples(2_000).seed(3).name("Audit").run().toCheckResult();
        assertThat(audit.groups().get(0).ci()).containsKeys("first_probability", "second_probability");
        String json = dev.assay.core.Evidence.of(SUITE, 7, TIMESTAMP, List.of(drift, audit)).toJson();
        ObjectNode evidence = (ObjectNode) JSON.readTree(json);

        assertThat(schema.validate(json, InputFormat.JSON)).as("schema errors").isEmpty();

        ObjectNode overOne = evidence.deepCopy();
        ((ObjectNode) overOne.get("checks").get(0).get("groups").get(0).get("bins").get(0)).put("current", 1.5);
        ObjectNode noLabel = evidence.deepCopy();
        ((ObjectNode) noLabel.get("checks").get(0).get("groups").get(0).get("bins").get(0)).remove("label");
        ObjectNode extraKey = evidence.deepCopy();
        ((ObjectNode) extraKey.get("checks").get(0).get("groups").get(0).get("bins").get(0)).put("raw", "x");
        assertThat(schema.validate(overOne)).isNotEmpty();
        assertThat(schema.validate(noLabel)).isNotEmpty();
        assertThat(schema.validate(extraKey)).isNotEmpty();
    }

    @Test
    void the_same_inputs_and_seed_give_byte_identical_evidence_and_another_seed_does_not() throws IOException {
        byte[] first = Files.readAllBytes(run(tmp.resolve("a"), 7));
        byte[] second = Files.readAllBytes(run(tmp.resolve("b"), 7));
        byte[] otherSeed = Files.readAllBytes(run(tmp.resolve("c"), 8));

        assertThat(second).isEqualTo(first);
        // the seed is in the evidence, and it drives the F1 bootstrap interval
        assertThat(new String(otherSeed, StandardCharsets.UTF_8)).isNotEqualTo(new String(first, StandardCharsets.UTF_8));
        JsonNode a = JSON.readTree(first);
        JsonNode c = JSON.readTree(otherSeed);
        assertThat(c.get("checks").get(1).get("ci")).isNotEqualTo(a.get("checks").get(1).get("ci"));
        assertThat(c.get("checks").get(1).get("value")).isEqualTo(a.get("checks").get(1).get("value"));
    }

    @Test
    void flushing_also_writes_allure_run_files_next_to_the_results() {
        run(tmp, 7);

        Path allure = tmp.resolve("allure-results");
        // the erroring check names its own (missing) prediction column: two models in this run
        assertThat(allure.resolve("environment.properties")).content().contains("assay.seed=7",
                "model.1.id=column\\:y_pred", "model.2.id=column\\:no_such_column", "data.path=holdout");
        assertThat(allure.resolve("categories.json")).content().contains("Threshold failures");
    }
}

package dev.assay.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.AssayException;
import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.ModelInfo;
import dev.assay.core.Verdict;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureEnvironmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    private static CheckResult result(String name, ModelInfo model, DataInfo data) {
        return CheckResult.builder("performance", name).verdict(Verdict.PASS).model(model).data(data).build();
    }

    private Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void one_model_and_one_data_set_are_written_unnumbered_and_read_back_by_java_util_properties() throws Exception {
        ModelInfo model = new ModelInfo("credit-rule", "java", "sha256:" + SHA);
        DataInfo data = new DataInfo("data/adult holdout.csv", 1000, SHA);
        AllureEnvironment.writeRunFiles(dir, 7, List.of(result("a", model, data), result("b", model, data)), Map.of());

        Properties p = load(dir.resolve("environment.properties"));
        assertThat(p).containsEntry("model.id", "credit-rule").containsEntry("model.kind", "java")
                .containsEntry("model.fingerprint", "sha256:" + SHA)
                .containsEntry("data.path", "data/adult holdout.csv").containsEntry("data.rows", "1000")
                .containsEntry("data.sha256", SHA).containsEntry("assay.seed", "7")
                .containsEntry("assay.version", "dev")
                .containsEntry("java.version", System.getProperty("java.version"))
                .doesNotContainKeys("model.1.id");
        assertThat(Files.readAllLines(dir.resolve("environment.properties")).get(0)).isEqualTo("model.id=credit-rule");
    }

    @Test
    void several_models_and_data_sets_are_numbered_in_order_of_appearance() throws Exception {
        ModelInfo a = new ModelInfo("candidate-a", "http", "sha256:" + SHA);
        ModelInfo b = new ModelInfo("candidate-b", "onnx", null);
        DataInfo d1 = new DataInfo("holdout.csv", 10, SHA);
        DataInfo d2 = new DataInfo("prompts.jsonl", 3, "b".repeat(64));
        AllureEnvironment.writeRunFiles(dir, 1,
                List.of(result("1", a, d1), result("2", b, d1), result("3", a, d2)), Map.of());

        Properties p = load(dir.resolve("environment.properties"));
        assertThat(p).containsEntry("model.1.id", "candidate-a").containsEntry("model.1.kind", "http")
                .containsEntry("model.2.id", "candidate-b").containsEntry("model.2.kind", "onnx")
                .containsEntry("data.1.path", "holdout.csv").containsEntry("data.2.path", "prompts.jsonl")
                .containsEntry("data.2.sha256", "b".repeat(64))
                .doesNotContainKeys("model.id", "data.path", "model.2.fingerprint", "model.3.id");
    }

    @Test
    void the_distinct_models_and_data_sets_compare_every_record_component() {
        // AllureEnvironment tells models and data sets apart by their components, field by field, instead of the
        // records' equals (cold-start cost): a new component must be added there too, and this test says so
        assertThat(java.util.Arrays.stream(ModelInfo.class.getRecordComponents()).map(c -> c.getName()))
                .as("ModelInfo's components, compared by AllureEnvironment.containsModel")
                .containsExactly("id", "kind", "fingerprint");
        assertThat(java.util.Arrays.stream(DataInfo.class.getRecordComponents()).map(c -> c.getName()))
                .as("DataInfo's components, compared by AllureEnvironment.containsData")
                .containsExactly("path", "rows", "sha256");
    }

    @Test
    void values_with_special_characters_survive_the_properties_syntax() throws Exception {
        String id = " lead space = colon: hash# bang! back\\slash\nnew line \u00e9 \u4e2d \ud83d\ude00";
        AllureEnvironment.writeRunFiles(dir, 1, List.of(result("x", new ModelInfo(id, "java", null), null)),
                Map.of());

        Path file = dir.resolve("environment.properties");
        assertThat(load(file)).containsEntry("model.id", id);
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            assertThat(b & 0xff).as("every byte is printable ASCII or a newline").matches(c -> c == '\n'
                    || (c >= 0x20 && c < 0x7f));
        }
    }

    @Test
    void categories_separate_threshold_failures_model_or_data_errors_and_configuration_errors() throws Exception {
        AllureEnvironment.writeRunFiles(dir, 1, List.of(), Map.of());
        JsonNode categories = JSON.readTree(dir.resolve("categories.json").toFile());

        assertThat(categories).hasSize(3);
        List<String> names = new ArrayList<>();
        categories.forEach(c -> names.add(c.get("name").asText()));
        assertThat(names).containsExactly("Threshold failures", "Model or data errors", "Configuration errors");

        // messages as the core writes them (PerformanceCheck, Checks, AssaySettings) and a scenario loader error
        String threshold = "accuracy of 1 of 2 groups is not at least 0.8 (decision: point): sex=F 0.75 "
                + "[0.5983, 0.858] (n=40)\nexpected: at least 0.8";
        String thresholdAssertJ = "\nExpecting check \"Accuracy\" to pass\nbut accuracy was 0.75, "
                + "threshold at least 0.8, decision rule strict";
        String model = "model 'credit' failed: java.net.ConnectException: Connection refused";
        String data = "holdout.csv: column 'income' row 12: label '?' is missing";
        String scenario = "src/test/resources/assay/credit.assay.yaml:12:7: unknown key 'treshold' "
                + "(decision: point)";
        String setting = "configuration assay.seed = 'seven' is not a number";

        assertThat(categoriesOf(categories, "failed", threshold)).containsExactly("Threshold failures");
        assertThat(categoriesOf(categories, "failed", thresholdAssertJ)).containsExactly("Threshold failures");
        assertThat(categoriesOf(categories, "broken", model)).containsExactly("Model or data errors");
        assertThat(categoriesOf(categories, "broken", data)).containsExactly("Model or data errors");
        assertThat(categoriesOf(categories, "failed", scenario)).containsExactly("Configuration errors");
        assertThat(categoriesOf(categories, "broken", scenario)).containsExactly("Configuration errors");
        assertThat(categoriesOf(categories, "broken", setting)).containsExactly("Configuration errors");
        assertThat(categoriesOf(categories, "failed", "expected: <1> but was: <2>")).isEmpty();
        assertThat(categoriesOf(categories, "passed", threshold)).isEmpty();
        // a JSONL data file's line:column is not a scenario position
        assertThat(categoriesOf(categories, "broken", "prompts.jsonl:3:14: not a JSON object"))
                .containsExactly("Model or data errors");
    }

    /** The categories a test result lands in, matched as Allure 2 does: status listed and the whole message matching. */
    private static List<String> categoriesOf(JsonNode categories, String status, String message) {
        List<String> matched = new ArrayList<>();
        for (JsonNode c : categories) {
            boolean statusOk = false;
            for (JsonNode s : c.get("matchedStatuses")) {
                statusOk |= s.asText().equals(status);
            }
            JsonNode regex = c.get("messageRegex");
            if (statusOk && (regex == null || Pattern.compile(regex.asText()).matcher(message).matches())) {
                matched.add(c.get("name").asText());
            }
        }
        return matched;
    }

    @Test
    void executor_is_taken_from_github_actions_variables() throws Exception {
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/credit-model", "GITHUB_RUN_ID", "9876543210", "GITHUB_RUN_NUMBER", "42",
                "GITHUB_WORKFLOW", "Model gate", "GITHUB_TOKEN", "ghs_secret");
        AllureEnvironment.writeRunFiles(dir, 1, List.of(), env);

        String text = Files.readString(dir.resolve("executor.json"));
        JsonNode e = JSON.readTree(text);
        assertThat(e.get("name").asText()).isEqualTo("GitHub Actions");
        assertThat(e.get("type").asText()).isEqualTo("github");
        assertThat(e.get("url").asText()).isEqualTo("https://github.com/acme/credit-model");
        assertThat(e.get("buildOrder").asLong()).isEqualTo(42);
        assertThat(e.get("buildOrder").isNumber()).isTrue();
        assertThat(e.get("buildName").asText()).isEqualTo("Model gate #42");
        assertThat(e.get("buildUrl").asText()).isEqualTo("https://github.com/acme/credit-model/actions/runs/9876543210");
        assertThat(text).doesNotContain("ghs_secret");
    }

    @Test
    void executor_is_taken_from_gitlab_ci_variables() throws Exception {
        Map<String, String> env = Map.of("GITLAB_CI", "true", "CI_JOB_URL", "https://gitlab.com/acme/credit/-/jobs/77",
                "CI_PIPELINE_ID", "1234", "CI_PROJECT_URL", "https://gitlab.com/acme/credit", "CI_JOB_NAME", "gate");
        AllureEnvironment.writeRunFiles(dir, 1, List.of(), env);

        JsonNode e = JSON.readTree(dir.resolve("executor.json").toFile());
        assertThat(e.get("name").asText()).isEqualTo("GitLab CI");
        assertThat(e.get("type").asText()).isEqualTo("gitlab");
        assertThat(e.get("buildOrder").asLong()).isEqualTo(1234);
        assertThat(e.get("buildUrl").asText()).isEqualTo("https://gitlab.com/acme/credit/-/jobs/77");
        assertThat(e.get("url").asText()).isEqualTo("https://gitlab.com/acme/credit");
        assertThat(e.get("buildName").asText()).isEqualTo("gate in pipeline #1234");
    }

    @Test
    void executor_is_taken_from_jenkins_variables_without_credentials_in_urls() throws Exception {
        Map<String, String> env = Map.of("JENKINS_URL", "https://bot:s3cr3t-token@ci.acme.test/",
                "BUILD_URL", "https://bot:s3cr3t-token@ci.acme.test/job/credit%20gate/15/", "BUILD_NUMBER", "15",
                "JOB_NAME", "credit gate");
        AllureEnvironment.writeRunFiles(dir, 1, List.of(), env);

        String text = Files.readString(dir.resolve("executor.json"));
        JsonNode e = JSON.readTree(text);
        assertThat(e.get("name").asText()).isEqualTo("Jenkins");
        assertThat(e.get("type").asText()).isEqualTo("jenkins");
        assertThat(e.get("url").asText()).isEqualTo("https://ci.acme.test/");
        assertThat(e.get("buildUrl").asText()).isEqualTo("https://ci.acme.test/job/credit%20gate/15/");
        assertThat(e.get("buildOrder").asLong()).isEqualTo(15);
        assertThat(e.get("buildName").asText()).isEqualTo("credit gate #15");
        assertThat(text).doesNotContain("s3cr3t", "bot:");
    }

    @Test
    void no_executor_file_outside_ci() {
        AllureEnvironment.writeRunFiles(dir, 1, List.of(), Map.of("PATH", "/usr/bin", "GITHUB_ACTIONS", "false"));

        assertThat(dir.resolve("executor.json")).doesNotExist();
        assertThat(dir.resolve("environment.properties")).exists();
        assertThat(dir.resolve("categories.json")).exists();
    }

    @Test
    void an_unwritable_results_directory_is_an_error_naming_the_file() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> AllureEnvironment.writeRunFiles(notADir, 1, List.of(), Map.of()))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining(notADir.resolve("environment.properties").toString());
    }
}

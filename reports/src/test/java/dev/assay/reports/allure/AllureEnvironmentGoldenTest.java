package dev.assay.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.ModelInfo;
import dev.assay.core.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allure's run files byte for byte against goldens that the code on main produced before the cold-start work
 * (branch coldflush): models and data sets repeated, interleaved and equal but not identical, with redacted URLs and
 * characters that the properties syntax escapes; categories.json; executor.json of GitHub Actions, GitLab CI and
 * Jenkins.
 */
class AllureEnvironmentGoldenTest {
    @TempDir
    Path dir;

    private static String golden(String name) throws IOException {
        try (InputStream in = AllureEnvironmentGoldenTest.class.getResourceAsStream("/dev/assay/reports/golden/"
                + name)) {
            assertThat(in).as("golden resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CheckResult result(String name, ModelInfo model, DataInfo data) {
        return CheckResult.builder("performance", name).verdict(Verdict.PASS).model(model).data(data).build();
    }

    private static List<CheckResult> results() {
        ModelInfo m1 = new ModelInfo("credit-rule", "java", "sha256:" + "a".repeat(64));
        ModelInfo m2 = new ModelInfo("https://user:pw@models.example/v2/models/credit?api_key=s3cr3t&x=1", "http",
                null);
        ModelInfo m3 = new ModelInfo("mod\u00e8le = #1: \u00e9t\u00e9!", "onnx", "sha256:" + "b".repeat(64));
        DataInfo d1 = new DataInfo("data/adult holdout.csv", 1000, "c".repeat(64));
        DataInfo d2 = new DataInfo(null, 16281, null);
        DataInfo d3 = new DataInfo(" lead\tand\\trail:\u00e9\u4e2d", 3, "d".repeat(64));
        return List.of(result("a", m1, d1), result("b", m2, d1), result("c", m1, d2), result("d", null, null),
                result("e", m3, d3), result("f", m2, d2),
                result("g", new ModelInfo("credit-rule", "java", "sha256:" + "a".repeat(64)), d3));
    }

    private String written(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.ISO_8859_1);
    }

    @Test
    void run_files_of_github_actions_are_the_golden_ones() throws IOException {
        AllureEnvironment.writeRunFiles(dir, 7, results(), Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY",
                "acme/credit", "GITHUB_RUN_ID", "123456", "GITHUB_RUN_NUMBER", "42", "GITHUB_WORKFLOW",
                "Release \"gate\"", "GITHUB_SERVER_URL", "https://github.example/"));

        assertThat(written(AllureEnvironment.ENVIRONMENT_FILE)).isEqualTo(golden("environment.properties")
                + "java.version=" + System.getProperty("java.version") + "\n");
        assertThat(written(AllureEnvironment.CATEGORIES_FILE)).isEqualTo(golden("categories.json"));
        assertThat(written(AllureEnvironment.EXECUTOR_FILE)).isEqualTo(golden("executor-github.json"));
    }

    @Test
    void executor_files_of_gitlab_and_jenkins_are_the_golden_ones() throws IOException {
        AllureEnvironment.writeRunFiles(dir, 7, results(), Map.of("GITLAB_CI", "true", "CI_PIPELINE_ID", "9876",
                "CI_JOB_NAME", "model gate", "CI_PROJECT_URL", "https://gitlab-ci-token:abc@gitlab.example/acme/credit",
                "CI_PIPELINE_URL", "https://gitlab.example/acme/credit/-/pipelines/9876"));
        assertThat(written(AllureEnvironment.EXECUTOR_FILE)).isEqualTo(golden("executor-gitlab.json"));

        AllureEnvironment.writeRunFiles(dir, 7, results(), Map.of("JENKINS_URL", "https://admin:token@jenkins.example/",
                "BUILD_NUMBER", "x17", "JOB_NAME", "credit/main", "BUILD_URL", "https://jenkins.example/job/credit/17/"));
        assertThat(written(AllureEnvironment.EXECUTOR_FILE)).isEqualTo(golden("executor-jenkins.json"));
    }

    @Test
    void models_and_data_sets_are_told_apart_by_every_component_of_their_records() {
        // AllureEnvironment compares ModelInfo and DataInfo component by component (cheaper in a cold JVM than the
        // records' equals); a new component must be added there too
        assertThat(java.util.Arrays.stream(ModelInfo.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)).containsExactly("id", "kind", "fingerprint");
        assertThat(java.util.Arrays.stream(DataInfo.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)).containsExactly("path", "rows", "sha256");
    }
}

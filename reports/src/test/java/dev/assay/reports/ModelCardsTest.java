package dev.assay.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.AssayConstants;
import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Decision;
import dev.assay.core.Evidence;
import dev.assay.core.Finding;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Models;
import dev.assay.core.Performance;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.reports.internal.LeakScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model card that {@link RunRecorder#flush()} writes next to evidence.json: every number copied from the
 * evidence, checks grouped by family with verdicts, per-group tables with intervals, the team's sections from the
 * configured file, self-contained and escaped HTML, and no secrets from model URLs.
 */
class ModelCardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUITE = "Credit model release gate";
    private static final String SECRET_TOKEN = "tok-9f8e7d6c5b4a";
    private static final String SECRET_KEY = "K3Y-ab12cd34ef56";

    @TempDir
    Path tmp;

    /** 100 rows: sex F (48 rows, 36 right), M (48, 44 right), X (4, 2 right); label "1" positive. */
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

    private AssaySettings settings(Path dir, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>();
        config.put(AssayConstants.EVIDENCE_DIR, dir.resolve("assay").toString());
        config.put(AssayConstants.ALLURE_RESULTS_DIR, dir.resolve("allure-results").toString());
        config.put(AssayConstants.EVIDENCE_TIMESTAMP, "2026-11-26T12:00:00Z");
        config.put(AssayConstants.SEED, "7");
        config.put(AssayConstants.SUITE, SUITE);
        config.putAll(extra);
        return AssaySettings.of(k -> Optional.ofNullable(config.get(k)), Map.of(), Map.of());
    }

    private RunRecorder run(Path dir, Map<String, String> extra) {
        RunRecorder recorder = new RunRecorder(settings(dir, extra));
        RunContext ctx = new RunContext(SUITE, recorder.seed());
        Dataset data = holdout();
        Model model = Models.predictions("y_pred");
        recorder.record(Checks.evaluate(Performance.check().named("Accuracy by sex").metric("accuracy").by("sex")
                .minGroupSize(10).atLeast(0.8).decision(Decision.POINT).build(), model, data, ctx));
        recorder.record(CheckResult.builder("pii-leak", "No PII in answers").id("credit/no-pii")
                .metric("findings").value(1).threshold(Threshold.atMost(0)).verdict(Verdict.FAIL).n(100).seed(7)
                .model(new ModelInfo("https://svc:" + SECRET_TOKEN + "@models.example/v2/credit?api_key=" + SECRET_KEY,
                        "http", "sha256:" + "ab".repeat(32)))
                .data(new DataInfo("answers.jsonl", 100, "cd".repeat(32)))
                .message("1 finding of EMAIL_ADDRESS")
                .finding(new Finding(3, "EMAIL_ADDRESS", 10, 27, "j***@e******.com", 1.0)).build());
        recorder.flush();
        return recorder;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void flush_writes_a_markdown_and_an_html_card_next_to_the_evidence_with_the_numbers_of_the_evidence()
            throws IOException {
        run(tmp, Map.of());
        Path dir = tmp.resolve("assay");
        JsonNode evidence = JSON.readTree(dir.resolve("evidence.json").toFile());
        String md = read(dir.resolve(ModelCards.MARKDOWN_FILE));
        String html = read(dir.resolve(ModelCards.HTML_FILE));

        assertThat(md).startsWith("# Model card: " + SUITE + "\n")
                .contains("**Release gate: FAILED** (2 checks: 0 passed, 2 failed, 0 errored)");
        // sections in the paper's order
        assertThat(md).containsSubsequence("## Model details", "## Intended use", "## Factors", "## Metrics",
                "## Evaluation data", "## Training data", "## Quantitative analyses", "### Performance", "### PII",
                "## Ethical considerations", "## Limitations", "## Caveats and recommendations");
        // fingerprints copied from the evidence
        String modelFingerprint = evidence.get("model").get("fingerprint").asText();
        String dataSha = evidence.get("data").get("sha256").asText();
        assertThat(modelFingerprint).startsWith("sha256:");
        assertThat(md).contains("`" + modelFingerprint + "`", "`" + dataSha + "`", "| holdout | 100 |");
        assertThat(html).contains("<code>" + modelFingerprint + "</code>", "<code>" + dataSha + "</code>");
        // per group: F 36/48 = 0.75, M 44/48 = 0.9167 (4 significant digits), X (4 rows) left out of the verdict
        assertThat(md).containsPattern("\\| F \\| 48 \\| 0\\.75 \\[0\\.\\d+, 0\\.\\d+\\]")
                .containsPattern("\\| M \\| 48 \\| 0\\.9167 \\[0\\.\\d+, 0\\.\\d+\\]")
                .containsPattern("\\| X \\| 4 \\| .* \\| excluded: ");
        // the check rows with their verdicts, under their families
        assertThat(md).containsSubsequence("### Performance", "| Accuracy by sex | performance | accuracy | 0.75 |",
                "at least 0.8 | point | ", "| fail |", "### PII", "| No PII in answers | pii-leak | findings | 1 |",
                "at most 0 |");
        assertThat(md).contains("No PII in answers: 1 finding (EMAIL\\_ADDRESS: 1)");
        assertThat(html).contains("<td class=\"fail\">fail</td>", "<h3>Performance</h3>", "<h3>PII</h3>");
        // the evidence's own digest, so that the card names the evidence it was made from
        assertThat(md).contains("evidence SHA-256 sha256:" + sha256Hex(Files.readAllBytes(dir.resolve("evidence.json"))));
    }

    @Test
    void the_team_sections_come_from_the_configured_file_escaped_in_html_and_missing_ones_are_marked()
            throws IOException {
        Path sections = tmp.resolve("model-card.md");
        Files.writeString(sections, String.join("\n",
                "# ignored title",
                "## Intended use",
                "Screening of **consumer loan** applications by trained staff.",
                "",
                "- not for automated denial",
                "- not for `employment` decisions",
                "## Limitations",
                "Trained on 2019 data. <script>alert('x')</script>",
                "## Contact",
                "risk-models team"));
        run(tmp, Map.of(ModelCards.SECTIONS_KEY, sections.toString()));
        String md = read(tmp.resolve("assay").resolve(ModelCards.MARKDOWN_FILE));
        String html = read(tmp.resolve("assay").resolve(ModelCards.HTML_FILE));

        assertThat(md).containsSubsequence("## Intended use", "Screening of **consumer loan** applications",
                "- not for automated denial", "## Limitations", "Trained on 2019 data.", "## Contact",
                "risk-models team");
        assertThat(md).doesNotContain("ignored title");
        assertThat(md).containsSubsequence("## Ethical considerations", "*Not provided by the team");
        assertThat(html).contains("<strong>consumer loan</strong>",
                "<ul>\n<li>not for automated denial</li>\n<li>not for <code>employment</code> decisions</li>\n</ul>",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "<h2>Contact</h2>");
        // self-contained: no script, no external asset or link of any kind
        // (the model's URL is shown as text, never as a link)
        assertThat(html).doesNotContain("<script", "src=", "href=", "<link", "<a ", "<img", "@import", "url(");
    }

    @Test
    void a_configured_sections_file_that_does_not_exist_is_an_error_naming_the_key_and_the_file() {
        Path missing = tmp.resolve("nope.md");
        AssaySettings settings = settings(tmp, Map.of(ModelCards.SECTIONS_KEY, missing.toString()));

        assertThatThrownBy(() -> ModelCards.sectionsFile(settings)).isInstanceOf(AssayException.class)
                .hasMessageContaining("configuration assay.modelcard.sections = " + missing)
                .hasMessageContaining("no such file");
    }

    @Test
    void urls_credentials_and_secret_query_parameters_never_reach_the_card_or_the_allure_environment() {
        run(tmp, Map.of());

        // the evidence is the core's business; everything the reports module writes must be clean
        List<LeakScan.Hit> hits = LeakScan.scan(List.of(tmp.resolve("assay").resolve(ModelCards.MARKDOWN_FILE),
                tmp.resolve("assay").resolve(ModelCards.HTML_FILE), tmp.resolve("allure-results")),
                List.of(SECRET_TOKEN, SECRET_KEY));
        assertThat(hits).isEmpty();
        assertThat(tmp.resolve("assay").resolve(ModelCards.MARKDOWN_FILE)).content()
                .contains("https://models.example/v2/credit?api\\_key=\\*\\*\\*");
    }

    @Test
    void the_same_inputs_and_seed_give_byte_identical_cards_and_manifests() throws IOException {
        run(tmp.resolve("a"), Map.of());
        run(tmp.resolve("b"), Map.of());

        for (String f : List.of(ModelCards.MARKDOWN_FILE, ModelCards.HTML_FILE, Manifests.FILE_NAME)) {
            assertThat(Files.readAllBytes(tmp.resolve("b/assay").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a/assay").resolve(f)));
        }
    }

    @Test
    void flush_writes_a_manifest_that_lists_the_evidence_the_card_and_the_allure_files_and_verifies()
            throws IOException {
        run(tmp, Map.of());
        Path manifest = tmp.resolve("assay").resolve(Manifests.FILE_NAME);
        JsonNode m = JSON.readTree(manifest.toFile());
        List<String> paths = new ArrayList<>();
        m.get("files").forEach(f -> paths.add(f.get("path").asText()));

        assertThat(paths).containsExactly("allure-results/categories.json", "allure-results/environment.properties",
                "assay/evidence.json", "assay/model-card.html", "assay/model-card.md");
        assertThat(m.get("files").get(2).get("sha256").asText())
                .isEqualTo(sha256Hex(Files.readAllBytes(tmp.resolve("assay/evidence.json"))));
        assertThat(Manifests.verify(manifest).problems()).isEmpty();
    }

    @Test
    void a_card_of_evidence_without_checks_says_so_and_does_not_pass_the_gate() {
        Evidence empty = Evidence.of("empty", 1, "2026-11-26T12:00:00Z", List.of());

        assertThat(ModelCards.markdown(empty, null)).contains("**Release gate: FAILED** (0 checks",
                "The evidence names no model.", "The evidence holds no checks.");
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

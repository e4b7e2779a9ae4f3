package dev.assay.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Decision;
import dev.assay.core.GroupResult;
import dev.assay.core.Models;
import dev.assay.core.Performance;
import dev.assay.core.Verdict;
import dev.assay.reports.allure.internal.WithAllureResults;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a real {@link AllureLifecycle} writing to disk, adds real check results to a test case and reads back what
 * Allure wrote.
 */
class AllureCheckWriterTest extends WithAllureResults {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double Z95 = 1.959963984540054;

    /**
     * 85 rows: sex F (40 rows, 30 right: accuracy 0.75), M (40 rows, 36 right: 0.9), X (5 rows, all right: left out,
     * fewer than 30 rows). Label "1" is positive.
     */
    static Dataset credit() {
        List<String> sex = new ArrayList<>();
        List<String> label = new ArrayList<>();
        List<String> pred = new ArrayList<>();
        addRows(sex, label, pred, "F", 40, 30);
        addRows(sex, label, pred, "M", 40, 36);
        addRows(sex, label, pred, "X", 5, 5);
        return Datasets.inMemory("credit-holdout")
                .categorical("sex", sex.toArray(String[]::new))
                .categorical("income", label.toArray(String[]::new))
                .categorical("y_pred", pred.toArray(String[]::new))
                .label("income").positive("1").sensitive("sex")
                .load();
    }

    /** {@code rows} rows of {@code group}, alternating labels, the first {@code right} predicted correctly. */
    private static void addRows(List<String> sex, List<String> label, List<String> pred, String group, int rows,
                                int right) {
        for (int i = 0; i < rows; i++) {
            String truth = i % 2 == 0 ? "1" : "0";
            sex.add(group);
            label.add(truth);
            pred.add(i < right ? truth : (truth.equals("1") ? "0" : "1"));
        }
    }

    static CheckResult accuracyBySex(double min) {
        return Performance.of(Models.predictions("y_pred")).on(credit()).named("Accuracy by sex")
                .metric("accuracy").by("sex").atLeast(min).decision(Decision.POINT).seed(7).evaluate();
    }

    private JsonNode runTest(Consumer<String> body) throws IOException {
        String uuid = UUID.randomUUID().toString();
        AllureLifecycle lifecycle = Allure.getLifecycle();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("credit gate"));
        lifecycle.startTestCase(uuid);
        body.accept(uuid);
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
        try (Stream<Path> files = Files.list(results)) {
            List<Path> written = files.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList();
            assertThat(written).hasSize(1);
            return JSON.readTree(written.get(0).toFile());
        }
    }

    private static Map<String, List<String>> labels(JsonNode test) {
        Map<String, List<String>> labels = new HashMap<>();
        test.get("labels").forEach(l -> labels.computeIfAbsent(l.get("name").asText(), k -> new ArrayList<>())
                .add(l.get("value").asText()));
        return labels;
    }

    private static Map<String, JsonNode> parameters(JsonNode test) {
        Map<String, JsonNode> params = new HashMap<>();
        test.get("parameters").forEach(p -> params.put(p.get("name").asText(), p));
        return params;
    }

    private Map<String, String> attachments(JsonNode test) throws IOException {
        Map<String, String> byName = new HashMap<>();
        for (JsonNode a : test.get("attachments")) {
            byName.put(a.get("name").asText() + " | " + a.get("type").asText(),
                    Files.readString(results.resolve(a.get("source").asText()), StandardCharsets.UTF_8));
        }
        return byName;
    }

    @Test
    void a_failed_check_adds_labels_parameters_and_its_tables_json_and_message() throws IOException {
        CheckResult result = accuracyBySex(0.8);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);

        JsonNode test = runTest(uuid -> AllureCheckWriter.write(result));

        Map<String, List<String>> labels = labels(test);
        assertThat(labels).containsEntry("epic", List.of("Performance")).containsEntry("feature", List.of("performance"))
                .containsEntry("story", List.of("accuracy")).containsEntry("severity", List.of("critical"))
                .containsEntry("tag", List.of("fail"));

        // Wilson 95% interval of 30 right of 40, computed here independently
        double p = 0.75;
        double n = 40;
        double centre = (p + Z95 * Z95 / (2 * n)) / (1 + Z95 * Z95 / n);
        double half = Z95 / (1 + Z95 * Z95 / n) * Math.sqrt(p * (1 - p) / n + Z95 * Z95 / (4 * n * n));
        String interval = "[" + fourDigits(centre - half) + ", " + fourDigits(centre + half) + "]";

        Map<String, JsonNode> params = parameters(test);
        assertThat(params.keySet()).containsExactlyInAnyOrder("seed", "threshold", "decision rule", "confidence",
                "value", "interval", "n");
        assertThat(params.get("seed").get("value").asText()).isEqualTo("7");
        assertThat(params.get("threshold").get("value").asText()).isEqualTo("at least 0.8");
        assertThat(params.get("decision rule").get("value").asText()).isEqualTo("point");
        assertThat(params.get("confidence").get("value").asText()).isEqualTo("0.95");
        assertThat(params.get("value").get("value").asText()).isEqualTo("0.75");
        assertThat(params.get("interval").get("value").asText()).isEqualTo(interval);
        assertThat(params.get("n").get("value").asText()).isEqualTo("85");
        assertThat(params.get("value").get("excluded").asBoolean()).as("measured values stay out of the history id")
                .isTrue();
        assertThat(params.get("threshold").path("excluded").asBoolean(false)).isFalse();

        Map<String, String> attachments = attachments(test);
        assertThat(attachments).containsOnlyKeys("Accuracy by sex - groups.html | text/html",
                "Accuracy by sex - groups.csv | text/csv",
                "Accuracy by sex - failure.txt | text/plain", "Accuracy by sex - groups.svg | image/svg+xml");
        // F's accuracy 0.75 on the 0..1 axis of the 400-pixel plot that starts at x = 200: cx = 200 + 0.75 * 400
        assertThat(attachments.get("Accuracy by sex - groups.svg | image/svg+xml")).startsWith("<svg ")
                .contains("<circle class=\"value\" cx=\"500\"", "<line class=\"threshold\"");
        assertThat(attachments.get("Accuracy by sex - groups.html | text/html"))
                .contains("verdict-fail\">fail<", "<td>F</td>", "<td>M</td>", "<tr class=\"excluded\"><td>X</td>",
                        "0.75 " + interval, ">0.9 [");
        List<String> csv = Arrays.asList(attachments.get("Accuracy by sex - groups.csv | text/csv").split("\r\n"));
        assertThat(csv.get(0)).startsWith("sex,n,accuracy,accuracy_ci_lower,accuracy_ci_upper,precision,");
        assertThat(csv).anyMatch(l -> l.startsWith("F,40,0.75,")).anyMatch(l -> l.startsWith("M,40,0.9,"))
                .anyMatch(l -> l.startsWith("X,5,1,") && l.endsWith(",fewer than 30 rows (min-group-size)"));
        assertThat(attachments.get("Accuracy by sex - failure.txt | text/plain"))
                .isEqualTo(result.message() + "\n").contains("sex=F 0.75", "at least 0.8");
        assertThat(test.path("status").asText()).as("the status is the test framework's").isNotEqualTo("failed");
    }

    @Test
    void a_passing_check_is_normal_severity_has_no_failure_attachment_and_given_options_are_applied()
            throws IOException {
        CheckResult result = accuracyBySex(0.7);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);

        JsonNode test = runTest(uuid -> AllureCheckWriter.write(result));
        Map<String, List<String>> labels = labels(test);
        assertThat(labels).containsEntry("severity", List.of("normal")).containsEntry("tag", List.of("pass"));
        assertThat(attachments(test).keySet()).noneMatch(k -> k.contains("failure.txt"));
    }

    @Test
    void failing_examples_are_attached_as_html_and_csv_with_the_total() throws IOException {
        CheckResult.Builder b = CheckResult.builder("invariance", "Sex-blind").metric("flip_rate").value(0.5)
                .threshold(dev.assay.core.Threshold.atMost(0)).verdict(Verdict.FAIL).examplesCap(1);
        b.failingCase(dev.assay.core.Example.builder().row(4).input("sex", "F").perturbed("sex", "M")
                .perturbation("swap sex").answer("<b>1</b>").reason("label, changed").build());
        b.failingCase(dev.assay.core.Example.builder().row(9).reason("label changed").build());
        CheckResult result = b.build();

        JsonNode test = runTest(uuid -> AllureCheckWriter.write(result));

        Map<String, String> files = attachments(test);
        String csv = "Sex-blind" + AllureCheckWriter.EXAMPLES_CSV + " | text/csv";
        String html = "Sex-blind" + AllureCheckWriter.EXAMPLES_HTML + " | text/html";
        assertThat(files).containsKeys(csv, html);
        assertThat(files.get(csv)).startsWith(
                "row,family,input,perturbed,perturbation,seed,expected,answer,reason\r\n"
                        + "4,,sex=F,sex=M,swap sex,,,<b>1</b>,\"label, changed\"\r\n")
                .contains("showing 1 of 2 failing cases");
        assertThat(files.get(html)).contains("&lt;b&gt;1&lt;/b&gt;")
                .contains("Showing 1 of 2 failing cases").doesNotContain("<b>1</b>");
    }

    @Test
    void the_failing_cases_of_real_expect_and_invariance_checks_are_attached_masked() throws IOException {
        dev.assay.core.Model womenOnly = dev.assay.core.Models.function("women-only",
                row -> "F".equals(row.getString("sex")) ? "1" : "0");
        dev.assay.core.RunContext ctx = new dev.assay.core.RunContext("gate", 7);
        CheckResult expect = dev.assay.core.Checks.evaluate(dev.assay.core.robustness.Expect.check()
                .named("Approvals").cases(
                        dev.assay.core.robustness.Expect.Case.input(java.util.Map.of("sex", "M")).label("1"),
                        dev.assay.core.robustness.Expect.Case.input(java.util.Map.of("sex", "F",
                                "note", "mail jane.roe@example.com")).label("0").named("mail")).build(),
                womenOnly, null, ctx);
        CheckResult invariance = dev.assay.core.Checks.evaluate(dev.assay.core.robustness.Invariance.check()
                .named("Sex-blind").perturb(dev.assay.core.robustness.Perturbations.swap("sex")).maxFlipRate(0)
                .examples(3).build(), womenOnly, Datasets.inMemory("four").categorical("sex", "F", "M", "M", "F")
                .load(), ctx); // two values: every row gets the other sex, and every decision flips

        JsonNode test = runTest(uuid -> {
            AllureCheckWriter.write(expect);
            AllureCheckWriter.write(invariance);
        });

        Map<String, String> files = attachments(test);
        String expectCsv = files.get("Approvals" + AllureCheckWriter.EXAMPLES_CSV + " | text/csv");
        assertThat(expectCsv).contains("0,,sex=M,,,,\"{\"\"label\"\":\"\"1\"\"}\",0,\"label was '0', expected '1'\"")
                .contains("mail").doesNotContain("jane.roe@example.com");
        String flips = files.get("Sex-blind" + AllureCheckWriter.EXAMPLES_CSV + " | text/csv");
        assertThat(flips).startsWith("row,family,input,perturbed,perturbation,seed,expected,answer,reason\r\n"
                + "0,,sex=F,sex=M,swap sex,7,prediction 1,0,prediction changed: 1 -> 0\r\n"
                + "1,,sex=M,sex=F,swap sex,7,prediction 0,1,prediction changed: 0 -> 1\r\n")
                .contains("showing 3 of 4 failing cases");
    }

    @Test
    void options_give_severity_tags_and_links() throws IOException {
        CheckResult result = accuracyBySex(0.8);
        AllureCheckWriter.Options options = AllureCheckWriter.Options.defaults().withLinkBase("").withSeverity("Minor")
                .withTags("release-gate").withLink("scenario", "file:///repo/assay/credit.assay.yaml");

        JsonNode test = runTest(uuid -> AllureCheckWriter.write(result, options));

        assertThat(labels(test)).containsEntry("severity", List.of("minor"))
                .containsEntry("tag", List.of("fail", "release-gate"));
        assertThat(test.get("links")).extracting(l -> l.get("name").asText(), l -> l.get("url").asText())
                .containsExactly(tuple("metric: accuracy", "docs/metrics.md#accuracy"),
                        tuple("kind: performance", "docs/metrics.md#performance"),
                        tuple("scenario", "file:///repo/assay/credit.assay.yaml"));
        assertThatThrownBy(() -> AllureCheckWriter.Options.defaults().withSeverity("urgent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown severity 'urgent'; expected one of blocker, critical, normal, minor, trivial");
    }

    @Test
    void links_go_to_the_scenario_source_and_the_metric_docs_under_the_configured_base(@TempDir Path project)
            throws IOException {
        // a project with a module whose scenario file was copied to its test class path by the build
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path source = project.resolve("examples/src/test/resources/assay/credit.assay.yaml");
        Path copied = project.resolve("examples/target/test-classes/assay/credit.assay.yaml");
        Files.createDirectories(source.getParent());
        Files.createDirectories(copied.getParent());
        Files.writeString(source, "name: x\n");
        Files.writeString(copied, "name: x\n");
        CheckResult result = accuracyBySex(0.8);
        AllureCheckWriter.Options options = AllureCheckWriter.Options.defaults().withScenario(copied, 12)
                .withLinkBase("https://github.com/acme/models/blob/main/");

        JsonNode test = runTest(uuid -> {
            AllureCheckWriter.write(result, options);
            AllureCheckWriter.write(result, options); // the same links are not repeated
        });

        String base = "https://github.com/acme/models/blob/main/";
        assertThat(test.get("links")).extracting(l -> l.get("name").asText(), l -> l.get("type").asText(),
                l -> l.get("url").asText()).containsExactly(
                tuple("scenario: credit.assay.yaml", "link", base + "examples/src/test/resources/assay/"
                        + "credit.assay.yaml#L12"),
                tuple("metric: accuracy", "link", base + "docs/metrics.md#accuracy"),
                tuple("kind: performance", "link", base + "docs/metrics.md#performance"));

        // without a base: project-relative paths; without .git, the outermost pom.xml marks the project
        Files.delete(project.resolve(".git"));
        Files.writeString(project.resolve("examples/pom.xml"), "<project/>");
        Path outside = project.resolve("examples/checks.assay.yaml");
        Files.writeString(outside, "name: y\n");
        assertThat(dev.assay.reports.internal.ReportLinks.projectRelative(outside))
                .isEqualTo("examples/checks.assay.yaml");
        assertThat(dev.assay.reports.internal.ReportLinks.resolve(" ", "docs/metrics.md"))
                .isEqualTo("docs/metrics.md");
        assertThat(dev.assay.reports.internal.ReportLinks.resolve("https://x.org/blob/v1", "docs/metrics.md"))
                .isEqualTo("https://x.org/blob/v1/docs/metrics.md");
    }

    @Test
    void a_drift_check_attaches_overlaid_histograms_of_its_drifted_columns_at_most_ten() throws Exception {
        int n = 400;
        dev.assay.core.Datasets.InMemory ref = Datasets.inMemory("ref");
        dev.assay.core.Datasets.InMemory cur = Datasets.inMemory("cur");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int c = 0; c < 13; c++) {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rnd.nextGaussian();
                b[i] = rnd.nextGaussian() + (c < 12 ? 2 : 0); // columns 0-11 move by two standard deviations
            }
            ref.numeric("x" + c, a);
            cur.numeric("x" + c, b);
        }
        CheckResult drift = dev.assay.core.data.Drift.between(ref.load(), cur.load()).named("Drift").evaluate();
        assertThat(drift.groups().stream().filter(g -> !g.bins().isEmpty())).hasSize(12);

        Map<String, String> attachments = attachments(runTest(uuid -> AllureCheckWriter.write(drift)));

        List<String> histograms = attachments.keySet().stream().filter(k -> k.startsWith("Drift - histogram "))
                .sorted().toList();
        assertThat(histograms).hasSize(10).allMatch(k -> k.endsWith(".svg | image/svg+xml"))
                .contains("Drift - histogram x0.svg | image/svg+xml", "Drift - histogram x9.svg | image/svg+xml")
                .doesNotContain("Drift - histogram x10.svg | image/svg+xml",
                        "Drift - histogram x12.svg | image/svg+xml");
        String svg = attachments.get("Drift - histogram x0.svg | image/svg+xml");
        assertThat(svg).contains("x0: reference vs current (psi ", "[chart 1 of 10 drawn; 12 columns drifted]");
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        // 10 PSI bins, a reference and a current bar each, plus the background and two legend boxes
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(2 * 10 + 3);
        // the current data moved right: its last bin (>= the reference's 0.9 quantile) holds far more than 10%
        GroupResult.Bin last = drift.groups().get(0).bins().get(9);
        assertThat(last.reference()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
        assertThat(last.current()).isGreaterThan(0.5);
        assertThat(svg).contains("current " + last.label().replace("<", "&lt;").replace(">", "&gt;") + ": ");
    }

    @Test
    void a_dp_audit_attaches_both_event_probabilities_with_whiskers_and_the_claims_bound() throws IOException {
        Map<String, Double> metrics = new java.util.LinkedHashMap<>();
        metrics.put("epsilon_lower_bound", 0.9);
        metrics.put("first_probability", 0.75);
        metrics.put("second_probability", 0.25);
        metrics.put("claimed_delta", 0.001);
        metrics.put("confidence", 0.95);
        Map<String, dev.assay.core.Interval> ci = Map.of(
                "first_probability", new dev.assay.core.Interval(0.74, 0.76),
                "second_probability", new dev.assay.core.Interval(0.24, 0.26));
        CheckResult audit = CheckResult.builder("dp-audit", "Audit").metric("epsilon_lower_bound").value(0.9)
                .threshold(dev.assay.core.Threshold.atMost(0.5)).verdict(Verdict.FAIL).message("refuted")
                .group(new GroupResult(Map.of("event", "output <= 0.5", "first", "0.0", "second", "1.0"), 20_000,
                        metrics, ci, null)).build();

        Map<String, String> attachments = attachments(runTest(uuid -> AllureCheckWriter.write(audit)));

        String svg = attachments.get("Audit - event probabilities.svg | image/svg+xml");
        assertThat(svg).isNotNull().contains("95% Clopper-Pearson intervals", "event: output &lt;= 0.5",
                "p1 | 0.0", "p2 | 1.0");
        // axis 0..1.1 * max(0.76, 0.26, bound) over 400 pixels from x = 230; bound = e^0.5 * 0.26 + 0.001
        double bound = Math.exp(0.5) * 0.26 + 0.001;
        double hi = 1.1 * Math.max(0.76, bound);
        assertThat(svg).contains("<line class=\"bound\" x1=\"" + twoDecimals(230 + bound / hi * 400) + "\"");
        assertThat(svg).contains("<line class=\"whisker\" x1=\"" + twoDecimals(230 + 0.74 / hi * 400) + "\"");
        assertThat(svg).contains("<circle class=\"value\" cx=\"" + twoDecimals(230 + 0.25 / hi * 400) + "\"");
        assertThat(0.74).as("p1's lower bound is right of the claim's bound: the chart shows the refutation")
                .isGreaterThan(bound);
        // other kinds get no such chart
        assertThat(dev.assay.reports.internal.DpAuditCharts.svg(accuracyBySex(0.8))).isEmpty();
    }

    private static String twoDecimals(double v) {
        return new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    @Test
    void two_checks_in_one_test_keep_both_sets_of_parameters_and_the_highest_severity() throws IOException {
        CheckResult failed = accuracyBySex(0.8);
        CheckResult passed = Performance.of(Models.predictions("y_pred")).on(credit()).named("Recall")
                .metric("recall").atLeast(0.5).seed(7).evaluate();
        assertThat(passed.verdict()).isEqualTo(Verdict.PASS);

        JsonNode test = runTest(uuid -> {
            AllureCheckWriter.write(failed);
            AllureCheckWriter.write(passed);
        });

        Map<String, List<String>> labels = labels(test);
        assertThat(labels.get("severity")).containsExactly("critical");
        assertThat(labels.get("story")).containsExactly("accuracy", "recall");
        assertThat(labels.get("epic")).containsExactly("Performance");
        Map<String, JsonNode> params = parameters(test);
        assertThat(params.get("threshold").get("value").asText()).isEqualTo("at least 0.8");
        assertThat(params.get("Recall: threshold").get("value").asText()).isEqualTo("at least 0.5");
        assertThat(params).doesNotContainKey("Recall: seed"); // the same seed is not repeated
        assertThat(attachments(test).keySet()).contains("Recall - groups.html | text/html",
                "Accuracy by sex - groups.html | text/html");
    }

    @Test
    void an_error_result_is_critical_with_its_message_and_no_value_parameters() throws IOException {
        CheckResult error = Performance.of(Models.predictions("no_such_column")).on(credit()).named("Broken")
                .seed(7).evaluate();
        assertThat(error.verdict()).isEqualTo(Verdict.ERROR);

        JsonNode test = runTest(uuid -> AllureCheckWriter.write(error));

        assertThat(labels(test)).containsEntry("severity", List.of("critical")).containsEntry("tag", List.of("error"));
        assertThat(parameters(test)).doesNotContainKeys("value", "interval");
        Map<String, String> attachments = attachments(test);
        assertThat(attachments.get("Broken - failure.txt | text/plain")).contains("no_such_column");
        assertThat(attachments.get("Broken - groups.html | text/html")).contains("verdict-error\">error<",
                "<td class=\"num\">undefined</td>");
    }

    @Test
    void nothing_happens_outside_a_running_test() throws IOException {
        AllureCheckWriter.write(accuracyBySex(0.8));

        try (Stream<Path> files = Files.list(results)) {
            assertThat(files).isEmpty();
        }
    }

    private static String fourDigits(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}

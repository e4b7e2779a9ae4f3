package dev.assay.examples.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Issue 9, point 2: every {@code evidence.json} the example suites write validates against the schema shipped in
 * {@code assay-reports}, and a second run with the same seed and a fixed {@code assay.evidence.timestamp} writes
 * byte-identical evidence (and model cards). The suites are the real examples: the scenario files under
 * {@code src/test/resources/assay/} (through the {@code assay-scenarios} engine) and {@code CreditModelTest}
 * (through Jupiter and the {@code @ModelTest} extension), run together as Surefire would run them.
 */
class EvidenceSchemaTest {
    private static final String TIMESTAMP = "2026-11-26T12:00:00Z";
    private static final String LINK_BASE = "https://github.com/acme/models/blob/main/";
    private static final Map<String, String> CONFIG = Map.of("assay.seed", "7",
            "assay.evidence.timestamp", TIMESTAMP, "assay.report.link-base", LINK_BASE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static TestExecutionSummary first;
    private static TestExecutionSummary second;

    @BeforeAll
    static void runTheExampleSuitesTwice() {
        first = runSuites("first");
        second = runSuites("second");
    }

    private static TestExecutionSummary runSuites(String name) {
        return SuiteRuns.run(tmp.resolve(name).resolve("assay"), tmp.resolve(name).resolve("allure-results"), CONFIG,
                selectClass("dev.assay.examples.ScenariosTest"),
                selectClass("dev.assay.examples.credit.CreditModelTest"));
    }

    private static List<Path> evidenceFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals("evidence.json")).sorted().toList();
        }
    }

    @Test
    void everyEvidenceFileTheExamplesWriteValidatesAgainstTheShippedSchema() throws IOException {
        // the example gates pass (CreditModelTest asserts its known weakness to fail): nothing failed or broke
        assertThat(first.getFailures()).as("failures of the example suites")
                .extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                .isEmpty();
        assertThat(first.getTestsSucceededCount()).isGreaterThanOrEqualTo(10);

        List<Path> files = new ArrayList<>();
        files.addAll(evidenceFiles(tmp.resolve("first")));
        files.addAll(evidenceFiles(tmp.resolve("second")));
        assertThat(files).as("evidence files written").containsExactly(
                tmp.resolve("first/assay/evidence.json"), tmp.resolve("second/assay/evidence.json"));
        for (Path file : files) {
            assertThat(EvidenceSchema.errors(file)).as("schema errors in %s", file).isEmpty();
        }

        // one check per test that ran, from both front ends and every check kind of the examples
        JsonNode evidence = JSON.readTree(files.get(0).toFile());
        JsonNode checks = evidence.get("checks");
        assertThat((long) checks.size()).as("checks in the evidence")
                .isEqualTo(first.getTestsSucceededCount());
        Set<String> kinds = new LinkedHashSet<>();
        checks.forEach(c -> kinds.add(c.get("kind").asText()));
        assertThat(kinds).contains("performance", "fairness", "pii-leak", "privacy-budget", "expect-data", "drift");
        // CreditModelTest's known weakness is recorded as a failed gate
        assertThat(checks).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("Recall of high earners for each sex");
            assertThat(c.get("verdict").asText()).isEqualTo("fail");
        });
    }

    @Test
    void theSchemaRejectsTheExamplesEvidenceWhenAKindBreaksTheContract() throws IOException {
        // the validation above is not vacuous: the same documents, each broken in one place, are rejected
        JsonNode evidence = JSON.readTree(tmp.resolve("first/assay/evidence.json").toFile());
        for (String kind : List.of("drift", "expect-data", "fairness", "privacy-budget", "pii-leak")) {
            ObjectNode extraKey = evidence.deepCopy();
            ObjectNode noVerdict = evidence.deepCopy();
            for (int i = 0; i < evidence.get("checks").size(); i++) {
                if (evidence.get("checks").get(i).get("kind").asText().equals(kind)) {
                    ((ObjectNode) extraKey.get("checks").get(i)).put("raw", "undeclared");
                    ((ObjectNode) noVerdict.get("checks").get(i)).remove("verdict");
                }
            }
            assertThat(EvidenceSchema.errors(extraKey)).as("an undeclared key in a %s check", kind).isNotEmpty();
            assertThat(EvidenceSchema.errors(noVerdict)).as("a %s check without verdict", kind).isNotEmpty();
        }
        assertThat(EvidenceSchema.errors(evidence)).isEmpty();
    }

    @Test
    void theSameSeedAndTimestampGiveByteIdenticalEvidenceAndModelCards() throws IOException {
        assertThat(second.getTestsSucceededCount()).isEqualTo(first.getTestsSucceededCount());
        for (String file : List.of("evidence.json", "model-card.md", "model-card.html")) {
            byte[] a = Files.readAllBytes(tmp.resolve("first/assay").resolve(file));
            byte[] b = Files.readAllBytes(tmp.resolve("second/assay").resolve(file));
            assertThat(b).as("%s of the second run, byte for byte", file).isEqualTo(a);
        }
        JsonNode evidence = JSON.readTree(tmp.resolve("first/assay/evidence.json").toFile());
        assertThat(evidence.get("started").asText()).isEqualTo(TIMESTAMP);
        assertThat(evidence.get("seed").asLong()).isEqualTo(7);
    }

    @Test
    void everyScenarioCheckLinksToItsScenarioFileAndItsMetricsDocumentation() throws IOException {
        Path results = tmp.resolve("first/allure-results");
        List<JsonNode> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList()) {
                tests.add(JSON.readTree(f.toFile()));
            }
        }
        JsonNode drift = tests.stream().filter(t -> t.get("name").asText().equals("No drift since training"))
                .findFirst().orElseThrow();
        List<String> urls = new ArrayList<>();
        drift.get("links").forEach(l -> urls.add(l.get("type").asText() + " " + l.get("url").asText()));
        // the check's line in the source file (not its copy under target/test-classes), and its metric and kind
        int line = Files.readAllLines(Path.of("src/test/resources/assay/credit-data.assay.yaml"))
                .indexOf("  - name: No drift since training") + 1;
        assertThat(line).isPositive();
        assertThat(urls).containsExactly(
                "link " + LINK_BASE + "examples/src/test/resources/assay/credit-data.assay.yaml#L" + line,
                "link " + LINK_BASE + "docs/metrics.md#drifted_share",
                "link " + LINK_BASE + "docs/metrics.md#drift");
        // every scenario test links to its file; every check of a documented kind to docs/metrics.md
        List<JsonNode> scenarioTests = tests.stream().filter(t -> t.path("links").toString().contains("scenario: "))
                .toList();
        assertThat(scenarioTests).hasSizeGreaterThan(10);
        assertThat(tests).allSatisfy(t -> assertThat(t.path("links").toString()).contains(LINK_BASE
                + "docs/metrics.md#"));
    }
}

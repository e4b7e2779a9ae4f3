package dev.assay.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flush's files other than the evidence, byte for byte against goldens that the code on main produced before
 * the cold-start work (branch coldflush): the model card of the example credit suites' evidence (15 checks, with and
 * without the team's sections) and manifests over a fixed tree. A change to any of these bytes is a change of the
 * report contract and must update the golden on purpose.
 */
class FlushGoldenTest {
    private static final String GOLDEN = "/dev/assay/reports/golden/";

    @TempDir
    Path tmp;

    static String golden(String name) throws IOException {
        try (InputStream in = FlushGoldenTest.class.getResourceAsStream(GOLDEN + name)) {
            assertThat(in).as("golden resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Evidence creditEvidence() throws IOException {
        return Evidence.parse(golden("credit-evidence.json"));
    }

    @Test
    void the_model_card_of_the_credit_suites_is_the_golden_one_with_the_teams_sections() throws IOException {
        Evidence evidence = creditEvidence();
        String sections = golden("credit-sections.md");

        assertThat(ModelCards.markdown(evidence, sections)).isEqualTo(golden("credit-card-with-sections.md"));
        assertThat(ModelCards.html(evidence, sections)).isEqualTo(golden("credit-card-with-sections.html"));
    }

    @Test
    void the_model_card_files_of_the_credit_suites_are_the_golden_ones() throws IOException {
        Evidence evidence = creditEvidence();
        Path sections = tmp.resolve("sections.md");
        Files.writeString(sections, golden("credit-sections.md"));

        List<Path> with = ModelCards.write(evidence, tmp.resolve("with"), sections);
        List<Path> without = ModelCards.write(evidence, tmp.resolve("without"), null);

        assertThat(with).extracting(p -> p.getFileName().toString())
                .containsExactly(ModelCards.MARKDOWN_FILE, ModelCards.HTML_FILE);
        assertThat(Files.readString(with.get(0))).isEqualTo(golden("credit-card-with-sections.md"));
        assertThat(Files.readString(with.get(1))).isEqualTo(golden("credit-card-with-sections.html"));
        assertThat(Files.readString(without.get(0))).isEqualTo(golden("credit-card-without-sections.md"));
        assertThat(Files.readString(without.get(1))).isEqualTo(golden("credit-card-without-sections.html"));
    }

    @Test
    void manifests_over_a_fixed_tree_are_the_golden_ones() throws IOException {
        Path assay = Files.createDirectories(tmp.resolve("target/assay"));
        Path allure = Files.createDirectories(tmp.resolve("target/allure-results"));
        Path report = Files.createDirectories(tmp.resolve("target/allure-report/data"));
        Files.writeString(assay.resolve("evidence.json"), "{\"schema\":\"assay-evidence/1\"}\n");
        Files.writeString(assay.resolve("model-card.md"), "# Model card\n");
        Files.writeString(allure.resolve("1-result.json"), "{\"status\":\"passed\"}");
        Files.write(allure.resolve("2-attachment.csv"), new byte[] {'a', ',', 'b', '\r', '\n', 0, (byte) 0xff});
        Files.writeString(allure.resolve("\u00fcn\u00efcode \"name\".txt"), "x");
        Files.writeString(report.resolve("suites.json"), "{}");
        Files.writeString(allure.resolve("left.tmp"), "ignored");

        Path manifest = Manifests.write(assay.resolve(Manifests.FILE_NAME),
                List.of(assay, allure, tmp.resolve("target/allure-report"), tmp.resolve("target/nope")));
        Path elsewhere = Manifests.write(tmp.resolve("elsewhere/m.json"), List.of(allure));

        assertThat(Files.readString(manifest)).isEqualTo(golden("manifest.json"));
        assertThat(Files.readString(elsewhere)).isEqualTo(golden("manifest-elsewhere.json"));
        assertThat(Manifests.verify(manifest).problems()).isEmpty();
    }

    @Test
    void metric_rows_are_one_per_kind_metric_decision_and_confidence_as_json_text() {
        // confidence: 0.95 twice (one row), 0.9, "0.95" as text, null, missing: five rows for the same metric;
        // main told them apart by the JSON text of the confidence node, which the card must still do
        String check = "{\"id\":\"s/c%d\",\"name\":\"c%d\",\"kind\":\"performance\",\"metric\":\"accuracy\","
                + "\"decision\":\"point\",\"verdict\":\"pass\"%s}";
        String[] confidences = {",\"confidence\":0.95", ",\"confidence\":0.95", ",\"confidence\":0.9",
            ",\"confidence\":\"0.95\"", ",\"confidence\":null", ""};
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < confidences.length; i++) {
            checks.append(i == 0 ? "" : ",").append(String.format(check, i, i, confidences[i]));
        }
        Evidence evidence = Evidence.parse("{\"schema\":\"assay-evidence/1\",\"suite\":\"s\",\"seed\":1,"
                + "\"started\":\"2026-11-26T12:00:00Z\",\"checks\":[" + checks + "]}");

        String md = ModelCards.markdown(evidence, null);
        String metrics = md.substring(md.indexOf("## Metrics"), md.indexOf("Decision rules:"));

        assertThat(metrics.lines().filter(l -> l.startsWith("| accuracy | performance | point |")))
                .containsExactly("| accuracy | performance | point | 0.95 |", "| accuracy | performance | point | 0.9 |",
                        "| accuracy | performance | point | 0.95 |", "| accuracy | performance | point |  |",
                        "| accuracy | performance | point |  |");
    }
}

package dev.assay.reports.allure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.CheckResult;
import dev.assay.reports.allure.AllureCheckWriter;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden comparisons of what {@link AllureCheckWriter} adds to a test, byte for byte: the labels, parameters and
 * links, and every attachment's name, type, extension and bytes, for representative checks (the warm-up's synthetic
 * results, which take every branch of the writers: groups with intervals and an excluded group, findings and
 * failing examples, a message, a drift check's histograms, a DP audit's chart, a passed check without groups). The
 * golden files under {@code src/test/resources/dev/assay/reports/allure/golden/} were produced by the code of
 * 2026-11-27 (main at c6ff9bc); a change that alters any of it must update them deliberately
 * ({@code -Dassay.golden.update=<absolute path of that folder>} rewrites them).
 */
class AttachmentGoldenTest extends WithAllureResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<CheckResult> checks() {
        return ReportWarmup.syntheticResults();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void what_the_writer_adds_is_byte_for_byte_the_golden_file(CheckResult check) throws IOException {
        String actual = written(check);
        String name = check.id() + ".txt";
        String update = System.getProperty("assay.golden.update");
        if (update != null) {
            Files.write(Path.of(update).resolve(name), actual.getBytes(StandardCharsets.UTF_8));
        }
        String golden;
        try (InputStream in = AttachmentGoldenTest.class.getResourceAsStream(
                "/dev/assay/reports/allure/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(golden);
    }

    /** The test's labels, parameters, links and attachments as Allure wrote them, in order, as text. */
    private String written(CheckResult check) throws IOException {
        String uuid = UUID.randomUUID().toString();
        AllureLifecycle lifecycle = Allure.getLifecycle();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("golden"));
        lifecycle.startTestCase(uuid);
        AllureCheckWriter.write(check, AllureCheckWriter.Options.defaults().withTags("golden")
                .withLinkBase("https://example.org/blob/main/").withLink("issue", "issue", "https://example.org/1"));
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
        JsonNode test = JSON.readTree(results.resolve(uuid + "-result.json").toFile());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder();
        for (JsonNode l : test.get("labels")) {
            sb.append("label ").append(l.get("name").asText()).append(" = ").append(l.get("value").asText())
                    .append('\n');
        }
        for (JsonNode p : test.get("parameters")) {
            sb.append("parameter ").append(p.get("name").asText()).append(" = ").append(p.get("value").asText())
                    .append(" (excluded ").append(p.get("excluded").asBoolean()).append(", mode ")
                    .append(p.get("mode").asText()).append(")\n");
        }
        for (JsonNode l : test.get("links")) {
            sb.append("link ").append(l.get("name").asText()).append(" | ").append(l.get("type").asText())
                    .append(" | ").append(l.get("url").asText()).append('\n');
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        for (JsonNode a : test.get("attachments")) {
            String source = a.get("source").asText();
            byte[] bytes = Files.readAllBytes(results.resolve(source));
            out.write(("attachment " + a.get("name").asText() + " | " + a.get("type").asText() + " | "
                    + source.substring(source.indexOf("-attachment") + "-attachment".length()) + " | "
                    + bytes.length + " bytes\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.write("\n--- end of attachment\n".getBytes(StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.list(results)) {
            files.filter(p -> p.getFileName().toString().contains("-attachment")).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

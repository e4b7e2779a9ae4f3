package dev.assay.reports.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Datasets;
import dev.assay.core.Models;
import dev.assay.core.RunContext;
import dev.assay.core.Verdict;
import dev.assay.core.pii.PiiEntity;
import dev.assay.core.pii.PiiLeakCheck;
import dev.assay.reports.RunRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plants PII in model outputs, runs the pii-leak check, records the run, and greps every file the run wrote. */
class PlantedPiiDoesNotLeakTest {
    static final List<String> PLANTED = List.of("jane.doe@example.com", "4111 1111 1111 1111",
            "DE89 3704 0044 0532 0130 00", "+44 20 7946 0018", "12345678Z", "AKIAIOSFODNN7EXAMPLE", "192.0.2.44");

    @Test
    void noPlantedValueAppearsInAnyFileTheRunWrote(@TempDir Path dir) throws IOException {
        Map<String, String> conf = Map.of(AssayConstants.EVIDENCE_DIR, dir.resolve("assay").toString(),
                AssayConstants.ALLURE_RESULTS_DIR, dir.resolve("allure-results").toString(),
                AssayConstants.EVIDENCE_TIMESTAMP, "2026-11-26T00:00:00Z");
        AssaySettings settings = AssaySettings.of(k -> Optional.ofNullable(conf.get(k)));
        String[] answers = PLANTED.stream().map(v -> "Sure! Here it is: " + v + " 🙂").toArray(String[]::new);
        CheckResult r = Checks.evaluate(PiiLeakCheck.builder().name("no PII").entities(PiiEntity.all()).build(),
                Models.predictions("answer"), Datasets.inMemory("planted").categorical("answer", answers).load(),
                new RunContext("planted", 1));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.findings()).hasSize(PLANTED.size());
        RunRecorder recorder = new RunRecorder(settings);
        recorder.record(r);
        recorder.flush();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("files written by the run").isNotEmpty();
        for (Path f : files) {
            String content = Files.readString(f, StandardCharsets.UTF_8);
            String compact = content.replaceAll("[^A-Za-z0-9@.]", "");
            for (String v : PLANTED) {
                assertThat(content).as("%s must not contain a planted value", f).doesNotContain(v);
                assertThat(compact).as("%s must not contain a planted value, even without separators", f)
                        .doesNotContain(v.replaceAll("[^A-Za-z0-9@.]", ""));
            }
        }
    }
}

package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionFileTest {
    @TempDir
    Path dir;

    private static CheckResult failing(int cases, int cap) {
        CheckResult.Builder b = CheckResult.builder("invariance", "Sex-blind decisions").id("credit/sex-blind")
                .metric("flip_rate").value(0.5).threshold(Threshold.atMost(0.0)).verdict(Verdict.FAIL).examplesCap(cap);
        for (int i = 0; i < cases; i++) {
            b.failingCase(Example.builder().row(i).input("sex", "Male").input("age", String.valueOf(30 + i))
                    .perturbed("sex", "Female").perturbation("swap sex").seed(7).expected("label <=50K")
                    .answer(">50K").reason("label changed").build());
        }
        return b.build();
    }

    @Test
    void evidenceShowsTheCappedExamplesAndTheTotal() {
        CheckResult r = failing(5, 2);
        assertThat(r.examples()).extracting(Example::row).containsExactly(0L, 1L);
        assertThat(r.examplesTotal()).isEqualTo(5L);
        assertThat(r.cases()).hasSize(5);
        String json = Evidence.toJson(r);
        assertThat(json).contains("\"examples_total\" : 5").doesNotContain("\"cases\"");
        assertThat(json.indexOf("\"examples\"")).isGreaterThan(json.indexOf("\"verdict\""));
    }

    @Test
    void aCheckWithoutFailingCasesWritesNeitherExamplesNorAFile() {
        CheckResult r = CheckResult.builder("invariance", "ok").verdict(Verdict.PASS).build();
        assertThat(Evidence.toJson(r)).doesNotContain("examples");
        assertThat(RegressionFile.write(dir, r)).isNull();
        assertThat(dir.resolve(RegressionFile.DIR)).doesNotExist();
    }

    @Test
    void aCheckThatPassesNowRemovesTheReplayFileOfAnEarlierFailingRun() {
        Path earlier = RegressionFile.write(dir, failing(3, 1));
        assertThat(earlier).exists();
        CheckResult fixed = CheckResult.builder("invariance", "Sex-blind decisions").id("credit/sex-blind")
                .verdict(Verdict.PASS).build();
        assertThat(RegressionFile.write(dir, fixed)).isNull();
        assertThat(earlier).doesNotExist();
    }

    @Test
    void writesEveryCaseAndReadsThemBackInOrder() throws Exception {
        CheckResult r = failing(30, 3);
        Path file = RegressionFile.write(dir, r);
        assertThat(file).hasFileName("credit.sex-blind.jsonl").hasParent(dir.resolve("regressions"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(30);
        assertThat(lines.get(0)).startsWith("{\"check\":\"credit/sex-blind\",\"kind\":\"invariance\",\"row\":0");
        List<Example> back = RegressionFile.read(file);
        assertThat(back).isEqualTo(r.cases());
    }

    @Test
    void aBadLineIsAnErrorNamingFileAndLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"row\": 1}\n\n[1, 2]\n");
        assertThatThrownBy(() -> RegressionFile.read(file)).isInstanceOf(DataException.class)
                .hasMessageContaining("bad.jsonl:3");
    }

    @Test
    void toBuilderKeepsTheCases() {
        CheckResult r = failing(4, 2);
        CheckResult copy = r.toBuilder().message("again").build();
        assertThat(copy.examples()).isEqualTo(r.examples());
        assertThat(copy.cases()).isEqualTo(r.cases());
        assertThat(copy.examplesTotal()).isEqualTo(4L);
    }
}

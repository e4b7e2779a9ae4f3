package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Example;
import dev.assay.core.Model;
import dev.assay.core.RegressionFile;
import dev.assay.core.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression capture for invariance: the flips of {@link RobustnessChecksTest#sexModel} under a sex swap (rows 1, 2,
 * 3, 4, 9) go to a replay file; replaying it asks exactly those pairs again.
 */
class InvarianceReplayTest {
    final RobustnessChecksTest fixture = new RobustnessChecksTest();

    @Test
    void theFlipsOfAFailingRunReplayExactlyOnTheNextModel(@TempDir Path dir) throws Exception {
        CheckResult first = Checks.evaluate(Invariance.check().named("sex-blind").perturb(Perturbations.swap("sex"))
                .maxFlipRate(0).examples(2).build(), RobustnessChecksTest.sexModel, fixture.data,
                RobustnessChecksTest.CTX);
        assertThat(first.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(first.examples()).hasSize(2);
        Path file = RegressionFile.write(dir, first);
        assertThat(Files.readAllLines(file)).hasSize(5);
        List<Example> stored = RegressionFile.read(file);
        assertThat(stored).extracting(Example::row).containsExactly(1L, 2L, 3L, 4L, 9L);

        Model fixedModel = RobustnessChecksTest.ageModel(a -> a / 100);
        CheckResult onFixed = Checks.evaluate(Invariance.check().named("replayed").casesFrom(file).maxFlipRate(0)
                .build(), fixedModel, fixture.data, RobustnessChecksTest.CTX);
        assertThat(onFixed.verdict()).isEqualTo(Verdict.PASS);
        assertThat(onFixed.n()).isEqualTo(5);

        CheckResult onBroken = Checks.evaluate(Invariance.check().named("replayed").casesFrom(file).maxFlipRate(0)
                .build(), RobustnessChecksTest.sexModel, fixture.data, RobustnessChecksTest.CTX);
        assertThat(onBroken.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(onBroken.n()).isEqualTo(5);
        assertThat(onBroken.value()).isEqualTo(1.0);
        assertThat(onBroken.cases()).extracting(Example::row).containsExactly(1L, 2L, 3L, 4L, 9L);
        assertThat(onBroken.cases()).extracting(Example::perturbed).containsExactlyElementsOf(
                stored.stream().map(Example::perturbed).toList());
        assertThat(onBroken.cases()).allSatisfy(e -> {
            assertThat(e.family()).isEqualTo("replay");
            assertThat(e.perturbation()).isEqualTo("swap sex");
            assertThat(e.seed()).isEqualTo(7L);
        });
        assertThat(onBroken.message()).contains("5 of 5 replayed pairs changed prediction");
    }

    @Test
    void replayedPairsAddToAPerturbationAndAreNotPerturbedAgain(@TempDir Path dir) {
        CheckResult first = Checks.evaluate(Invariance.check().named("sex-blind").perturb(Perturbations.swap("sex"))
                .build(), RobustnessChecksTest.sexModel, fixture.data, RobustnessChecksTest.CTX);
        Path file = RegressionFile.write(dir, first);
        // the same swap again (10 rows, 5 flips) plus the 5 replayed pairs, which all flip
        CheckResult both = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).casesFrom(file)
                .build(), RobustnessChecksTest.sexModel, fixture.data, RobustnessChecksTest.CTX);
        assertThat(both.n()).isEqualTo(15);
        assertThat(both.examplesTotal()).isEqualTo(10);
        assertThat(both.message()).contains("(including 5 replayed pairs from cases-from)");
    }

    @Test
    void aBrokenReplayFileIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"row\": 1, \"input\": {\"age\": \"25\"}}\n");
        CheckResult r = Checks.evaluate(Invariance.check().casesFrom(file).build(), RobustnessChecksTest.sexModel,
                fixture.data, RobustnessChecksTest.CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains(file.toString()).contains("case 1 has no perturbed values");
    }

    @Test
    void personalDataInTheInputsIsMaskedInTheExamplesAndTheReplayFile(@TempDir Path dir) throws Exception {
        dev.assay.core.Dataset people = dev.assay.core.Datasets.inMemory("people").numeric("age", 25, 30)
                .categorical("sex", "F", "M").categorical("contact", "jane.roe@example.com", "+1 415 555 2671")
                .load();
        CheckResult r = Checks.evaluate(Invariance.check().named("p").perturb(Perturbations.swap("sex")).build(),
                RobustnessChecksTest.sexModel, people, RobustnessChecksTest.CTX);
        assertThat(r.cases()).hasSize(2);
        Path file = RegressionFile.write(dir, r);
        String written = Files.readString(file);
        assertThat(written).doesNotContain("jane.roe@example.com").doesNotContain("555 2671").contains("\"sex\"");
        assertThat(r.cases().get(0).input().get("contact")).contains("*").isNotEqualTo("jane.roe@example.com");
    }
}

package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Decision;
import dev.assay.core.Example;
import dev.assay.core.Finding;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The invariance and directional checks with tiny Java models whose flips are counted by hand.
 *
 * <p>The data: ten people, sex alternating M, F. {@link #sexModel}: score = age / 100 + 0.3 for M, positive when
 * the score is at least 0.5. Swapping sex moves every score by 0.3; the label flips on rows 1 (25 F: 0.25 -> 0.55),
 * 2 (30 M: 0.6 -> 0.3), 3 (40 F), 4 (45 M) and 9 (35 F): 5 of 10. Wilson 95% for 5/10: [0.236594, 0.763406].
 */
class RobustnessChecksTest {
    static final double[] AGES = {10, 25, 30, 40, 45, 55, 60, 70, 15, 35};
    static final RunContext CTX = new RunContext("robust", 7);

    final Dataset data;

    RobustnessChecksTest() {
        String[] sex = new String[10];
        String[] y = new String[10];
        for (int i = 0; i < 10; i++) {
            sex[i] = i % 2 == 0 ? "M" : "F";
            y[i] = i % 3 == 0 ? "yes" : "no";
        }
        data = Datasets.inMemory("people").numeric("age", AGES).categorical("sex", sex).categorical("y", y)
                .label("y").positive("yes").load();
    }

    static Model scoreModel(java.util.function.ToDoubleBiFunction<Double, String> score) {
        return d -> {
            double[] s = new double[d.rows()];
            String[] l = new String[d.rows()];
            for (int i = 0; i < s.length; i++) {
                s[i] = score.applyAsDouble(d.column("age").doubleValue(i), d.column("sex").stringValue(i));
                l[i] = s[i] >= 0.5 ? "yes" : "no";
            }
            return Predictions.of(Column.categorical("prediction", l), s);
        };
    }

    static final Model sexModel = scoreModel((age, sex) -> age / 100 + ("M".equals(sex) ? 0.3 : 0));

    static Model ageModel(DoubleUnaryOperator f) {
        return scoreModel((age, sex) -> f.applyAsDouble(age));
    }

    @Test
    void invarianceCountsTheFlipsOfASexAwareModel() {
        CheckResult r = Checks.evaluate(Invariance.check().named("sex-blind").perturb(Perturbations.swap("sex"))
                .maxFlipRate(0.6).examples(2).build(), sexModel, data, CTX);

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.kind()).isEqualTo("invariance");
        assertThat(r.metric()).isEqualTo("flip_rate");
        assertThat(r.value()).isEqualTo(0.5);
        assertThat(r.ci().lower()).isCloseTo(0.236594, within(1e-5));
        assertThat(r.ci().upper()).isCloseTo(0.763406, within(1e-5));
        assertThat(r.n()).isEqualTo(10);
        assertThat(r.threshold()).isEqualTo(Threshold.atMost(0.6));
        assertThat(r.findings()).isEmpty();
        assertThat(r.examples()).extracting(Example::row).containsExactly(1L, 2L);
        assertThat(r.examplesTotal()).isEqualTo(5);
        assertThat(r.cases()).extracting(Example::row).containsExactly(1L, 2L, 3L, 4L, 9L);
        Example first = r.examples().get(0);
        assertThat(first.input()).containsExactly(entry("age", "25"), entry("sex", "F"), entry("y", "no"));
        assertThat(first.perturbed()).containsExactly(entry("sex", "M"));
        assertThat(first.perturbation()).isEqualTo("swap sex");
        assertThat(first.seed()).isEqualTo(7L);
        assertThat(first.expected()).isEqualTo("prediction no (score 0.25)");
        assertThat(first.answer()).isEqualTo("yes (score 0.55)");
        assertThat(first.reason()).isEqualTo("prediction changed: no -> yes");
        assertThat(r.message()).isEqualTo("5 of 10 rows changed prediction under swap sex: flip_rate 0.5 "
                + r.ci() + "; showing 2 of 5 examples");
        assertThat(r.data().path()).isEqualTo("people");
    }

    @Test
    void theDecisionRuleIsApplied() {
        CheckResult strict = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).maxFlipRate(0.6)
                .decision(Decision.STRICT).build(), sexModel, data, CTX);
        assertThat(strict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(strict.name()).isEqualTo("invariance under swap sex");
        assertThat(strict.examples()).extracting(Example::row).containsExactly(1L, 2L, 3L, 4L, 9L);
        assertThat(strict.message()).startsWith("expected flip_rate to be at most 0.6 (decision: strict), but 5 of"
                + " 10 rows changed prediction");

        CheckResult lenient = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).maxFlipRate(0.2)
                .decision(Decision.LENIENT).build(), sexModel, data, CTX);
        assertThat(lenient.verdict()).as("0.2 is below the interval").isEqualTo(Verdict.FAIL);
        CheckResult lenientPass = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex"))
                .maxFlipRate(0.3).decision(Decision.LENIENT).build(), sexModel, data, CTX);
        assertThat(lenientPass.verdict()).as("0.3 is inside the interval").isEqualTo(Verdict.PASS);
    }

    @Test
    void aToleranceCountsScoreChangesToo() {
        CheckResult tight = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).tolerance(0.2)
                .build(), sexModel, data, CTX);
        assertThat(tight.value()).as("every score moves by 0.3").isEqualTo(1.0);
        CheckResult loose = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).tolerance(0.31)
                .build(), sexModel, data, CTX);
        assertThat(loose.value()).as("only the label flips").isEqualTo(0.5);
    }

    @Test
    void aModelThatIgnoresTheColumnNeverFlips() {
        CheckResult r = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).maxFlipRate(0)
                .build(), ageModel(a -> a / 100), data, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.value()).isEqualTo(0.0);
        assertThat(r.examples()).isEmpty();
        assertThat(r.cases()).isEmpty();
        assertThat(r.message()).isNull();
    }

    @Test
    void aSampleTestsSeededRowsAndReportsTheirOriginalIndex() {
        InvarianceCheck check = Invariance.check().named("s").perturb(Perturbations.swap("sex")).sample(6).build();
        CheckResult a = Checks.evaluate(check, sexModel, data, CTX);
        CheckResult b = Checks.evaluate(check, sexModel, data, CTX);
        assertThat(a.n()).isEqualTo(6);
        assertThat(a.examples()).extracting(Example::row).isSubsetOf(1L, 2L, 3L, 4L, 9L)
                .isEqualTo(b.examples().stream().map(Example::row).toList());
        assertThat(a.value()).isEqualTo(a.examples().size() / 6.0);
    }

    @Test
    void modelAndDataErrorsAreErrorsNeverPasses() {
        Model throwing = d -> {
            throw new IllegalStateException("boom");
        };
        CheckResult r = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).maxFlipRate(1)
                .build(), throwing, data, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("boom");

        Model silent = d -> Predictions.ofLabels(new String[d.rows()]);
        CheckResult none = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).maxFlipRate(1)
                .build(), silent, data, CTX);
        assertThat(none.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(none.message()).contains("gave no label for row 0 (original)");

        Dataset withPred = data.withColumn(Column.categorical("pred", "no", "no", "no", "no", "no", "no", "no",
                "no", "no", "no"));
        CheckResult stored = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).maxFlipRate(0)
                .build(), Models.predictions("pred"), withPred, CTX);
        assertThat(stored.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(stored.message()).contains("reads stored predictions");

        CheckResult unknown = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("colour"))
                .maxFlipRate(0).build(), sexModel, data, CTX);
        assertThat(unknown.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(unknown.message()).contains("no column 'colour'");

        Model labelsOnly = d -> Predictions.ofLabels(new String[] {"no", "no", "no", "no", "no", "no", "no", "no",
                "no", "no"});
        CheckResult tol = Checks.evaluate(Invariance.check().perturb(Perturbations.swap("sex")).tolerance(0.1)
                .build(), labelsOnly, data, CTX);
        assertThat(tol.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(tol.message()).contains("returns labels without scores");
    }

    @Test
    void rowsThePerturbationLeavesUnchangedAreNotCountedAndNoChangeAtAllIsAnError() {
        // ages 0, 0, 0, 20, 60, 70: +10% leaves the three zeros as they are; of the other three, 60 and 70 lose
        // score under the peaked model (0.4 -> 0.34, 0.3 -> 0.23): 2 of 3.
        Dataset zeros = Datasets.inMemory("zeros").numeric("age", 0, 0, 0, 20, 60, 70)
                .categorical("sex", "M", "F", "M", "F", "M", "F").load();
        CheckResult r = Checks.evaluate(Directional.check().perturb(Perturbations.relative("age", 0.10))
                .expect(Directional.Expect.NON_DECREASING).build(), peaked, zeros, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.n()).isEqualTo(3);
        assertThat(r.value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.findings()).extracting(Finding::row).containsExactly(4L, 5L);
        assertThat(r.message()).endsWith("; 3 of 6 rows were left unchanged by the perturbation and are not counted");

        Dataset allZero = Datasets.inMemory("all-zero").numeric("age", 0, 0, Double.NaN)
                .categorical("sex", "M", "F", "M").load();
        CheckResult none = Checks.evaluate(Invariance.check().named("n").perturb(Perturbations.relative("age", 0.1))
                .maxFlipRate(0).build(), peaked, allZero, CTX);
        assertThat(none.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(none.message()).startsWith("the perturbation 'relative age +10%' changed none of the 3 rows of"
                + " all-zero").endsWith("the invariance check 'n' tested nothing");
    }

    @Test
    void theFluentFormEvaluatesWithItsSeedAndNoiseIsReproducible() {
        CheckResult a = Invariance.of(sexModel).on(data).named("noisy age").perturb(Perturbations.noise("age", 0.5))
                .maxFlipRate(1).seed(11).evaluate();
        CheckResult b = Invariance.of(sexModel).on(data).named("noisy age").perturb(Perturbations.noise("age", 0.5))
                .maxFlipRate(1).seed(11).evaluate();
        assertThat(a.verdict()).isEqualTo(Verdict.PASS);
        assertThat(a.seed()).isEqualTo(11);
        assertThat(a.id()).endsWith("/noisy-age");
        assertThat(a.cases()).isEqualTo(b.cases());
        assertThat(a.value()).isEqualTo(b.value());
        // the ages have sd 19.4: noise of sd 9.7 (0.097 in score) flips some rows near the 0.5 cut, not all
        assertThat(a.value()).isGreaterThan(0.0).isLessThan(1.0);
    }

    /** Score rises with age up to 50, then falls: +10% age lowers the score of rows 5, 6, 7 (ages 55, 60, 70). */
    static final Model peaked = ageModel(a -> a < 50 ? a / 100 : 1 - a / 100);

    @Test
    void directionalCountsScoresThatMoveTheWrongWay() {
        DirectionalCheck check = Directional.check().perturb(Perturbations.relative("age", 0.10))
                .expect(Directional.Expect.NON_DECREASING).maxViolationRate(0.2).build();
        CheckResult r = Checks.evaluate(check, peaked, data, CTX);

        assertThat(r.kind()).isEqualTo("directional");
        assertThat(r.name()).isEqualTo("relative age +10%: score non-decreasing");
        assertThat(r.metric()).isEqualTo("violation_rate");
        assertThat(r.value()).isCloseTo(0.3, within(1e-12));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.findings()).extracting(Finding::row).containsExactly(5L, 6L, 7L);
        assertThat(r.findings().get(0).detail())
                .isEqualTo("age: 55 -> 60.5; prediction: no -> no; score: 0.45 -> 0.395");
        assertThat(r.findings().get(0).entity()).isEqualTo("violation");

        CheckResult tolerant = Checks.evaluate(Directional.check().perturb(Perturbations.relative("age", 0.10))
                .expect(Directional.Expect.NON_DECREASING).tolerance(0.065).build(), peaked, data, CTX);
        assertThat(tolerant.findings()).extracting(Finding::row).as("only 0.3 -> 0.23 drops by more")
                .containsExactly(7L);

        CheckResult down = Checks.evaluate(Directional.check().perturb(Perturbations.relative("age", 0.10))
                .expect(Directional.Expect.NON_INCREASING).build(), peaked, data, CTX);
        assertThat(down.value()).as("the other seven rise").isCloseTo(0.7, within(1e-12));

        CheckResult monotone = Checks.evaluate(Directional.check().perturb(Perturbations.relative("age", 0.10))
                .expect(Directional.Expect.NON_DECREASING).maxViolationRate(0).build(), ageModel(a -> a / 100),
                data, CTX);
        assertThat(monotone.verdict()).isEqualTo(Verdict.PASS);
        assertThat(monotone.value()).isEqualTo(0.0);
    }

    @Test
    void directionalOnTheDecision() {
        // positive from 0.5: 45 -> 49.5 stays no (0.495); with a cut at 0.42 instead, 40 (0.40 -> 0.44) turns yes
        // and 45 (0.45) stays yes, while 55 (0.45 -> 0.395) turns no: one violation of non-decreasing.
        Model cut = d -> {
            Predictions p = peaked.predict(d);
            String[] l = new String[d.rows()];
            for (int i = 0; i < l.length; i++) {
                l[i] = p.score(i) >= 0.42 ? "yes" : "no";
            }
            return Predictions.ofLabels(l);
        };
        CheckResult r = Checks.evaluate(Directional.check().perturb(Perturbations.relative("age", 0.10))
                .expect(Directional.Expect.NON_DECREASING).output(Directional.Output.DECISION).build(), cut, data,
                CTX);
        assertThat(r.findings()).extracting(Finding::row).containsExactly(5L);
        assertThat(r.findings().get(0).detail()).isEqualTo("age: 55 -> 60.5; prediction: yes -> no");
        CheckResult up = Checks.evaluate(Directional.check().perturb(Perturbations.relative("age", 0.10))
                .expect(Directional.Expect.NON_INCREASING).output(Directional.Output.DECISION).build(), cut, data,
                CTX);
        assertThat(up.findings()).extracting(Finding::row).containsExactly(3L);

        CheckResult noScores = Checks.evaluate(Directional.check().perturb(Perturbations.relative("age", 0.10))
                .expect(Directional.Expect.NON_DECREASING).build(), cut, data, CTX);
        assertThat(noScores.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(noScores.message()).contains("returns labels without scores");
    }
}

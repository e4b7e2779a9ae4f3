package dev.assay.scenarios.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Example;
import dev.assay.core.Finding;
import dev.assay.core.Verdict;
import dev.assay.scenarios.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code invariance:} and {@code directional:} on ten hand-made rows with {@link SexAwareModel}. */
class RobustnessKindsTest extends KindTestSupport {
    static final String HEAD = """
            model:
              java: dev.assay.scenarios.kinds.SexAwareModel
            data:
              path: data.csv
              label: y
              positive: "yes"
            checks:
            """;
    // 1 model, 2 java, 3 data, 4 path, 5 label, 6 positive, 7 checks, 8 first check, 9 kind, 10 first key

    static final int[] AGES = {10, 25, 30, 40, 45, 55, 60, 70, 15, 35};

    @BeforeEach
    void data() {
        StringBuilder csv = new StringBuilder("age,sex,y,y_pred\n");
        for (int i = 0; i < 10; i++) {
            csv.append(AGES[i]).append(',').append(i % 2 == 0 ? "M" : "F").append(',')
                    .append(i % 3 == 0 ? "yes" : "no").append(",no\n");
        }
        write("data.csv", csv.toString());
    }

    @Test
    void invarianceCountsTheFlipsOfSwappingSex() {
        List<CheckResult> r = run(HEAD + """
                  - name: sex-blind
                    invariance:
                      perturb: {swap: {column: sex}}
                      max-flip-rate: 0.6
                      examples: 2
                  - name: sex-blind, strictly
                    invariance:
                      perturb: {swap: {column: sex}}
                      max-flip-rate: 0.6
                      decision: strict
                      sample: 6
                """);
        CheckResult loose = r.get(0);
        assertThat(loose.verdict()).isEqualTo(Verdict.PASS);
        assertThat(loose.kind()).isEqualTo("invariance");
        assertThat(loose.value()).isEqualTo(0.5);
        assertThat(loose.n()).isEqualTo(10);
        assertThat(loose.examples()).extracting(Example::row).containsExactly(1L, 2L);
        assertThat(loose.examples().get(0).perturbed()).containsEntry("sex", "M");
        assertThat(loose.examples().get(0).reason()).isEqualTo("prediction changed: no -> yes");
        assertThat(loose.examples().get(0).answer()).isEqualTo("yes (score 0.55)");
        assertThat(loose.message()).endsWith("showing 2 of 5 examples");

        CheckResult strict = r.get(1);
        assertThat(strict.n()).isEqualTo(6);
        assertThat(strict.cases()).extracting(Example::row).isSubsetOf(1L, 2L, 3L, 4L, 9L);
        assertThat(strict.verdict()).as("6 rows cannot show a flip rate below 0.6 for sure: " + strict)
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void directionalOnTheScoreAndTheDecision() {
        List<CheckResult> r = run(HEAD + """
                  - name: older is not worse
                    directional:
                      perturb: {relative: {column: age, change: 0.1}}
                      constraints: {integer: [age], ranges: {age: {min: 0, max: 100}}}
                      expect: non-decreasing
                      max-violation-rate: 0
                  - name: older is not better
                    directional:
                      perturb: [{relative: {column: age, change: 0.5}}, {round: {column: age, step: 1}}]
                      expect: non-increasing
                      output: decision
                      max-violation-rate: 0.05
                """);
        assertThat(r.get(0).verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.get(0).value()).isEqualTo(0.0);
        assertThat(r.get(0).metric()).isEqualTo("violation_rate");
        // age x1.5, rounded (ties to even), turns "no" into "yes" for row 3 (40 F: 0.40 -> 60 F: 0.60),
        // row 8 (15 M: 0.45 -> 22 M: 0.52) and row 9 (35 F: 0.35 -> 52 F: 0.52); row 1 (25 F -> 38 F: 0.38) and
        // row 0 (10 M -> 15 M: 0.45) stay "no".
        CheckResult decision = r.get(1);
        assertThat(decision.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(decision.value()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(decision.findings()).extracting(Finding::row).containsExactly(3L, 8L, 9L);
        assertThat(decision.findings().get(1).detail())
                .isEqualTo("age: 15 -> 22; prediction: no -> yes; score: 0.45 -> 0.52");
        assertThat(decision.message()).startsWith("expected violation_rate to be at most 0.05 (decision: point),"
                + " but 3 of 10 rows moved the decision against non-increasing under relative age +50%, then"
                + " round age to 1");
    }

    @Test
    void storedPredictionsAreAnErrorNotAPass() {
        List<CheckResult> r = run("""
                model:
                  predictions: {column: y_pred}
                data:
                  path: data.csv
                checks:
                  - name: sex-blind
                    invariance:
                      perturb: {swap: {column: sex}}
                      max-flip-rate: 0
                """);
        assertThat(r.get(0).verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.get(0).message()).contains("reads stored predictions");
    }

    @Test
    void badKeysNameTheFileLineAndColumn() {
        ScenarioException e = fail(HEAD + """
                  - name: a
                    invariance:
                      perturb: {shuffle: {column: sex}}
                      max-flip-rate: 0
                  - name: b
                    invariance:
                      perturb: {noise: {column: height, scale: 0.1}}
                      max-flip-rate: 0
                  - name: c
                    invariance:
                      perturb: {swap: {column: age}}
                  - name: d
                    directional:
                      perturb: {relative: {column: age, change: 0.1}}
                      constraints: {immutable: [age]}
                      expect: upwards
                      max-violation-rate: 2
                  - name: e
                    directional:
                      perturb: {noise: {column: age, sigma: 2}}
                      constraints: {ranges: {height: {min: 0}}, integer: age}
                      expect: non-decreasing
                      max-violation-rate: 0
                """);
        assertThat(e.getMessage())
                .contains(at(10, 17) + "checks[0].invariance.perturb: unknown perturbation 'shuffle'")
                .contains("(expected one of noise, relative, round, swap, missing, boundary, out-of-range, typos,")
                .contains(at(14, 33) + "checks[1].invariance.perturb.noise.column: unknown perturbed column"
                        + " 'height'")
                .contains("checks[2].invariance.perturb.swap.column: swap needs a categorical column, but 'age'")
                .contains("missing required key 'checks[2].invariance.max-flip-rate'")
                .contains("checks[3].directional.constraints.immutable: column 'age' is immutable, but the"
                        + " perturbation 'relative age +10%' changes it")
                .contains("checks[3].directional.expect: unknown value 'upwards'")
                .contains("checks[3].directional.max-violation-rate: expected a rate between 0 and 1, found 2")
                .contains(at(27, 38) + "unknown key 'sigma' in checks[4].directional.perturb.noise")
                .contains("missing required key 'checks[4].directional.perturb.noise.scale'")
                .contains(at(28, 30) + "checks[4].directional.constraints.ranges.height: unknown range column"
                        + " 'height' in data.csv");
    }
}

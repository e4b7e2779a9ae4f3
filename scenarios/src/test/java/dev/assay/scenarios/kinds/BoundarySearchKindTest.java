package dev.assay.scenarios.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.Verdict;
import dev.assay.scenarios.ScenarioException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code boundary-search:} on the ten rows of {@link RobustnessKindsTest} with {@link SexAwareModel} (yes from
 * age / 100 + 0.3 for M of 0.5): moving age alone, the decision changes at age 20 for M and 50 for F, so the rows
 * (ages 10, 25, ..., 35) are 10, 25, 10, 10, 25, 5, 40, 20, 5 and 15 years from it; in standardised units, divided
 * by the standard deviation of age (19.44).
 */
class BoundarySearchKindTest extends KindTestSupport {
    static final double[] YEARS = {10, 25, 10, 10, 25, 5, 40, 20, 5, 15};

    @BeforeEach
    void data() {
        StringBuilder csv = new StringBuilder("age,sex,y\n");
        for (int i = 0; i < 10; i++) {
            csv.append(RobustnessKindsTest.AGES[i]).append(',').append(i % 2 == 0 ? "M" : "F").append(',')
                    .append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        write("data.csv", csv.toString());
    }

    static double sdOfAge() {
        double m = Arrays.stream(RobustnessKindsTest.AGES).average().orElseThrow();
        return Math.sqrt(Arrays.stream(RobustnessKindsTest.AGES).mapToDouble(a -> (a - m) * (a - m)).sum() / 9);
    }

    @Test
    void measuresTheDistanceToTheDecisionOfEveryRow() {
        List<CheckResult> r = run(RobustnessKindsTest.HEAD + """
                  - name: age within 0.3 sd
                    boundary-search:
                      features: [age]
                      rows: 10
                      radius: 0.3
                      max-queries: 60
                      max-flip-rate: 0.3
                  - name: median far enough
                    boundary-search:
                      features: age
                      constraints: {integer: [age], ranges: {age: {min: 0, max: 100}}}
                      min-median-distance: 1
                      decision: strict
                """);
        double sd = sdOfAge();
        CheckResult rate = r.get(0);
        assertThat(rate.verdict()).as(rate.message()).isEqualTo(Verdict.PASS);
        assertThat(rate.kind()).isEqualTo("boundary-search");
        assertThat(rate.value()).isEqualTo(0.2); // the two rows 5 years away: 5 / 19.44 = 0.26 <= 0.3
        GroupResult t = rate.groups().get(0);
        assertThat(t.metric("min")).isCloseTo(5 / sd, within(1e-3));
        assertThat(t.metric("median")).isCloseTo(12.5 / sd, within(1e-3));
        assertThat(t.metric("queries_used")).isLessThanOrEqualTo(600.0);

        CheckResult median = r.get(1);
        assertThat(median.verdict()).as(median.message()).isEqualTo(Verdict.FAIL);
        assertThat(median.metric()).isEqualTo("median_distance");
        // whole years: the flip must hold after rounding, so 55 F goes to 49 (6 years, not 5), 30 M to 19, ...:
        // 5, 6, 10, 10, 11, 15, 21, 25, 26, 41 years, median 13
        assertThat(median.value()).isCloseTo(13 / sd, within(1e-9));
        assertThat(median.ci().lower()).isLessThan(1);
        assertThat(median.message()).startsWith("Expecting median distance to be at least 1 (decision: strict)");
    }

    @Test
    void badKeysNameTheFileLineAndColumn() {
        ScenarioException e = fail(RobustnessKindsTest.HEAD + """
                  - name: a
                    boundary-search:
                      features: [age, height]
                      max-flip-rate: 0.1
                      budget: 100
                  - name: b
                    boundary-search:
                      features: [age]
                      constraints: {immutable: [age]}
                      radius: 0
                      min-median-distance: -1
                  - name: c
                    boundary-search:
                      rows: 0
                """);
        assertThat(e.getMessage())
                .contains(at(10, 23) + "checks[0].boundary-search.features: unknown feature column 'height'")
                .contains(at(11, 22) + "checks[0].boundary-search.max-flip-rate: needs 'radius'")
                .contains(at(12, 7) + "unknown key 'budget' in checks[0].boundary-search")
                .contains(at(15, 18) + "checks[1].boundary-search.features: column 'age' is immutable")
                .contains("checks[1].boundary-search.radius: expected a positive number")
                .contains("checks[1].boundary-search.min-median-distance: expected a number of at least 0")
                .contains("checks[2].boundary-search.rows: expected a whole number of at least 1, found 0")
                .contains("missing required key 'checks[2].boundary-search.max-flip-rate' (or"
                        + " 'min-median-distance': the check needs a threshold)");
    }
}

package dev.assay.scenarios.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.Verdict;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code fairness:} on 40 hand-made rows. Sex A: 10 positives of which 8 predicted positive (TPR 0.8), 10 negatives
 * of which 2 predicted positive (FPR 0.2), selection rate 10/20 = 0.5. Sex B: TPR 6/10 = 0.6, FPR 0.2, selection
 * rate 8/20 = 0.4. Overall selection rate 18/40 = 0.45.
 */
class FairnessKindTest extends KindTestSupport {
    static final String HEAD = """
            model:
              predictions: {column: y_pred}
            data:
              path: fair.csv
              label: income
              positive: ">50K"
            checks:
            """;

    @BeforeEach
    void data() {
        StringBuilder csv = new StringBuilder("sex,race,income,y_pred,score\n");
        for (String sex : List.of("A", "B")) {
            int tp = sex.equals("A") ? 8 : 6;
            for (int i = 0; i < 20; i++) {
                boolean label = i < 10;
                boolean pred = label ? i < tp : i < 12;
                csv.append(sex).append(',').append(i % 2 == 0 ? "W" : "Bk").append(',')
                        .append(label ? ">50K" : "<=50K").append(',').append(pred ? ">50K" : "<=50K").append(',')
                        .append(pred ? "0.8" : "0.2").append('\n');
            }
        }
        write("fair.csv", csv.toString());
    }

    @Test
    void gatesGiveTheHandComputedValuesAndVerdicts() {
        List<CheckResult> r = run(HEAD + """
                  - name: parity
                    fairness: {metric: demographic_parity_difference, by: [sex], max: 0.15, min-group-size: 10,
                               bootstrap: 200}
                  - name: odds
                    fairness: {metric: equalized_odds_difference, by: sex, max: 0.1, min-group-size: 10,
                               bootstrap: 200}
                  - name: to overall
                    fairness: {metric: demographic_parity_ratio, by: [sex], method: to_overall, min: 0.8,
                               min-group-size: 10, bootstrap: 200}
                  - name: disparate impact
                    fairness: {metric: disparate_impact, by: [sex], privileged: [{sex: A}], min: 0.8,
                               min-group-size: 10, bootstrap: 0}
                """);
        assertThat(r).extracting(CheckResult::kind).containsOnly("fairness");
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(0).value()).isCloseTo(0.1, within(1e-12));
        assertThat(r.get(0).ci()).isNotNull();
        assertThat(r.get(1).verdict()).as(r.get(1).toString()).isEqualTo(Verdict.FAIL);
        assertThat(r.get(1).value()).isCloseTo(0.2, within(1e-12));
        assertThat(r.get(2).verdict()).as(r.get(2).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(2).value()).isCloseTo(0.4 / 0.45, within(1e-12));
        assertThat(r.get(3).verdict()).as(r.get(3).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(3).value()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void groupsDefaultToTheSensitiveColumnsAndSmallGroupsAreNotJudged() {
        List<CheckResult> r = run(HEAD.replace("  positive: \">50K\"\n", "  positive: \">50K\"\n  sensitive: [sex]\n")
                + """
                  - name: parity
                    fairness: {metric: demographic_parity_difference, max: 0.15, bootstrap: 0}
                """);
        // 20 rows per group, below the default min-group-size 30: an error, never a pass
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void unknownKeyWithSuggestion() {
        var e = fail(HEAD + """
                  - name: parity
                    fairness:
                      metric: demographic_parity_difference
                      by: [sex]
                      max: 0.1
                      min_group_size: 10
                """);
        assertThat(e.getMessage()).startsWith(at(13, 7) + "unknown key 'min_group_size' in checks[0].fairness;"
                + " did you mean 'min-group-size'? (known keys: metric, by, min, max, method,");
    }

    @Test
    void unknownMetricGroupColumnAndEnumValues() {
        var e = fail(HEAD + """
                  - name: parity
                    fairness:
                      metric: demographic_parity_diference
                      by: [sexe]
                      max: 0.1
                      method: to-overall
                      small-groups: drop
                      privileged: [{gender: A}]
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(10, 15) + "checks[0].fairness.metric: unknown fairness metric 'demographic_parity_diference';"
                        + " did you mean 'demographic_parity_difference'? (expected one of "
                        + String.join(", ", namedMetrics())
                        + ", or <base>_difference, <base>_ratio, <base>_group_min, <base>_group_max of a base"
                        + " metric)",
                at(11, 12) + "checks[0].fairness.by: unknown group column 'sexe' in fair.csv; did you mean 'sex'?"
                        + " (columns: sex, race, income, y_pred, score)",
                at(13, 15) + "checks[0].fairness.method: unknown value 'to-overall'; did you mean 'to_overall'?"
                        + " (expected one of between_groups, to_overall)",
                at(14, 21) + "checks[0].fairness.small-groups: unknown value 'drop' (expected one of exclude, fail)",
                at(15, 21) + "checks[0].fairness.privileged[0]: unknown group column 'gender' in fair.csv"
                        + " (columns: sex, race, income, y_pred, score)");
    }

    private static List<String> namedMetrics() {
        List<String> out = new java.util.ArrayList<>();
        for (java.lang.reflect.Field f : dev.assay.core.fairness.FairnessMetrics.class.getFields()) {
            try {
                out.add((String) f.get(null));
            } catch (IllegalAccessException ex) {
                throw new AssertionError(ex);
            }
        }
        return out;
    }

    @Test
    void wrongTypesAndMissingThreshold() {
        var e = fail(HEAD + """
                  - name: parity
                    fairness: {metric: demographic_parity_ratio, by: [sex], min: high, bootstrap: -1}
                  - name: no threshold
                    fairness: {metric: demographic_parity_ratio, by: [sex]}
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(9, 66) + "checks[0].fairness.min: expected a number, found a string ('high')",
                at(9, 83) + "checks[0].fairness.bootstrap: expected a whole number of at least 0, found -1",
                at(11, 15) + "missing required key 'checks[1].fairness.min' (or 'max': a fairness check needs a"
                        + " threshold)");
    }
}

package dev.assay.junit;

import static dev.assay.junit.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.AssayException;
import dev.assay.core.CheckResult;
import dev.assay.core.Decision;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The assertions' behaviour and their messages. The numbers are those of the test data: accuracy 3/5 = 0.6 for
 * women with the Wilson 95% interval [0.2307, 0.8824], 5/5 = 1 for men with [0.5655, 1].
 */
class CheckResultAssertTest {
    private static final String NL = System.lineSeparator();

    static GroupResult group(String sex, long n, double accuracy, Interval ci, String excluded) {
        return new GroupResult(Map.of("sex", sex), n, Map.of("accuracy", accuracy), Map.of("accuracy", ci), excluded);
    }

    static CheckResult bySex(Verdict verdict) {
        return CheckResult.builder("performance", "Four-fifths rule on sex").metric("accuracy").value(0.6)
                .ci(new Interval(0.2307, 0.8824)).confidence(0.95).threshold(Threshold.atLeast(0.8))
                .decision(Decision.POINT).verdict(verdict).n(10)
                .group(group("Male", 5, 1.0, new Interval(0.5655, 1.0), null))
                .group(group("Female", 5, 0.6, new Interval(0.2307, 0.8824), null))
                .message(verdict == Verdict.FAIL ? "accuracy of 1 of 2 groups is not at least 0.8" : null)
                .build();
    }

    static CheckResult errored() {
        return CheckResult.builder("performance", "Broken model").verdict(Verdict.ERROR)
                .message("credit.csv line 2 (row 0): model 'Maybe' predicted 'maybe', which is not one of the labels"
                        + " [<=50K, >50K] of column 'income'")
                .build();
    }

    @Test
    void passesMessageNamesMetricValueIntervalThresholdDecisionAndWorstGroupFirst() {
        String expected = NL + "Expecting check <Four-fifths rule on sex> to pass, but it failed:" + NL
                + "  metric: accuracy" + NL
                + "  value: 0.6 [0.2307, 0.8824] (95%)" + NL
                + "  threshold: at least 0.8 (decision: point)" + NL
                + "  n: 10" + NL
                + "  worst groups:" + NL
                + "    sex=Female 0.6 [0.2307, 0.8824] n=5" + NL
                + "    sex=Male 1 [0.5655, 1] n=5" + NL
                + "  message: accuracy of 1 of 2 groups is not at least 0.8";
        assertThatThrownBy(() -> assertThat(bySex(Verdict.FAIL)).passes())
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage(expected);
    }

    @Test
    void messagesRespectAs() {
        assertThatThrownBy(() -> assertThat(bySex(Verdict.FAIL)).as("release gate %d", 3).passes())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[release gate 3] " + NL + "Expecting check <Four-fifths rule on sex> to pass");
        assertThatThrownBy(() -> assertThat(bySex(Verdict.FAIL)).overridingErrorMessage("custom").passes())
                .hasMessage("custom");
    }

    @Test
    void failsOnAPassingCheckSaysItPassed() {
        assertThatThrownBy(() -> assertThat(bySex(Verdict.PASS)).fails())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(NL + "Expecting check <Four-fifths rule on sex> to fail, but it passed:" + NL
                        + "  metric: accuracy")
                .hasMessageNotContaining("message:");
        assertThatCode(() -> assertThat(bySex(Verdict.FAIL)).fails().hasVerdict(Verdict.FAIL))
                .doesNotThrowAnyException();
        assertThatCode(() -> assertThat(bySex(Verdict.PASS)).passes()).doesNotThrowAnyException();
    }

    @Test
    void anErrorIsNeitherAPassNorAFailureAndNotAnAssertionError() {
        String expected = "Check <Broken model> could not be judged (verdict: error): credit.csv line 2 (row 0): model"
                + " 'Maybe' predicted 'maybe', which is not one of the labels [<=50K, >50K] of column 'income'";
        assertThatThrownBy(() -> assertThat(errored()).passes())
                .isExactlyInstanceOf(AssayException.class).isNotInstanceOf(AssertionError.class).hasMessage(expected);
        assertThatThrownBy(() -> assertThat(errored()).fails())
                .isExactlyInstanceOf(AssayException.class).hasMessage(expected);
        assertThatThrownBy(() -> assertThat(errored()).hasVerdict(Verdict.FAIL))
                .isExactlyInstanceOf(AssayException.class);
        assertThatThrownBy(() -> assertThat(errored()).hasValueAtLeast(0))
                .isExactlyInstanceOf(AssayException.class);
        assertThatThrownBy(() -> assertThat(errored()).as("gate").passes())
                .isExactlyInstanceOf(AssayException.class).hasMessage("[gate] " + expected);
        // an expected error can be asserted, and its message inspected
        assertThatCode(() -> assertThat(errored()).hasVerdict(Verdict.ERROR).hasMessageContaining("'maybe'"))
                .doesNotThrowAnyException();
    }

    @Test
    void hasVerdictNamesBothVerdicts() {
        assertThatThrownBy(() -> assertThat(bySex(Verdict.PASS)).hasVerdict(Verdict.ERROR))
                .hasMessageStartingWith(NL + "Expecting check <Four-fifths rule on sex> to have verdict <error>, but"
                        + " it was <pass>:" + NL + "  metric: accuracy");
    }

    @Test
    void valueBounds() {
        assertThatCode(() -> assertThat(bySex(Verdict.FAIL)).hasValueAtLeast(0.6).hasValueAtMost(0.6))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(bySex(Verdict.FAIL)).hasValueAtLeast(0.61))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(NL + "Expecting accuracy of check <Four-fifths rule on sex>:" + NL
                        + "  0.6" + NL + "to be at least:" + NL + "  0.61" + NL + "  metric: accuracy");
        assertThatThrownBy(() -> assertThat(bySex(Verdict.FAIL)).hasValueAtMost(0.5))
                .hasMessageContaining("to be at most:" + NL + "  0.5" + NL);
        CheckResult noValue = CheckResult.builder("performance", "No value").metric("precision")
                .verdict(Verdict.PASS).build();
        assertThatThrownBy(() -> assertThat(noValue).hasValueAtMost(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(NL + "Expecting check <No value> to have a value for precision, but it has"
                        + " none:");
    }

    @Test
    void intervalWithin() {
        assertThatCode(() -> assertThat(bySex(Verdict.FAIL)).hasIntervalWithin(0.2, 0.9)).doesNotThrowAnyException();
        assertThatCode(() -> assertThat(bySex(Verdict.FAIL)).hasIntervalWithin(0.2307, 0.8824))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(bySex(Verdict.FAIL)).hasIntervalWithin(0.5, 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(NL + "Expecting the 95% interval of accuracy of check <Four-fifths rule on sex>:"
                        + NL + "  [0.2307, 0.8824]" + NL + "to lie within:" + NL + "  [0.5, 1]" + NL);
        CheckResult noCi = CheckResult.builder("performance", "Point only").metric("accuracy").value(0.9)
                .verdict(Verdict.PASS).build();
        assertThatThrownBy(() -> assertThat(noCi).hasIntervalWithin(0, 1))
                .hasMessageStartingWith(NL + "Expecting check <Point only> to have a confidence interval for accuracy,"
                        + " but it has none:");
        assertThatThrownBy(() -> assertThat(noCi).hasIntervalWithin(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupNavigation() {
        CheckResult r = bySex(Verdict.FAIL);
        assertThatCode(() -> {
            assertThat(r).hasGroup("sex=Female").hasGroup(Map.of("sex", "Male"));
            assertThat(r).group("sex=Female").hasSize(5).hasMetricAtMost("accuracy", 0.6)
                    .hasMetricCloseTo("accuracy", 0.6, 1e-12).isNotExcluded();
            assertThat(r).group(" sex = Male ").hasMetricAtLeast("accuracy", 1.0);
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(r).hasGroup("sex=Other"))
                .hasMessage(NL + "Expecting check <Four-fifths rule on sex> to have group:" + NL + "  sex=Other" + NL
                        + "but its groups are:" + NL + "  sex=Male (n=5)" + NL + "  sex=Female (n=5)");
        assertThatThrownBy(() -> assertThat(r).as("gate").group("sex=Female").hasMetricAtLeast("accuracy", 0.8))
                .hasMessage("[gate, check <Four-fifths rule on sex>] " + NL
                        + "Expecting accuracy of group <sex=Female> (n=5):" + NL + "  0.6 [0.2307, 0.8824]" + NL
                        + "to be at least:" + NL + "  0.8");
        assertThatThrownBy(() -> assertThat(r).group("sex=Female").hasSize(6))
                .hasMessageContaining("Expecting group <sex=Female> to have" + NL + "  6 rows" + NL + "but it has:"
                        + NL + "  5 rows");
        assertThatThrownBy(() -> assertThat(r).group("sex=Female").hasMetricAtLeast("recall", 0))
                .hasMessageContaining("to have a value for recall, but it has none");
        assertThatThrownBy(() -> assertThat(r).group("Female")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"column=value\"");
        CheckResult overall = CheckResult.builder("performance", "Overall").metric("accuracy").value(0.8)
                .verdict(Verdict.PASS).build();
        assertThatThrownBy(() -> assertThat(overall).hasGroup("sex=Female"))
                .hasMessageEndingWith("but it has no groups (it was not evaluated by group)");
    }

    @Test
    void intersectionalGroups() {
        Map<String, String> cell = new LinkedHashMap<>();
        cell.put("sex", "Female");
        cell.put("race", "Black");
        CheckResult r = CheckResult.builder("performance", "By sex and race").metric("accuracy").value(0.5)
                .verdict(Verdict.FAIL).threshold(Threshold.atLeast(0.8))
                .group(new GroupResult(cell, 4, Map.of("accuracy", 0.5), Map.of(), "fewer than 30 rows"))
                .build();
        assertThatCode(() -> assertThat(r).group("sex=Female", "race=Black").isExcluded())
                .doesNotThrowAnyException();
        assertThatCode(() -> assertThat(r).hasGroup("race=Black, sex=Female")).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(r).group("sex=Female, race=Black").isNotExcluded())
                .hasMessageContaining("to be judged, but it was left out: fewer than 30 rows");
        assertThatThrownBy(() -> assertThat(r).passes())
                .hasMessageContaining("    sex=Female, race=Black 0.5 n=4 (left out: fewer than 30 rows)");
    }

    @Test
    void worstGroupsAreCappedAndHighIsWorstForAMaximum() {
        CheckResult.Builder b = CheckResult.builder("performance", "Error rate").metric("error").value(0.4)
                .threshold(Threshold.atMost(0.1)).verdict(Verdict.FAIL);
        for (String g : List.of("a", "b", "c", "d", "e")) {
            b.group(new GroupResult(Map.of("g", g), 40, Map.of("error", (g.charAt(0) - 'a') / 10.0)));
        }
        assertThatThrownBy(() -> assertThat(b.build()).passes())
                .hasMessageContaining("  threshold: at most 0.1 (decision: point)")
                .hasMessageContaining("  worst groups:" + NL + "    g=e 0.4 n=40" + NL + "    g=d 0.3 n=40" + NL
                        + "    g=c 0.2 n=40" + NL + "    ... and 2 more");
    }

    @Test
    void messageAndMetric() {
        assertThatCode(() -> assertThat(bySex(Verdict.FAIL)).hasMetric("accuracy")
                .hasMessageContaining("1 of 2 groups")).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(bySex(Verdict.FAIL)).hasMetric("recall"))
                .hasMessage(NL + "Expecting check <Four-fifths rule on sex> to measure:" + NL + "  recall" + NL
                        + "but it measures:" + NL + "  accuracy");
        assertThatThrownBy(() -> assertThat(bySex(Verdict.FAIL)).hasMessageContaining("3 of 4"))
                .hasMessage(NL + "Expecting message of check <Four-fifths rule on sex>:" + NL
                        + "  \"accuracy of 1 of 2 groups is not at least 0.8\"" + NL + "to contain:" + NL
                        + "  \"3 of 4\"");
        assertThatThrownBy(() -> assertThat(bySex(Verdict.PASS)).hasMessageContaining("x"))
                .hasMessageEndingWith("but the check has no message (verdict: pass)");
    }

    @Test
    void nullActual() {
        assertThatThrownBy(() -> assertThat((CheckResult) null).passes())
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void testDatasetMissingDefaultIsTheCoreDefault() throws NoSuchMethodException {
        String[] tokens = (String[]) TestDataset.class.getMethod("missing").getDefaultValue();
        org.assertj.core.api.Assertions.assertThat(java.util.Set.of(tokens))
                .isEqualTo(dev.assay.core.Datasets.DEFAULT_MISSING);
    }
}

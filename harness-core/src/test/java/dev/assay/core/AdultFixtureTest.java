package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The first 200 lines of UCI Adult (CC BY 4.0, Becker &amp; Kohavi 1996, doi:10.24432/C5XW20). Expected counts and
 * metrics were computed independently with a short Python script that splits each line on {@code ", "}.
 */
class AdultFixtureTest {
    static final String[] COLUMNS = {"age", "workclass", "fnlwgt", "education", "education-num", "marital-status",
            "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week",
            "native-country", "income"};

    private static Dataset adult() {
        return Datasets.csv(Fixtures.resource("adult-200.csv")).name("adult-200.csv").trim(true).columns(COLUMNS)
                .label("income").positive(">50K").sensitive("sex", "race").load();
    }

    @Test
    void loadsWithTypesMissingValuesAndLines() {
        Dataset d = adult();
        assertThat(d.rows()).isEqualTo(200);
        assertThat(d.column("age").isNumeric()).isTrue();
        double ageSum = 0;
        for (double a : d.column("age").toDoubleArray()) {
            ageSum += a;
        }
        assertThat(ageSum).isEqualTo(7572);
        assertThat(d.column("sex").dictionary()).containsExactly("Male", "Female");
        assertThat(d.column("workclass").missingCount()).isEqualTo(10);
        assertThat(d.column("workclass").firstMissing()).isEqualTo(27);
        assertThat(d.locate(27)).isEqualTo("adult-200.csv line 28 (row 27)");
        assertThat(d.column("occupation").missingCount()).isEqualTo(10);
        assertThat(d.column("native-country").missingCount()).isEqualTo(5);
        int positives = 0;
        for (int i = 0; i < d.rows(); i++) {
            positives += ">50K".equals(d.column("income").stringValue(i)) ? 1 : 0;
        }
        assertThat(positives).isEqualTo(47);
    }

    @Test
    void ruleModelAccuracyOverallAndBySex() {
        Model rule = Models.function("degree-rule", r -> r.getDouble("education-num") >= 13 ? ">50K" : "<=50K");
        RunContext ctx = new RunContext("adult", 42);
        Dataset d = adult();

        // TP 25, FP 30, TN 123, FN 22
        CheckResult overall = Checks.evaluate(Performance.check().atLeast(0.7).build(), rule, d, ctx);
        assertThat(overall.verdict()).isEqualTo(Verdict.PASS);
        assertThat(overall.value()).isCloseTo(148 / 200.0, within(1e-12));
        CheckResult precision = Checks.evaluate(Performance.check().metric("precision").build(), rule, d, ctx);
        assertThat(precision.value()).isCloseTo(25 / 55.0, within(1e-12));
        CheckResult recall = Checks.evaluate(Performance.check().metric("recall").build(), rule, d, ctx);
        assertThat(recall.value()).isCloseTo(25 / 47.0, within(1e-12));

        // Male 102/140, Female 46/60; min-group-size 30 keeps both
        CheckResult bySex = Checks.evaluate(Performance.check().by("sex").atLeast(0.75).build(), rule, d, ctx);
        assertThat(bySex.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(bySex.value()).isCloseTo(102 / 140.0, within(1e-12));
        assertThat(bySex.groups()).extracting(GroupResult::n).containsExactly(140L, 60L);
        assertThat(bySex.groups().get(1).metric("accuracy")).isCloseTo(46 / 60.0, within(1e-12));
        assertThat(bySex.message()).contains("sex=Male 0.7286");
    }

    @Test
    void adultTestLayoutWithItsJunkFirstLine() {
        // adult.test starts with "|1x3 Cross validator" and spells labels with a trailing dot
        Dataset d = Datasets.csv(Fixtures.resource("adult-200.csv")).trim(true).skipLines(1).columns(COLUMNS).load();
        assertThat(d.rows()).isEqualTo(199);
        assertThat(d.line(0)).isEqualTo(2);
    }
}

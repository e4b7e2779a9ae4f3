package dev.assay.scenarios.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.Verdict;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code expect-data:}, {@code expect-output:}, {@code drift:} and {@code compare:} on ten hand-made rows. */
class DataKindsTest extends KindTestSupport {
    static final String HEAD = """
            model:
              predictions: {column: y_pred}
            data:
              path: data.csv
              label: income
              positive: ">50K"
            checks:
            """;
    // 1 model, 2 predictions, 3 data, 4 path, 5 label, 6 positive, 7 checks, 8 first check

    static final int[] AGES = {25, 32, 47, 51, 38, 29, 60, 44, 36, 95};

    @BeforeEach
    void data() {
        // income: >50K for rows 2, 3, 6, 7 (0-based). y_pred is wrong only on row 9 (accuracy 9/10),
        // y_base is wrong on rows 0, 1, 2, 9 (accuracy 6/10).
        StringBuilder csv = new StringBuilder("age,sex,score,income,y_pred,y_base\n");
        StringBuilder ref = new StringBuilder("age,sex\n");
        StringBuilder old = new StringBuilder("age,sex\n");
        for (int i = 0; i < 10; i++) {
            boolean pos = i == 2 || i == 3 || i == 6 || i == 7;
            boolean pred = i == 9 ? !pos : pos;
            boolean base = i <= 2 || i == 9 ? !pos : pos;
            String sex = i % 2 == 0 ? "F" : "M";
            csv.append(AGES[i]).append(',').append(sex).append(',').append(pred ? "0.9" : "0.1").append(',')
                    .append(label(pos)).append(',').append(label(pred)).append(',').append(label(base)).append('\n');
            ref.append(AGES[i]).append(',').append(sex).append('\n');
            old.append(AGES[i] + 40).append(',').append(sex).append('\n');
        }
        write("data.csv", csv.toString());
        write("ref/same.csv", ref.toString());
        write("ref/old.csv", old.toString());
    }

    private static String label(boolean positive) {
        return positive ? ">50K" : "<=50K";
    }

    @Test
    void expectations() {
        List<CheckResult> r = run(HEAD + """
                  - name: schema
                    expect-data:
                      rows: {min: 5, max: 20}
                      columns:
                        sex: {in: [F, M], not-null: true}
                        age: {type: integer, min: 17, mean: {min: 30, max: 50}}
                  - name: age cap
                    expect-data:
                      columns:
                        age: {max: 90}
                  - name: outputs
                    expect-output:
                      columns:
                        score: {probability: true}
                        prediction: {in: ["<=50K", ">50K"]}
                """);
        // mean age = 457 / 10 = 45.7
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(1).verdict()).as(r.get(1).toString()).isEqualTo(Verdict.FAIL);
        assertThat(r.get(1).findings()).singleElement().satisfies(f -> assertThat(f.row()).isEqualTo(9));
        assertThat(r.get(2).verdict()).as(r.get(2).toString()).isEqualTo(Verdict.PASS);
        assertThat(r).extracting(CheckResult::kind).containsExactly("expect-data", "expect-data", "expect-output");
    }

    @Test
    void expectationErrors() {
        var e = fail(HEAD + """
                  - name: schema
                    expect-data:
                      columns:
                        agee: {min: 17}
                        sex: {type: text, not-nul: true}
                        age: {regex: "[0-9", mean: {mn: 3}}
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(11, 9) + "checks[0].expect-data.columns: unknown expected column 'agee' in data.csv; did you"
                        + " mean 'age'? (columns: age, sex, score, income, y_pred, y_base)",
                at(12, 27) + "unknown key 'not-nul' in checks[0].expect-data.columns.sex; did you mean 'not-null'?"
                        + " (known keys: type, not-null, max-null-fraction, unique, in, min, max, min-length,"
                        + " max-length, regex, mean, median, quantiles, probability)",
                at(12, 21) + "checks[0].expect-data.columns.sex.type: unknown value 'text' (expected one of"
                        + " numeric, integer, string)",
                at(13, 22) + "checks[0].expect-data.columns.age.regex: invalid regular expression: Unclosed"
                        + " character class near index 3",
                at(13, 37) + "unknown key 'mn' in checks[0].expect-data.columns.age.mean; did you mean 'min'?"
                        + " (known keys: min, max)",
                at(13, 36) + "missing required key 'checks[0].expect-data.columns.age.mean.min' (or 'max')");
    }

    @Test
    void outputColumnsArePredictionScoreOrDataColumns() {
        var e = fail(HEAD + """
                  - name: outputs
                    expect-output:
                      columns:
                        predicton: {not-null: true}
                        score: {probability: true}
                      sum-to-one: [score]
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(11, 9) + "checks[0].expect-output.columns: unknown output column 'predicton'; did you mean"
                        + " 'prediction'? (expected prediction, score or a column of data.csv: age, sex, score,"
                        + " income, y_pred, y_base)",
                at(13, 19) + "checks[0].expect-output.sum-to-one: expected a list of at least two score columns,"
                        + " found 1 column");
    }

    @Test
    void driftAgainstAReferenceFileRelativeToTheScenario() {
        List<CheckResult> r = run(HEAD + """
                  - name: same
                    drift: {reference: ref/same.csv, columns: [age, sex]}
                  - name: older
                    drift:
                      reference: {path: ref/old.csv, types: {age: numeric}}
                      columns: [age]
                      max-psi: 0.2
                """);
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(1).verdict()).as(r.get(1).toString()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void driftErrors() {
        var e = fail(HEAD + """
                  - name: missing
                    drift: {reference: ref/nope.csv}
                  - name: column
                    drift: {reference: ref/same.csv, columns: [income], correction: bonferroni}
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(9, 24) + "checks[0].drift.reference.path: file not found: 'ref/nope.csv' (looked for "
                        + dir.resolve("ref/nope.csv") + ")",
                at(11, 48) + "checks[1].drift.columns: unknown drift column 'income' in ref/same.csv"
                        + " (columns: age, sex)",
                at(11, 69) + "checks[1].drift.correction: unknown value 'bonferroni' (expected one of holm, bh,"
                        + " none)");
    }

    @Test
    void compareWithABaselineModel() {
        List<CheckResult> r = run(HEAD + """
                  - name: not worse
                    compare: {baseline: {predictions: {column: y_base}}, metric: accuracy, decision: point,
                              bootstrap: 200}
                """);
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(0).value()).isCloseTo(0.9 - 0.6, within(1e-12));
        r = run(HEAD.replace("column: y_pred", "column: y_base") + """
                  - name: worse
                    compare: {baseline: {predictions: {column: y_pred}}, margin: 0.1, decision: point,
                              bootstrap: 200}
                """);
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.FAIL);
        assertThat(r.get(0).value()).isCloseTo(0.6 - 0.9, within(1e-12));
    }

    @Test
    void compareErrors() {
        write("base.csv", "y\n1\n");
        var e = fail(HEAD + """
                  - name: baseline
                    compare:
                      baseline: {predictions: {column: y_bas}}
                      metric: auc
                  - name: file
                    compare: {baseline: {predictions: {path: base.csv, column: y}}}
                  - name: none
                    compare: {metric: f1}
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(10, 40) + "checks[0].compare.baseline.predictions.column: unknown prediction column 'y_bas' in"
                        + " data.csv; did you mean 'y_base'? (columns: age, sex, score, income, y_pred, y_base)",
                at(11, 15) + "checks[0].compare.metric: unknown value 'auc' (expected one of accuracy, precision,"
                        + " recall, f1)",
                at(13, 46) + "checks[1].compare.baseline.predictions.path: 'base.csv' has 1 rows but data.csv has"
                        + " 10; predictions must match the data row for row",
                at(15, 14) + "missing required key 'checks[2].compare.baseline'");
    }
}

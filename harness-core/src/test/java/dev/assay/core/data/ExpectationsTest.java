package dev.assay.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.Verdict;
import dev.assay.core.data.internal.Masker;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectationsTest {
    static Dataset customers() throws URISyntaxException {
        return Datasets.csv(Path.of(ExpectationsTest.class.getResource("/data/customers.csv").toURI())).load();
    }

    static GroupResult group(CheckResult r, String expectation) {
        return r.groups().stream().filter(g -> g.group().get("expectation").equals(expectation)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + expectation + " in " + r.groups()));
    }

    @Test
    void failingRowsAreCountedAndLocatedByFileLine() throws Exception {
        CheckResult r = Expectations.data(customers())
                .rows(1, 10)
                .column("age", c -> c.type("integer").notNull().between(0, 120))
                .column("id", c -> c.unique())
                .column("email", c -> c.notNull().regex("[^@]+@[^@]+\\.com"))
                .column("segment", c -> c.in("gold", "silver", "bronze").maxLength(6))
                .column("missing_col", c -> c.notNull())
                .evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        // failed: age range (-1 and 130), id unique (3 twice), email not null (row 2), segment in (platinum),
        // segment max-length (platinum has 8), missing_col present
        assertThat(r.value()).isEqualTo(6.0);
        assertThat(group(r, "age: between 0 and 120").metric("failing")).isEqualTo(2.0);
        assertThat(group(r, "age: between 0 and 120").n()).isEqualTo(6);
        assertThat(group(r, "age: type integer").metric("passed")).isEqualTo(1.0);
        assertThat(group(r, "id: unique").metric("failing")).isEqualTo(1.0);
        assertThat(group(r, "email: not null").metric("failing")).isEqualTo(1.0);
        assertThat(group(r, "email: matches /[^@]+@[^@]+\\.com/").metric("passed")).isEqualTo(1.0);
        assertThat(group(r, "segment: in [bronze, gold, silver]").metric("failing")).isEqualTo(1.0);
        assertThat(group(r, "missing_col: present").metric("passed")).isEqualTo(0.0);
        assertThat(group(r, "row count between 1 and 10").metric("observed")).isEqualTo(6.0);
        // the header is line 1, so row 1 (age -1) is line 3 and row 3 (age 130) is line 5
        assertThat(r.message()).startsWith("Expecting data ")
                .contains("age: between 0 and 120: 2 of 6 non-null values are not: ")
                .contains("customers.csv to meet").contains(": line 3 (row 1) = \"-1\"")
                .contains("; line 5 (row 3) = \"130\"")
                .contains("there is no column 'missing_col'");
        assertThat(r.findings()).extracting(Finding::row).contains(1L, 3L, 2L, 4L);
    }

    @Test
    void aggregatesAreComparedWithHandComputedValues() throws Exception {
        // ages 34, -1, 51, 130, 27, 45: mean 286/6 = 47.667; sorted -1 27 34 45 51 130: median (34+45)/2 = 39.5;
        // quantile 0.9 (linear): pos 4.5 -> 51 + 0.5 * 79 = 90.5
        CheckResult r = Expectations.data(customers())
                .column("age", c -> c.mean(47.6, 47.7).median(39.5, 39.5).quantile(0.9, 90.0, 91.0))
                .column("score", c -> c.maxNullFraction(0.1))
                .evaluate();
        assertThat(group(r, "age: mean between 47.6 and 47.7").metric("observed")).isCloseTo(286.0 / 6,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(group(r, "age: median between 39.5 and 39.5").metric("observed")).isEqualTo(39.5);
        assertThat(group(r, "age: quantile 0.9 between 90 and 91").metric("observed")).isEqualTo(90.5);
        GroupResult nulls = group(r, "score: null fraction at most 0.1");
        assertThat(nulls.metric("observed")).isEqualTo(1.0 / 6);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.value()).isEqualTo(1.0);
        assertThat(r.message()).contains("score: null fraction at most 0.1: 1 of 6 rows are null (0.1667)")
                .contains(": line 7 (row 5)");
    }

    @Test
    void aggregateOnTextColumnFailsWithReasonNotNaN() throws Exception {
        CheckResult r = Expectations.data(customers()).column("email", c -> c.mean(0.0, 1.0)).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains("5 non-null values are not numbers, e.g. ")
                .contains("line 2 (row 0): a*************m").doesNotContain("ann@example.com");
    }

    @Test
    void piiValuesAreMaskedInMessagesAndFindings() throws Exception {
        CheckResult r = Expectations.data(customers()).column("email", c -> c.maxLength(10)).evaluate();
        assertThat(r.message()).doesNotContain("@example.com").contains("\"a*************m\"");
        assertThat(r.findings()).extracting(Finding::masked).allMatch(m -> !m.contains("@"));
        assertThat(Masker.mask("jane@x.org")).isEqualTo("j********g");
        assertThat(Masker.mask("+44 20 7946 0958")).isEqualTo("+**************8");
        assertThat(Masker.mask("gold")).isEqualTo("gold");
        assertThat(Masker.mask("12345")).isEqualTo("12345");
    }

    @Test
    void passingExpectationsPass() throws Exception {
        CheckResult r = Expectations.data(customers())
                .column("score", c -> c.maxNullFraction(0.2).min(0))
                .column("segment", c -> c.type("string").in("gold", "silver", "bronze", "platinum"))
                .evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.value()).isEqualTo(0.0);
        assertThat(r.groups()).hasSize(6);
    }

    @Test
    void outputsProbabilityAndSumToOne() {
        Dataset data = Datasets.inMemory("probs")
                .numeric("p_a", 0.2, 0.5, 0.7, 0.1)
                .numeric("p_b", 0.8, 0.5, 0.2, 1.1)
                .load();
        Model model = new Model() {
            @Override
            public Predictions predict(Dataset d) {
                return Predictions.of(Column.categorical("prediction", "b", "a", "a", null),
                        new double[] {0.8, 0.5, 0.7, 1.1});
            }
        };
        CheckResult r = Expectations.output(model).on(data)
                .column("prediction", c -> c.notNull().in("a", "b"))
                .column("score", c -> c.probability())
                .column("p_b", c -> c.probability())
                .sumToOne("p_a", "p_b")
                .tolerance(1e-9)
                .evaluate();
        assertThat(r.kind()).isEqualTo("expect-output");
        assertThat(group(r, "prediction: not null").metric("failing")).isEqualTo(1.0);
        assertThat(group(r, "score: a probability in [0, 1]").metric("failing")).isEqualTo(1.0);
        // row 2: 0.7 + 0.2 = 0.9; row 3: 0.1 + 1.1 = 1.2
        assertThat(group(r, "probabilities [p_a, p_b] sum to 1 (tolerance 0.000000001)").metric("failing"))
                .isEqualTo(2.0);
        assertThat(r.value()).isEqualTo(4.0);
        assertThat(r.message()).contains("row 2 = \"sum 0.9\"").contains("outputs of model '" + model.info().id() + "' on probs");
    }

    @Test
    void aModelFailureIsAnError() {
        Model broken = d -> {
            throw new IllegalStateException("boom");
        };
        CheckResult r = Expectations.output(broken).on(Datasets.inMemory("x").numeric("a", 1).load())
                .column("prediction", c -> c.notNull()).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("boom");
    }

    @Test
    void uniqueOnNumbersAndCategories() {
        Dataset d = Datasets.inMemory("u").numeric("x", 1, 2, 2, 3, 1, Double.NaN, Double.NaN)
                .categorical("s", "a", "b", "a", null, null, "c", "c").load();
        CheckResult r = Expectations.data(d).column("x", c -> c.unique()).column("s", c -> c.unique()).evaluate();
        assertThat(group(r, "x: unique").metric("failing")).isEqualTo(2.0);
        assertThat(group(r, "s: unique").metric("failing")).isEqualTo(2.0);
        assertThat(r.groups()).extracting(g -> g.group()).contains(Map.of("expectation", "x: unique"));
    }
}

package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.RunContext;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check as a runner uses it, on real data (UCI German Credit) with a rule model. */
class FairnessCheckTest {
    private static final Model RULE = Models.function("short-loans-are-good",
            row -> row.getDouble("duration") <= 24 ? "1" : "2");

    private static Dataset german() throws Exception {
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            cols.add(i == 2 ? "duration" : i == 9 ? "status_sex" : "a" + i);
        }
        cols.add("credit");
        Path file = Path.of(FairnessCheckTest.class.getResource("/fairness/german.data").toURI());
        return Datasets.csv(file).separator(' ').columns(cols).label("credit").positive("1").load();
    }

    /** Selection rates and TPR/FPR counted row by row, for men (A91, A93, A94) and women (A92, A95). */
    private static double[] byHand(Dataset d) {
        double[] c = new double[8]; // per group (women 0..3, men 4..7): selection rate, TPR, FPR, n
        long[][] k = new long[2][4]; // [women=0/men=1][tp, fn, fp, tn]
        for (int i = 0; i < d.rows(); i++) {
            String s = d.column("status_sex").stringValue(i);
            int g = s.equals("A92") || s.equals("A95") ? 0 : 1;
            boolean y = d.column("credit").doubleValue(i) == 1;
            boolean p = d.column("duration").doubleValue(i) <= 24;
            k[g][y ? (p ? 0 : 1) : (p ? 2 : 3)]++;
        }
        for (int g = 0; g < 2; g++) {
            long n = k[g][0] + k[g][1] + k[g][2] + k[g][3];
            c[g * 4] = (double) (k[g][0] + k[g][2]) / n;
            c[g * 4 + 1] = (double) k[g][0] / (k[g][0] + k[g][1]);
            c[g * 4 + 2] = (double) k[g][2] / (k[g][2] + k[g][3]);
            c[g * 4 + 3] = n;
        }
        return c;
    }

    @Test
    void aif360MetricsOnGermanCreditWithOrConditions() throws Exception {
        Dataset d = german();
        double[] h = byHand(d);
        Fairness.Builder b = Fairness.of(RULE).on(d).by("status_sex").bootstrap(200)
                .privileged(Map.of("status_sex", "A91"), Map.of("status_sex", "A93"), Map.of("status_sex", "A94"));
        assertThat(b.metric("disparate_impact").report().value()).isCloseTo(h[0] / h[4], within(1e-12));
        assertThat(b.metric("statistical_parity_difference").report().value()).isCloseTo(h[0] - h[4], within(1e-12));
        assertThat(b.metric("average_odds_difference").report().value())
                .isCloseTo(0.5 * ((h[2] - h[6]) + (h[1] - h[5])), within(1e-12));
        CheckResult r = b.metric("disparate_impact").min(0.8).evaluate();
        assertThat(r.verdict()).isEqualTo(h[0] / h[4] >= 0.8 ? Verdict.PASS : Verdict.FAIL);
        assertThat(r.ci().contains(r.value())).isTrue();
        assertThat(r.groups()).hasSize(4); // A91..A94 occur, A95 does not
        assertThat(r.groups().stream().mapToLong(g -> g.n()).sum()).isEqualTo(1000);
    }

    @Test
    void evidenceListsValueIntervalAndEveryGroup() throws Exception {
        Dataset d = german();
        FairnessCheck check = Fairness.check().metric("demographic_parity_ratio").by("status_sex").min(0.95)
                .named("Four-fifths on personal status").build();
        CheckResult r = Checks.evaluate(check, RULE, d, new RunContext("German credit", 7));
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(r));
        assertThat(json.get("id").asText()).isEqualTo("german-credit/four-fifths-on-personal-status");
        assertThat(json.get("kind").asText()).isEqualTo("fairness");
        assertThat(json.get("metric").asText()).isEqualTo("demographic_parity_ratio");
        assertThat(json.get("ci")).hasSize(2);
        assertThat(json.get("threshold").get("min").asDouble()).isEqualTo(0.95);
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        JsonNode g0 = json.get("groups").get(0);
        assertThat(g0.get("group").get("status_sex").asText()).startsWith("A9");
        assertThat(g0.get("n").asLong()).isPositive();
        assertThat(g0.get("metrics").get("selection_rate").asDouble()).isBetween(0.0, 1.0);
        assertThat(g0.get("ci").get("selection_rate")).hasSize(2);
        assertThat(g0.get("ci").get("selection_rate_wilson")).hasSize(2);
        // same seed, same evidence
        assertThat(Json.MAPPER.writeValueAsString(Checks.evaluate(check, RULE, d, new RunContext("German credit", 7))))
                .isEqualTo(Json.MAPPER.writeValueAsString(r));
        if (r.verdict() == Verdict.FAIL) {
            assertThat(r.message()).contains("status_sex=A91 (n=").contains("selection_rate");
        }
    }

    @Test
    void badDataAndFailingModelsAreErrorsNeverPasses() throws Exception {
        Dataset d = german();
        Model broken = Models.function("broken", row -> {
            throw new IllegalStateException("model down");
        });
        CheckResult down = Fairness.of(broken).on(d).by("status_sex").metric("demographic_parity_ratio").min(0)
                .evaluate();
        assertThat(down.verdict()).isEqualTo(Verdict.ERROR);
        Model silent = Models.function("silent", row -> row.index() == 17 ? null : "1");
        CheckResult missing = Fairness.of(silent).on(d).by("status_sex").metric("demographic_parity_ratio").min(0)
                .evaluate();
        assertThat(missing.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(missing.message()).contains("row 17").contains("no value");
        Model third = Models.function("third", row -> row.index() == 3 ? "maybe" : "1");
        CheckResult bad = Fairness.of(third).on(d).by("status_sex").metric("selection_rate_ratio").min(0).evaluate();
        assertThat(bad.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(bad.message()).contains("line 4 (row 3)").contains("'maybe'");
        CheckResult noColumn = Fairness.of(RULE).on(d).by("gender").metric("selection_rate_ratio").min(0).evaluate();
        assertThat(noColumn.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(noColumn.message()).contains("no column 'gender'");
    }

    @Test
    void configurationMistakesAreCaughtWhenBuilding() {
        assertThatThrownBy(() -> Fairness.check().metric("demographic_parity"))
                .hasMessageContaining("unknown fairness metric 'demographic_parity'");
        assertThatThrownBy(() -> Fairness.check().metric("disparate_impact").build())
                .hasMessageContaining("set privileged");
        assertThatThrownBy(() -> Fairness.check().method("to_group")).hasMessageContaining("between_groups or to_overall");
        assertThatThrownBy(() -> Fairness.check().agg("max")).hasMessageContaining("worst_case or mean");
        assertThatThrownBy(() -> Fairness.check().missing("drop")).hasMessageContaining("error or as-group");
        assertThatThrownBy(() -> Fairness.check().metric("consistency").build()).hasMessageContaining("features");
        assertThat(Fairness.check().metric("accuracy_difference").build().kind()).isEqualTo("fairness");
        assertThat(Fairness.check().metric(FairnessMetrics.ratio(BaseMetric.TRUE_POSITIVE_RATE)).build().metric())
                .isEqualTo("true_positive_rate_ratio");
    }
}

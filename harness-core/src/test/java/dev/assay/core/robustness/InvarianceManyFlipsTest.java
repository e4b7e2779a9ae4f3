package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Example;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Verdict;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * More flips than a check keeps cases for: 12,000 rows, sex M/F alternating (row 3 missing), a model that answers
 * the sex; swapping sex flips every row but the missing one (11,999 of 11,999 tested rows).
 */
class InvarianceManyFlipsTest {
    private static final int ROWS = 12_000;

    @Test
    void everyFlipIsCountedAndTheKeptCasesAreMadeWithoutAskingTheModelAgain() {
        String[] sex = new String[ROWS];
        double[] id = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            sex[i] = i == 3 ? null : i % 2 == 0 ? "M" : "F";
            id[i] = i;
        }
        Dataset data = Datasets.inMemory("many").numeric("id", id).categorical("sex", sex).load();
        AtomicInteger calls = new AtomicInteger();
        Model sexModel = d -> {
            calls.incrementAndGet();
            Column s = d.column("sex");
            String[] l = new String[d.rows()];
            for (int i = 0; i < l.length; i++) {
                l[i] = "M".equals(s.stringValue(i)) ? "man" : "woman";
            }
            return Predictions.of(Column.categorical("prediction", l));
        };

        CheckResult r = Checks.evaluate(Invariance.check().named("sex-blind").perturb(Perturbations.swap("sex"))
                .maxFlipRate(0.5).examples(3).build(), sexModel, data, new RunContext("many", 11));

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.n()).isEqualTo(ROWS - 1);
        assertThat(r.value()).isEqualTo(1.0);
        assertThat(r.examplesTotal()).as("every flip, not only the kept ones").isEqualTo(ROWS - 1);
        assertThat(r.message()).contains("showing 3 of 11999 examples");
        assertThat(r.examples()).extracting(Example::row).containsExactly(0L, 1L, 2L);
        int asked = calls.get();

        List<Example> cases = r.cases();
        assertThat(calls).as("making the kept cases does not call the model").hasValue(asked);
        assertThat(cases).hasSize(CheckResult.Builder.MAX_CASES);
        assertThat(cases.subList(0, 3)).containsExactlyElementsOf(r.examples());
        Example last = cases.get(CheckResult.Builder.MAX_CASES - 1);
        assertThat(last.row()).as("row 3 is skipped").isEqualTo(10_000L);
        assertThat(last.input()).containsExactly(entry("id", "10000"), entry("sex", "M"));
        assertThat(last.perturbed()).containsExactly(entry("sex", "F"));
        assertThat(last.perturbation()).isEqualTo("swap sex");
        assertThat(last.seed()).isEqualTo(11L);
        assertThat(last.expected()).isEqualTo("prediction man");
        assertThat(last.answer()).isEqualTo("woman");
        assertThat(last.reason()).isEqualTo("prediction changed: man -> woman");
        assertThat(cases.get(3).row()).isEqualTo(4L);
    }
}

package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The flip count of a classifier's labels on 30,000 rows, more flips than the 10,000 kept cases (so the rows after
 * them are counted apart), against the count made here from the model's own answers on the original and swapped
 * data: labels of the same dictionary order, of another order, with missing inputs, and a missing label late.
 */
class InvarianceCountingTest {
    private static final int ROWS = 30_000;

    private static Dataset data(boolean missingSex) {
        SplittableRandom r = new SplittableRandom(9);
        double[] x = new double[ROWS];
        String[] sex = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x[i] = r.nextDouble();
            sex[i] = missingSex && i % 7 == 3 ? null : r.nextBoolean() ? "M" : "F";
        }
        return Datasets.inMemory("people").numeric("x", x).categorical("sex", sex).load();
    }

    /** "yes" when x < 0.4; otherwise "yes" for M, "no" for F (or a missing sex): swapping sex flips ~60%. */
    private static String answer(Column x, Column sex, int i) {
        return x.doubleValue(i) < 0.4 || "M".equals(sex.stringValue(i)) ? "yes" : "no";
    }

    /** Labels coded "yes" = 0, "no" = 1 whatever the rows; or (byAppearance) in order of first appearance. */
    private static Model model(boolean byAppearance, int noLabelRow) {
        return d -> {
            Column x = d.column("x");
            Column sex = d.column("sex");
            String[] l = new String[d.rows()];
            for (int i = 0; i < l.length; i++) {
                l[i] = i == noLabelRow && d.source().contains("swap") ? null : answer(x, sex, i);
            }
            if (byAppearance) {
                return Predictions.of(Column.categorical("prediction", l));
            }
            int[] codes = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                codes[i] = l[i] == null ? -1 : l[i].equals("yes") ? 0 : 1;
            }
            return Predictions.of(Column.categorical("prediction", codes, List.of("yes", "no")));
        };
    }

    /** The rows (tested: sex not missing) whose answer differs on the swapped data, counted here. */
    private static List<Integer> flips(Dataset d) {
        Dataset swapped = Perturbations.swap("sex").apply(d, 1);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < d.rows(); i++) {
            if (!d.column("sex").isMissing(i) && !answer(d.column("x"), d.column("sex"), i)
                    .equals(answer(swapped.column("x"), swapped.column("sex"), i))) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static CheckResult check(Model m, Dataset d) {
        return Checks.evaluate(Invariance.check().named("sex-blind").perturb(Perturbations.swap("sex"))
                .maxFlipRate(0.05).examples(4).build(), m, d, new RunContext("counting", 3));
    }

    @Test
    void countsEveryFlipAndKeepsTheFirstTenThousand() {
        for (boolean missingSex : new boolean[] {false, true}) {
            for (boolean byAppearance : new boolean[] {false, true}) {
                Dataset d = data(missingSex);
                List<Integer> expected = flips(d);
                int tested = ROWS - d.column("sex").missingCount();
                String what = (missingSex ? "missing sex" : "no missing sex") + ", labels "
                        + (byAppearance ? "in order of appearance" : "yes/no");

                CheckResult r = check(model(byAppearance, -1), d);

                assertThat(expected.size()).as(what + ": more flips than kept cases")
                        .isGreaterThan(CheckResult.Builder.MAX_CASES + 5_000);
                assertThat(r.verdict()).as(what).isEqualTo(Verdict.FAIL);
                assertThat(r.n()).as(what).isEqualTo(tested);
                assertThat(r.examplesTotal()).as(what).isEqualTo(expected.size());
                assertThat(r.value()).as(what).isEqualTo((double) expected.size() / tested);
                assertThat(r.cases()).extracting(Example::row).as(what)
                        .containsExactlyElementsOf(expected.subList(0, CheckResult.Builder.MAX_CASES).stream()
                                .map(Integer::longValue).toList());
            }
        }
    }

    @Test
    void aMissingLabelAfterTheKeptCasesIsAnErrorNamingItsRow() {
        Dataset d = data(false);
        int row = 25_000;
        assertThat(flips(d).get(CheckResult.Builder.MAX_CASES)).as("the kept cases end before the row")
                .isLessThan(row);

        for (boolean byAppearance : new boolean[] {false, true}) {
            CheckResult r = check(model(byAppearance, row), d);

            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.message()).contains("gave no label for row 25000 (perturbed: swap sex)");
        }
    }
}

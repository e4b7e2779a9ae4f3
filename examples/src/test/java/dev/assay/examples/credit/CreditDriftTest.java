package dev.assay.examples.credit;

import static dev.assay.junit.AssayAssertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.data.Drift;
import dev.assay.junit.ModelTest;
import dev.assay.junit.TestDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drift check catching a shift in who applies. The holdout as a whole has not drifted from the training
 * sample (see {@code credit-data.assay.yaml}); its applicants aged 45 and over stand for a campaign that reached
 * an older audience. Their ages, marital status and hours differ from the training data: the check fails, and the
 * test's Allure result shows each drifted column's reference and current histograms.
 */
@ModelTest
class CreditDriftTest {
    static final List<String> COLUMNS = List.of("age", "hours-per-week", "education-num", "marital-status", "sex");

    @TestDataset("/data/adult-train-sample.csv")
    Dataset training;

    @TestDataset("/data/adult-holdout.csv")
    Dataset holdout;

    @Test
    void flagsAShiftToOlderApplicants() {
        Dataset older = olderThan(holdout, 45);

        CheckResult drift = Drift.between(training, older).named("Applicants aged 45+ against training")
                .columns(COLUMNS).maxPsi(0.1).evaluate();

        // known shift, kept visible in the evidence: age moves far past the 0.1 PSI limit
        assertThat(drift).fails().group("column=age").hasMetricAtLeast("psi", 1.0);
    }

    /** The rows of {@code data} whose age is at least {@code age}, in {@link #COLUMNS}. */
    static Dataset olderThan(Dataset data, double age) {
        Column ages = data.column("age");
        int[] rows = java.util.stream.IntStream.range(0, data.rows()).filter(i -> ages.doubleValue(i) >= age)
                .toArray();
        Datasets.InMemory out = Datasets.inMemory(data.source() + " (age >= " + (int) age + ")");
        for (String name : COLUMNS) {
            Column c = data.column(name);
            if (c.isNumeric()) {
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = c.doubleValue(rows[i]);
                }
                out.numeric(name, v);
            } else {
                String[] v = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = c.stringValue(rows[i]);
                }
                out.categorical(name, v);
            }
        }
        return out.load();
    }
}

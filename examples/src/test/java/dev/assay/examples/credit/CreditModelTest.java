package dev.assay.examples.credit;

import static dev.assay.junit.AssayAssertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Model;
import dev.assay.core.Performance;
import dev.assay.junit.ModelTest;
import dev.assay.junit.TestDataset;
import dev.assay.junit.TestModel;
import org.junit.jupiter.api.Test;

/**
 * The credit model tested like code: one gate that passes and one known weakness that fails by design (asserted to
 * fail, so the build stays green while the evidence records the failure).
 */
// tag::tour[]
@ModelTest
class CreditModelTest {
    @TestModel(CreditModel.class)
    Model model;

    @TestDataset(value = "/data/adult-holdout.csv", label = "income", positive = ">50K")
    Dataset holdout;

    @Test
    void approvesAccuratelyOverall() {
        CheckResult accuracy = Performance.of(model).on(holdout)
                .named("Accuracy at least 80%")
                .metric("accuracy").atLeast(0.80).decision(Decision.STRICT)
                .evaluate();

        assertThat(accuracy).passes().hasIntervalWithin(0.80, 0.85);
    }

    @Test
    void missesHighEarningWomen() {
        CheckResult recall = Performance.of(model).on(holdout)
                .named("Recall of high earners for each sex")
                .metric("recall").by("sex").atLeast(0.50)
                .evaluate();

        // Known weakness, kept visible in the evidence: recall for women is about 0.40.
        assertThat(recall).fails().group("sex=Female").hasMetricAtMost("recall", 0.45);
    }
}
// end::tour[]

package dev.assay.examples.credit;

import static dev.assay.junit.AssayAssertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.robustness.Consistency;
import dev.assay.core.robustness.Expect;
import dev.assay.junit.ModelTest;
import dev.assay.junit.TestDataset;
import dev.assay.junit.TestModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behavioural checks of the credit model: minimum-functionality cases (CheckList's MFT) whose outcomes follow from
 * the model's coefficients by hand, and the consistency of batch and single-row calls.
 */
@ModelTest
class CreditBehaviourTest {
    @TestModel(CreditModel.class)
    Model model;

    @TestDataset(value = "/data/adult-holdout.csv", label = "income", positive = ">50K")
    Dataset holdout;

    // tag::expect[]
    @Test
    void clearCasesAreDecidedAsExpected() {
        // z = -9.310882 + 0.028023 age + 0.366867 education-num + 0.032912 hours + 2.345465 married (no capital)
        CheckResult cases = Expect.of(model).on(holdout).named("Clear approvals and refusals").cases(
                // z = 0.7105: p = 0.67
                Expect.Case.input(Map.of("age", 45, "education-num", 13, "hours-per-week", 50, "capital-gain", 0,
                        "capital-loss", 0, "marital-status", "Married-civ-spouse")).label(">50K").score(0.6, null)
                        .named("married graduate, long hours"),
                // z = -4.7343: p = 0.0087
                Expect.Case.input(Map.of("age", 22, "education-num", 9, "hours-per-week", 20, "capital-gain", 0,
                        "capital-loss", 0, "marital-status", "Never-married")).label("<=50K").score(null, 0.05)
                        .named("young, part time"))
                .evaluate();

        assertThat(cases).passes().hasNoFailingCases();
    }
    // end::expect[]

    @Test
    void aRowAloneScoresAsInABatch() {
        CheckResult same = Consistency.of(model).on(holdout).named("Batch and single-row calls agree")
                .repeats(1).batchVsSingle(true).tolerance(0.0).sample(200)
                .evaluate();

        assertThat(same).passes().hasValueAtMost(0.0);
    }
}

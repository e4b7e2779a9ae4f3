package dev.assay.examples.credit;

import static dev.assay.core.fairness.FairnessMetrics.DEMOGRAPHIC_PARITY_RATIO;
import static dev.assay.core.fairness.FairnessMetrics.EQUAL_OPPORTUNITY_DIFFERENCE;
import static dev.assay.core.fairness.FairnessMetrics.SELECTION_RATE;
import static dev.assay.core.fairness.FairnessMetrics.TRUE_POSITIVE_RATE;
import static dev.assay.junit.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.fairness.BaseMetric;
import dev.assay.core.fairness.Fairness;
import dev.assay.core.fairness.FairnessReport;
import dev.assay.junit.FairnessGate;
import dev.assay.junit.ModelTest;
import dev.assay.junit.TestDataset;
import dev.assay.junit.TestModel;
import org.junit.jupiter.api.Test;

/**
 * Group fairness of the credit model on the UCI Adult holdout (16,281 applicants), by sex and race. The model
 * approves 25.1% of men and 5.7% of women (ratio 0.228, far below the four-fifths rule); its true positive rates are
 * 0.576 and 0.403 (difference 0.172). The gates that hold pass; the known disparity is asserted to fail, so the build
 * stays green while the evidence records it.
 */
@ModelTest
class CreditFairnessTest {
    @TestModel(CreditModel.class)
    static Model model;

    @TestDataset(value = "/data/adult-holdout.csv", label = "income", positive = ">50K", sensitive = {"sex", "race"})
    static Dataset holdout;

    /** A one-line gate: equal opportunity by sex, within 0.2 (recorded in the evidence like any check). */
    @FairnessGate(metric = EQUAL_OPPORTUNITY_DIFFERENCE, by = "sex", max = 0.2,
            name = "Equal opportunity by sex within 0.2")
    void equalOpportunityBySex() {
    }

    @Test
    void perGroupRatesByRace() {
        FairnessReport byRace = Fairness.of(model).on(holdout).by("race").frame(BaseMetric.TRUE_POSITIVE_RATE)
                .report();

        assertThat(byRace).hasNoSmallGroups();
        assertThat(byRace).metric(SELECTION_RATE).groupMaxAtMost(0.3);
        assertThat(byRace).metric(TRUE_POSITIVE_RATE).groupMinAtLeast(0.25);
        assertThat(byRace).group("race=Amer-Indian-Eskimo").hasSize(159);
    }

    @Test
    void selectionRatesFailTheFourFifthsRuleForWomen() {
        FairnessReport bySex = Fairness.of(model).on(holdout).by("sex").report();

        // Known disparity, kept visible: the failure message lists each group's rate with its interval.
        assertThatThrownBy(() -> assertThat(bySex).metric(SELECTION_RATE).ratioAtLeast(0.8))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("Expecting selection_rate_ratio over the groups of [sex]:", "0.2277",
                        "sex=Female 0.05719", "sex=Male 0.2511", "n=5421");

        CheckResult gate = Fairness.of(model).on(holdout).by("sex").named("Four-fifths rule on sex")
                .metric(DEMOGRAPHIC_PARITY_RATIO).min(0.8).evaluate();
        assertThat(gate).fails().group("sex=Female").hasMetricAtMost("selection_rate", 0.06);
    }
}

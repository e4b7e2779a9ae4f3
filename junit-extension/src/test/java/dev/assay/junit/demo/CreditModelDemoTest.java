package dev.assay.junit.demo;

import static dev.assay.junit.AssayAssertions.assertThat;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Performance;
import dev.assay.core.Predictions;
import dev.assay.junit.ModelTest;
import dev.assay.junit.TestDataset;
import dev.assay.junit.TestModel;
import org.junit.jupiter.api.Test;

/** The README's example, run by the build as users run it (Surefire, with Allure listening). */
// tag::readme[]
@ModelTest
class CreditModelDemoTest {
    @TestDataset(value = "/dev/assay/junit/credit.csv", label = "income", positive = ">50K", sensitive = "sex")
    static Dataset holdout;

    @TestModel(AgeRule.class)
    static Model model;

    @Test
    void accurateOverall() {
        assertThat(Performance.of(model).on(holdout).named("Accuracy overall").atLeast(0.75).evaluate())
                .passes()
                .hasIntervalWithin(0.45, 1.0);
    }

    @Test
    void storedPredictionsAreWorseThanTheRule(@TestModel(predictions = "y_pred") Model stored,
                                              @TestModel(predictionsFile = "/dev/assay/junit/preds.csv",
                                                      column = "y_pred") Model allLow) {
        assertThat(Performance.of(stored).on(holdout).named("Stored predictions").evaluate()).hasValueAtLeast(0.8);
        assertThat(Performance.of(allLow).on(holdout).named("Always <=50K").atLeast(0.75).evaluate())
                .fails()
                .hasValueAtMost(0.5);
    }

    @Test
    void womenAreServedWorse() {
        assertThat(Performance.of(model).on(holdout).named("Accuracy by sex").by("sex").minGroupSize(5)
                .atLeast(0.8).evaluate())
                .fails()
                .group("sex=Female").hasSize(5).hasMetricAtMost("accuracy", 0.6);
    }

    /** Predicts {@code >50K} from age 40. */
    static class AgeRule implements Model {
        @Override
        public Predictions predict(Dataset data) {
            Column age = data.column("age");
            String[] out = new String[data.rows()];
            for (int i = 0; i < out.length; i++) {
                out[i] = age.doubleValue(i) >= 40 ? ">50K" : "<=50K";
            }
            return Predictions.ofLabels(out);
        }
    }
}
// end::readme[]

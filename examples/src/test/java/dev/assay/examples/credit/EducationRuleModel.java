package dev.assay.examples.credit;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Predictions;

/**
 * The credit model "in production" that a candidate is compared against in {@code credit-compare.assay.yaml}: a
 * rule that approves ({@code >50K}) every applicant with at least a bachelor's degree ({@code education-num >= 13}).
 */
public class EducationRuleModel implements Model {
    @Override
    public Predictions predict(Dataset data) {
        Column education = data.column("education-num");
        String[] label = new String[data.rows()];
        for (int i = 0; i < label.length; i++) {
            label[i] = education.doubleValue(i) >= 13 ? ">50K" : "<=50K";
        }
        return Predictions.of(Column.categorical("prediction", label));
    }
}

package dev.assay.scenarios.kinds;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Predictions;

/**
 * A test model that uses sex: score = age / 100, plus 0.3 for "M"; "yes" from a score of 0.5. On the ten rows of
 * {@link RobustnessKindsTest} swapping sex flips rows 1, 2, 3, 4 and 9; raising age raises every score.
 */
public class SexAwareModel implements Model {
    @Override
    public Predictions predict(Dataset data) {
        Column age = data.column("age");
        Column sex = data.column("sex");
        double[] score = new double[data.rows()];
        String[] label = new String[data.rows()];
        for (int i = 0; i < score.length; i++) {
            score[i] = age.doubleValue(i) / 100 + ("M".equals(sex.stringValue(i)) ? 0.3 : 0);
            label[i] = score[i] >= 0.5 ? "yes" : "no";
        }
        return Predictions.of(Column.categorical("prediction", label), score);
    }
}

package dev.assay.scenarios.kinds;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Predictions;

/** The "fixed" candidate of {@link SexAwareModel}: score = age / 100, "yes" from 0.5, sex ignored. */
public class AgeOnlyModel implements Model {
    @Override
    public Predictions predict(Dataset data) {
        Column age = data.column("age");
        double[] score = new double[data.rows()];
        String[] label = new String[data.rows()];
        for (int i = 0; i < score.length; i++) {
            score[i] = age.doubleValue(i) / 100;
            label[i] = score[i] >= 0.5 ? "yes" : "no";
        }
        return Predictions.of(Column.categorical("prediction", label), score);
    }
}

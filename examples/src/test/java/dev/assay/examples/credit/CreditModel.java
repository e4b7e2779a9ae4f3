package dev.assay.examples.credit;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Predictions;

/**
 * The example credit model: a logistic regression on six features of UCI Adult, fitted on {@code adult.data} by
 * {@code examples/tools/make_credit_example.py} (coefficients rounded to six decimals). Approves ({@code >50K})
 * when the probability is at least 0.5.
 *
 * <p>A model written in Java implements {@link Model#predict(Dataset)}; its id and fingerprint (the SHA-256 of
 * this class file) come from {@link Model#info()}.
 */
public class CreditModel implements Model {
    static final double INTERCEPT = -9.310882;
    static final double AGE = 0.028023;
    static final double EDUCATION = 0.366867;
    static final double HOURS = 0.032912;
    static final double LOG_GAIN = 0.208874;
    static final double LOG_LOSS = 0.159339;
    static final double MARRIED = 2.345465;

    @Override
    public Predictions predict(Dataset data) {
        Column age = data.column("age");
        Column education = data.column("education-num");
        Column hours = data.column("hours-per-week");
        Column gain = data.column("capital-gain");
        Column loss = data.column("capital-loss");
        Column marital = data.column("marital-status");
        int n = data.rows();
        double[] score = new double[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            double z = INTERCEPT + AGE * age.doubleValue(i) + EDUCATION * education.doubleValue(i)
                    + HOURS * hours.doubleValue(i) + LOG_GAIN * Math.log1p(gain.doubleValue(i))
                    + LOG_LOSS * Math.log1p(loss.doubleValue(i))
                    + MARRIED * ("Married-civ-spouse".equals(marital.stringValue(i)) ? 1 : 0);
            score[i] = 1 / (1 + Math.exp(-z));
            label[i] = score[i] >= 0.5 ? ">50K" : "<=50K";
        }
        return Predictions.of(Column.categorical("prediction", label), score);
    }
}

package dev.assay.core.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;

/** The credit model the loopback servers serve, and the data the tests send. */
final class Twin {
    private Twin() {
    }

    /** P(approved = yes) = sigmoid(0.05 (age - 40) + 0.5 (income - 3)). */
    static double p(double age, double income) {
        return 1 / (1 + Math.exp(-(0.05 * (age - 40) + 0.5 * (income - 3))));
    }

    static double p(JsonNode record) {
        return p(record.get("age").asDouble(), record.get("income").asDouble());
    }

    static final double[] AGE = {25, 38, 47, 52, 61, 33};
    static final double[] INCOME = {1.5, 3.4, 2.0, 4.5, 3.0, 5.5};

    static Dataset data() {
        return Datasets.inMemory("applicants")
                .numeric("age", AGE)
                .numeric("income", INCOME)
                .categorical("sex", "F", "M", "F", "M", "F", "M")
                .categorical("approved", "no", "yes", "no", "yes", "yes", "yes")
                .label("approved").positive("yes")
                .load();
    }

    static double[] expectedScores() {
        double[] s = new double[AGE.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = p(AGE[i], INCOME[i]);
        }
        return s;
    }

    static String[] expectedLabels() {
        double[] s = expectedScores();
        String[] l = new String[s.length];
        for (int i = 0; i < s.length; i++) {
            l[i] = s[i] >= 0.5 ? "yes" : "no";
        }
        return l;
    }
}

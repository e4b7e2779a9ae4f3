package dev.assay.benchmarks.robustness;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import java.util.SplittableRandom;

/** Synthetic credit-like rows for the robustness benchmarks, and two Java models of known cost. */
final class RobustnessData {
    private RobustnessData() {
    }

    /** {@code rows} rows: numeric age, income, hours; categorical sex (2 values) and job (6 values). */
    static Dataset credit(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] age = new double[rows];
        double[] income = new double[rows];
        double[] hours = new double[rows];
        int[] sex = new int[rows];
        int[] job = new int[rows];
        for (int i = 0; i < rows; i++) {
            age[i] = 18 + r.nextInt(60);
            income[i] = Math.exp(10 + r.nextGaussian() * 0.5);
            hours[i] = 20 + r.nextInt(40);
            sex[i] = r.nextInt(2);
            job[i] = r.nextInt(6);
        }
        return Datasets.inMemory("credit-" + rows).numeric("age", age).numeric("income", income)
                .numeric("hours", hours)
                .column(Column.categorical("sex", sex, java.util.List.of("Male", "Female")))
                .column(Column.categorical("job", job, java.util.List.of("clerk", "sales", "tech", "manager",
                        "craft", "service")))
                .load();
    }

    /**
     * {@code rows} short support questions in a text column {@code q}: 4 to 11 words each from a small vocabulary
     * with a name, a city, a number, an apostrophe, an accent and an emoji.
     */
    static Dataset texts(int rows, long seed) {
        String[] words = {"where", "is", "my", "parcel", "refund", "order", "please", "Paris", "Priya", "120",
            "don't", "café", "\uD83D\uDE00"};
        SplittableRandom r = new SplittableRandom(seed);
        String[] t = new String[rows];
        for (int i = 0; i < t.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0, k = 4 + r.nextInt(8); w < k; w++) {
                sb.append(w == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
            }
            t[i] = sb.toString();
        }
        return Datasets.inMemory("texts").categorical("q", t).load();
    }

    /**
     * A linear score over the three numbers and sex, "yes" from 0.5, with scores: a few nanoseconds a row. With
     * {@code work > 0} each row also runs a dependent chain of {@code work} multiply-adds (CPU work, not a clock
     * wait, so a busy machine does not shorten it): {@link #WORK_1US} costs about 1 µs a row on the benchmark machine.
     */
    static Model linear(int work) {
        return data -> {
            Column age = data.column("age");
            Column income = data.column("income");
            Column hours = data.column("hours");
            Column sex = data.column("sex");
            int n = data.rows();
            double[] s = new double[n];
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                double z = 0.02 * (age.doubleValue(i) - 45) + 0.6 * (Math.log(income.doubleValue(i)) - 10)
                        + 0.03 * (hours.doubleValue(i) - 40) + (sex.code(i) == 0 ? 0.2 : 0);
                if (work > 0) {
                    z += spin(work, z);
                }
                s[i] = 1 / (1 + Math.exp(-z));
                codes[i] = s[i] >= 0.5 ? 0 : 1;
            }
            return Predictions.of(Column.categorical("prediction", codes, java.util.List.of("yes", "no")), s);
        };
    }

    /** Iterations of {@link #spin} that take about 1 µs (4-cycle multiply-add latency, ~3 GHz). */
    static final int WORK_1US = 700;

    /** {@code work} dependent multiply-adds starting from {@code seed}; returns 0 (so the work is not removed). */
    static double spin(int work, double seed) {
        double x = seed;
        for (int k = 0; k < work; k++) {
            x = x * 0.999999 + 1e-7;
        }
        return x == 12345.678 ? 1e-9 : 0;
    }
}

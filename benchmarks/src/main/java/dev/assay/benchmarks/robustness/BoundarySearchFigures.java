package dev.assay.benchmarks.robustness;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.GroupResult;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.robustness.BoundarySearch;
import dev.assay.core.robustness.Constraints;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Figures of the boundary search (issue 7, point 9) for BENCHMARKS.md: the example credit model (a copy of
 * {@code dev.assay.examples.credit.CreditModel}, a logistic regression) over the UCI Adult holdout, searching
 * age, education-num and hours-per-week. The model is linear in these three, so a row's exact distance to the
 * decision (score 0.5) in standardised units is {@code |z| / sqrt(sum (w_j sd_j)^2)}, {@code z} the logit: the
 * found quantiles are compared with the exact ones over the same rows (all rows of the holdout, so that the
 * sample is known). Run from the repository root with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.robustness.BoundarySearchFigures}.
 */
public final class BoundarySearchFigures {
    static final double INTERCEPT = -9.310882;
    static final double AGE = 0.028023;
    static final double EDUCATION = 0.366867;
    static final double HOURS = 0.032912;
    static final double LOG_GAIN = 0.208874;
    static final double LOG_LOSS = 0.159339;
    static final double MARRIED = 2.345465;

    private BoundarySearchFigures() {
    }

    /** The example credit model, copied (the examples module is test code). */
    static final class Credit implements Model {
        long rowsPredicted;
        long nanos;

        @Override
        public Predictions predict(Dataset data) {
            long t0 = System.nanoTime();
            int n = data.rows();
            double[] score = new double[n];
            String[] label = new String[n];
            for (int i = 0; i < n; i++) {
                double z = logit(data, i);
                score[i] = 1 / (1 + Math.exp(-z));
                label[i] = score[i] >= 0.5 ? ">50K" : "<=50K";
            }
            Predictions p = Predictions.of(Column.categorical("prediction", label), score);
            rowsPredicted += n;
            nanos += System.nanoTime() - t0;
            return p;
        }
    }

    static double logit(Dataset data, int i) {
        return INTERCEPT + AGE * data.column("age").doubleValue(i)
                + EDUCATION * data.column("education-num").doubleValue(i)
                + HOURS * data.column("hours-per-week").doubleValue(i)
                + LOG_GAIN * Math.log1p(data.column("capital-gain").doubleValue(i))
                + LOG_LOSS * Math.log1p(data.column("capital-loss").doubleValue(i))
                + MARRIED * ("Married-civ-spouse".equals(data.column("marital-status").stringValue(i)) ? 1 : 0);
    }

    static double sd(Column c) {
        double[] v = c.toDoubleArray();
        double m = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / (v.length - 1));
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "examples/src/test/resources/data/adult-holdout.csv");
        Dataset data = Datasets.csv(csv).label("income").positive(">50K").load();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double norm = Math.sqrt(Math.pow(AGE * sd(data.column("age")), 2)
                + Math.pow(EDUCATION * sd(data.column("education-num")), 2)
                + Math.pow(HOURS * sd(data.column("hours-per-week")), 2));
        double[] exact = new double[data.rows()];
        for (int i = 0; i < exact.length; i++) {
            exact[i] = Math.abs(logit(data, i)) / norm;
        }
        Arrays.sort(exact);
        System.out.printf(Locale.ROOT, "exact over all %d rows: min %.4f p10 %.4f median %.4f p90 %.4f%n",
                exact.length, exact[0], quantile(exact, 0.1), quantile(exact, 0.5), quantile(exact, 0.9));
        System.out.println("| rows | constraints | max-queries | queries used / budget | not flipped | min | p10 | median"
                + " | p90 | worst quantile error | wall | CPU | model time |");
        String[] features = {"age", "education-num", "hours-per-week"};
        Constraints whole = Constraints.none().integer(features).range("age", 17, 90)
                .range("education-num", 1, 16).range("hours-per-week", 1, 99);
        int[][] runs = {{16281, 60, 0}, {16281, 120, 0}, {16281, 500, 0}, {200, 500, 0}, {200, 500, 1}};
        for (int[] run : runs) {
            for (int rep = 0; rep < 2; rep++) { // the second of two (the first warms the JIT)
                Credit model = new Credit();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                CheckResult r = Checks.evaluate(BoundarySearch.check().features(features).rows(run[0])
                        .maxQueries(run[1]).radius(0.25).constraints(run[2] == 1 ? whole : Constraints.none())
                        .build(), model, data, new RunContext("bench", 7));
                long wall = System.nanoTime() - t0;
                long cpu = os.getProcessCpuTime() - c0;
                if (rep < 1) {
                    continue;
                }
                GroupResult g = r.groups().get(0);
                String err = "n/a (sample)";
                if (run[0] >= data.rows() && run[2] == 0) {
                    double worst = 0;
                    for (String[] q : new String[][] {{"p10", "0.1"}, {"median", "0.5"}, {"p90", "0.9"}}) {
                        double e = quantile(exact, Double.parseDouble(q[1]));
                        worst = Math.max(worst, Math.abs(g.metric(q[0]) - e) / e);
                    }
                    err = String.format(Locale.ROOT, "%.3f%%", worst * 100);
                }
                System.out.printf(Locale.ROOT, "| %d | %s | %d | %.0f / %.0f (%.0f%%) | %.0f | %.4f | %.4f | %.4f | %.4f"
                                + " | %s | %d ms | %d ms | %d ms |%n", run[0], run[2] == 1 ? "integer + ranges" : "none",
                        run[1], g.metric("queries_used"), g.metric("query_budget"),
                        100 * g.metric("queries_used") / g.metric("query_budget"), g.metric("not_flipped"),
                        g.metric("min"), g.metric("p10"), g.metric("median"), g.metric("p90"), err, wall / 1_000_000,
                        cpu / 1_000_000, model.nanos / 1_000_000);
            }
        }
    }
}

package dev.assay.benchmarks.robustness;

import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.InvarianceCheck;
import dev.assay.core.robustness.Invariance;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.Perturbations;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The figures of issue 7, point 9 in the CPU time of the calling thread (all of this work is single-threaded;
 * garbage collection runs on other threads and is not counted; far less sensitive than wall clock to a shared
 * machine): best of 15 runs after 5 warm-ups of (1) perturbing 1M rows (noise on 3 numeric columns, swap on a categorical one), (2) two
 * model calls (original and precomputed perturbed data) against (3) the whole invariance check, for the cheap model
 * on 1M rows and the ~1 µs/row model on 100k rows. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.robustness.InvarianceCpuTime}.
 */
public final class InvarianceCpuTime {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private InvarianceCpuTime() {
    }

    public static void main(String[] args) {
        Dataset big = RobustnessData.credit(1_000_000, 1);
        Perturbation tabular = Perturbations.noise("age", 0.1).then(Perturbations.noise("income", 0.1))
                .then(Perturbations.noise("hours", 0.1)).then(Perturbations.swap("job"));
        Constraints c = Constraints.none().integer("age", "hours").range("age", 17, 90).range("hours", 1, 99);
        System.out.printf("perturb 1M rows (noise x3 + swap): %.2f ms CPU%n", best(() -> tabular.apply(big, 7, c)));
        overhead("cheap", big, RobustnessData.linear(0));
        overhead("1us", RobustnessData.credit(100_000, 1), RobustnessData.linear(RobustnessData.WORK_1US));
    }

    private static void overhead(String name, Dataset data, Model m) {
        Perturbation swap = Perturbations.swap("sex");
        Dataset perturbed = swap.apply(data, 7);
        InvarianceCheck check = Invariance.check().named("sex-blind").perturb(swap).maxFlipRate(0.05).build();
        RunContext ctx = new RunContext("bench", 7);
        double calls = best(() -> {
            m.predict(data);
            m.predict(perturbed);
        });
        double whole = best(() -> Checks.evaluate(check, m, data, ctx));
        System.out.printf("%s model, %d rows: two model calls %.2f ms (%.3f us/row/call), invariance check %.2f ms,"
                + " overhead %.1f%%%n", name, data.rows(), calls, calls * 1000 / 2 / data.rows(), whole,
                100 * (whole - calls) / calls);
    }

    private static double best(Runnable r) {
        for (int i = 0; i < 5; i++) {
            r.run();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            r.run();
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - t0);
        }
        return best / 1e6;
    }
}

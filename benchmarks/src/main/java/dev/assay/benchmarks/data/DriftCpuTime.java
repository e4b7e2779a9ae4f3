package dev.assay.benchmarks.data;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.RunContext;
import dev.assay.core.data.Drift;
import dev.assay.core.data.DriftCheck;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data of {@link DriftBenchmark}, timed by process CPU time as well as wall time: on a machine shared with
 * other work the CPU time says more about the code than the wall time. Run with
 * {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.data.DriftCpuTime}.
 */
public final class DriftCpuTime {
    private DriftCpuTime() {
    }

    static Dataset data(String name, long seed, double shift, boolean rounded, int rows) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Datasets.InMemory b = Datasets.inMemory(name);
        for (int c = 0; c < 16; c++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                double x = rnd.nextGaussian() + shift * c;
                v[i] = rounded ? Math.round(x * 1000) / 1000.0 : x;
            }
            b.column(Column.numeric("num" + c, v));
        }
        for (int c = 0; c < 4; c++) {
            int[] codes = new int[rows];
            for (int i = 0; i < rows; i++) {
                codes[i] = rnd.nextInt(12);
            }
            b.column(Column.categorical("cat" + c, codes,
                    List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l")));
        }
        return b.load();
    }

    public static void main(String[] args) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (boolean rounded : new boolean[] {true, false}) {
            Dataset ref = data("reference", 1, 0, rounded, 1_000_000);
            Dataset cur = data("current", 2, 0.05, rounded, 1_000_000);
            DriftCheck check = Drift.check().reference(ref).alpha(0.05).build();
            long bestWall = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            for (int rep = 0; rep < 8; rep++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                CheckResult r = Checks.evaluate(check, null, cur, new RunContext("cpu", 1));
                long wall = System.nanoTime() - t0;
                long cpu = os.getProcessCpuTime() - c0;
                if (rep >= 3) {
                    bestWall = Math.min(bestWall, wall);
                    bestCpu = Math.min(bestCpu, cpu);
                }
                if (r.value() == null) {
                    throw new IllegalStateException(r.toString());
                }
            }
            System.out.printf("%s: best of 5 after 3 warm-ups: wall %d ms, process CPU %d ms per check%n",
                    rounded ? "rounded" : "continuous", bestWall / 1_000_000, bestCpu / 1_000_000);
        }
    }
}

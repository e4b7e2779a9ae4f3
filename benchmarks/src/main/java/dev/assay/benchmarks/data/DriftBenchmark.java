package dev.assay.benchmarks.data;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.RunContext;
import dev.assay.core.data.Drift;
import dev.assay.core.data.DriftCheck;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code drift} check over 20 columns with {@code rows} rows in the reference and in the current data each:
 * 16 numeric columns (PSI, KS with p-value, Wasserstein) and 4 categorical ones (PSI, chi-square, Jensen-Shannon).
 * The numeric values are either rounded to 3 decimals (ties: the counting sort applies) or continuous (radix sort).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class DriftBenchmark {
    @Param({"1000000"})
    public int rows;

    /** {@code rounded}: numbers with 3 decimals (many ties); {@code continuous}: all values distinct. */
    @Param({"rounded", "continuous"})
    public String values;

    private Dataset reference;
    private Dataset current;
    private DriftCheck check;

    @Setup
    public void setUp() {
        reference = data("reference", 1, 0.0);
        current = data("current", 2, 0.05);
        check = Drift.check().reference(reference).alpha(0.05).build();
    }

    private Dataset data(String name, long seed, double shift) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Datasets.InMemory b = Datasets.inMemory(name);
        for (int c = 0; c < 16; c++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                double x = rnd.nextGaussian() + shift * c;
                v[i] = values.equals("rounded") ? Math.round(x * 1000) / 1000.0 : x;
            }
            b.column(Column.numeric("num" + c, v));
        }
        for (int c = 0; c < 4; c++) {
            int[] codes = new int[rows];
            for (int i = 0; i < rows; i++) {
                codes[i] = rnd.nextInt(12);
            }
            b.column(Column.categorical("cat" + c, codes, List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                    "k", "l")));
        }
        return b.load();
    }

    @Benchmark
    public CheckResult drift20Columns() {
        return Checks.evaluate(check, null, current, new RunContext("bench", 1));
    }
}

package dev.assay.benchmarks.data;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.RunContext;
import dev.assay.core.data.ExpectDataCheck;
import dev.assay.core.data.Expectations;
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
 * The {@code expect-data} check over {@code rows} rows: a numeric column (type, not null, range, unique, mean,
 * median, two quantiles), a categorical column (in a set, length, regex, null fraction) and a probability column,
 * 14 expectations in one pass per column.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ExpectationsBenchmark {
    @Param({"1000000"})
    public int rows;

    private Dataset data;
    private ExpectDataCheck check;
    private ExpectDataCheck rowLevelOnly;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] id = new double[rows];
        double[] p = new double[rows];
        int[] seg = new int[rows];
        for (int i = 0; i < rows; i++) {
            id[i] = i;
            p[i] = rnd.nextDouble();
            seg[i] = rnd.nextInt(20) == 0 ? -1 : rnd.nextInt(4);
        }
        data = Datasets.inMemory("bench").column(Column.numeric("id", id)).column(Column.numeric("p", p))
                .column(Column.categorical("segment", seg, List.of("gold", "silver", "bronze", "platinum")))
                .load();
        check = Expectations.data().rows(1, 10_000_000)
                .column("id", c -> c.type("integer").notNull().between(0, 1e9).unique().mean(0.0, 1e9)
                        .median(0.0, 1e9).quantile(0.1, 0.0, null).quantile(0.9, null, 1e9))
                .column("segment", c -> c.in("gold", "silver", "bronze", "platinum").maxLength(8)
                        .regex("[a-z]+").maxNullFraction(0.1))
                .column("p", c -> c.probability())
                .build();
        rowLevelOnly = Expectations.data()
                .column("id", c -> c.type("integer").notNull().between(0, 1e9))
                .column("segment", c -> c.in("gold", "silver", "bronze", "platinum").maxLength(8)
                        .regex("[a-z]+").maxNullFraction(0.1))
                .column("p", c -> c.probability())
                .build();
    }

    @Benchmark
    public CheckResult allExpectations() {
        return Checks.evaluate(check, null, data, new RunContext("bench", 1));
    }

    @Benchmark
    public CheckResult rowLevelExpectations() {
        return Checks.evaluate(rowLevelOnly, null, data, new RunContext("bench", 1));
    }
}

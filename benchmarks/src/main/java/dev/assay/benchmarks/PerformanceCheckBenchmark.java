package dev.assay.benchmarks;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Models;
import dev.assay.core.Performance;
import dev.assay.core.PerformanceCheck;
import dev.assay.core.RunContext;
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

/** The {@code performance} check (accuracy by an 8-valued group column) on in-memory data. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PerformanceCheckBenchmark {
    @Param({"1000000"})
    public int rows;

    private Dataset data;
    private PerformanceCheck check;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(1);
        int[] y = new int[rows];
        int[] p = new int[rows];
        int[] g = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rnd.nextInt(2);
            p[i] = rnd.nextDouble() < 0.8 ? y[i] : 1 - y[i];
            g[i] = rnd.nextInt(8);
        }
        data = Datasets.inMemory("bench")
                .column(Column.categorical("y", y, java.util.List.of("0", "1")))
                .column(Column.categorical("pred", p, java.util.List.of("0", "1")))
                .column(Column.categorical("group", g, java.util.List.of("a", "b", "c", "d", "e", "f", "g", "h")))
                .label("y").positive("1").load();
        check = Performance.check().metric("accuracy").by("group").atLeast(0.7).build();
    }

    @Benchmark
    public CheckResult accuracyByGroup() {
        return Checks.evaluate(check, Models.predictions("pred"), data, new RunContext("bench", 1));
    }
}

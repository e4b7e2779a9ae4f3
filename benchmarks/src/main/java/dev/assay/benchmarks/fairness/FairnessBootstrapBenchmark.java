package dev.assay.benchmarks.fairness;

import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.fairness.FairnessReport;
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
 * The frame with 1,000 bootstrap resamples of the cells (intervals for every per-group value, difference, ratio,
 * group minimum and maximum of five metrics over 16 cells), on 1M rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class FairnessBootstrapBenchmark {
    @Param({"1000000"})
    public int rows;

    @Param({"1000"})
    public int resamples;

    private Dataset data;
    private final Model model = Models.predictions("y_pred");

    @Setup
    public void setUp() {
        data = SyntheticFrames.dataset(rows);
    }

    @Benchmark
    public FairnessReport frameWithBootstrap() {
        return SyntheticFrames.frame(model, data, resamples);
    }
}

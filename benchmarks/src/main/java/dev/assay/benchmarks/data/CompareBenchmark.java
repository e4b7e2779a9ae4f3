package dev.assay.benchmarks.data;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Models;
import dev.assay.core.RunContext;
import dev.assay.core.compare.Compare;
import dev.assay.core.compare.CompareCheck;
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

/** The {@code compare} check (recall difference, 1000 paired bootstrap resamples, disagreement) on 1M rows. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class CompareBenchmark {
    @Param({"1000000"})
    public int rows;

    private Dataset data;
    private CompareCheck check;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(1);
        int[] y = new int[rows];
        int[] c = new int[rows];
        int[] b = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rnd.nextInt(2);
            double u = rnd.nextDouble();
            c[i] = u < 0.11 ? 1 - y[i] : y[i];
            b[i] = u < 0.10 ? 1 - y[i] : y[i];
        }
        List<String> dict = List.of("0", "1");
        data = Datasets.inMemory("bench").column(Column.categorical("y", y, dict))
                .column(Column.categorical("cand", c, dict)).column(Column.categorical("base", b, dict))
                .label("y").positive("1").load();
        check = Compare.check().baseline(Models.predictions("base")).metric("recall").margin(0.01)
                .maxDisagreement(0.05).build();
    }

    @Benchmark
    public CheckResult recallDifference() {
        return Checks.evaluate(check, Models.predictions("cand"), data, new RunContext("bench", 1));
    }
}

package dev.assay.benchmarks.fairness;

import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.fairness.FairnessReport;
import dev.assay.core.fairness.internal.CellCounter;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The five-metric frame over 16 intersection cells plus the demographic-parity and equalized-odds gaps, in memory,
 * as Fairlearn's MetricFrame benchmark of {@code shared/reference/fairness.md} (25.8 s at 1M rows, 260 s at 10M;
 * the one-pass numpy reference 0.0071 s and 0.116 s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class FairnessFrameBenchmark {
    @Param({"1000000", "10000000"})
    public int rows;

    private Dataset data;
    private final Model model = Models.predictions("y_pred");
    private CellCounter.Spec spec;

    @Setup
    public void setUp() {
        data = SyntheticFrames.dataset(rows);
        spec = new CellCounter.Spec();
        spec.groupColumns = List.of("group", "sex");
        spec.label = data.column("y_true");
        spec.prediction = data.column("y_pred");
    }

    /** The whole report: predictions, the one pass, every per-group value and aggregate (no bootstrap). */
    @Benchmark
    public void frameAndGaps(Blackhole bh) {
        FairnessReport r = SyntheticFrames.frame(model, data, 0);
        bh.consume(r.value()); // equalized_odds_difference
        bh.consume(r.aggregate("selection_rate_difference").orElseThrow().value()); // demographic_parity_difference
    }

    /** The one pass alone (the cell table). */
    @Benchmark
    public Object countCells() {
        return CellCounter.count(data, spec);
    }
}

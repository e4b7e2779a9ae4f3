package dev.assay.benchmarks.fairness;

import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.fairness.FairnessReport;
import dev.assay.core.fairness.internal.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * End to end: load a 1M-row CSV ({@code group,sex,y_true,y_pred}, the reference generator, written to the
 * temporary directory once) with {@link Datasets#csv}, then evaluate the frame and gaps. {@code loadOnly} separates
 * the loader's share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class FairnessCsvBenchmark {
    @Param({"1000000"})
    public int rows;

    private Path file;
    private final Model model = Models.predictions("y_pred");

    @Setup
    public void setUp() throws IOException {
        file = Path.of(System.getProperty("java.io.tmpdir"), "assay-fairness-" + rows + ".csv");
        if (!Files.exists(file)) {
            SyntheticData.writeCsv(file, 42, rows);
        }
    }

    @Benchmark
    public FairnessReport loadAndEvaluate() {
        Dataset data = Datasets.csv(file).label("y_true").load();
        return SyntheticFrames.frame(model, data, 0);
    }

    @Benchmark
    public Dataset loadOnly() {
        return Datasets.csv(file).label("y_true").load();
    }
}

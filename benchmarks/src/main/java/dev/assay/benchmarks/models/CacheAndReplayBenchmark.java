package dev.assay.benchmarks.models;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Models;
import dev.assay.core.Predictions;
import dev.assay.core.models.HttpModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code cachedRow}: cost per row of answering from the in-memory cache (canonical key of a 6-column row, lookup,
 * Predictions), everything cached. {@code replay100k}: open a 100,000-entry cassette and answer 100,000 rows from it.
 */
@State(Scope.Benchmark)
@Fork(1)
public class CacheAndReplayBenchmark {
    static final int ROWS = 100_000;

    private InstantServer server;
    private Dataset data;
    private HttpModel cached;
    private Path cassette;

    static Dataset data(int rows) {
        SplittableRandom rng = new SplittableRandom(7);
        double[] age = new double[rows];
        double[] income = new double[rows];
        double[] hours = new double[rows];
        String[] sex = new String[rows];
        String[] job = new String[rows];
        String[] city = new String[rows];
        String[] jobs = {"clerk", "engineer", "nurse", "driver", "teacher"};
        String[] cities = {"Leeds", "Lyon", "Porto", "Graz"};
        for (int i = 0; i < rows; i++) {
            age[i] = 18 + rng.nextInt(60);
            income[i] = Math.round(rng.nextDouble() * 1_000_000) / 100.0;
            hours[i] = 10 + rng.nextInt(50);
            sex[i] = rng.nextBoolean() ? "F" : "M";
            job[i] = jobs[rng.nextInt(jobs.length)];
            city[i] = cities[rng.nextInt(cities.length)];
        }
        return Datasets.inMemory("bench-" + rows).numeric("age", age).numeric("income", income)
                .numeric("hours", hours).categorical("sex", sex).categorical("job", job).categorical("city", city)
                .load();
    }

    static AssaySettings mode(String mode) {
        return AssaySettings.of(k -> Optional.empty(), Map.of(AssayConstants.MODEL_MODE, mode), Map.of());
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new InstantServer(4);
        data = data(ROWS);
        cassette = Files.createTempFile("assay-bench", ".jsonl");
        Files.delete(cassette);
        try (HttpModel rec = Models.http(server.url()).protocol("mlflow").batchSize(1000).concurrency(2)
                .threshold(0.5).classLabels(List.of("0", "1")).cache(false).cassette(cassette)
                .settings(mode("record")).build()) {
            rec.predict(data);
        }
        cached = Models.http(server.url()).protocol("mlflow").batchSize(1000).concurrency(2).threshold(0.5)
                .classLabels(List.of("0", "1")).settings(mode("live")).build();
        cached.predict(data);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        cached.close();
        server.close();
        Files.deleteIfExists(cassette);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 2)
    @OperationsPerInvocation(ROWS)
    public Predictions cachedRow() {
        return cached.predict(data);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public Predictions replay100k() {
        try (HttpModel replay = Models.http(server.url()).protocol("mlflow").batchSize(1000).threshold(0.5)
                .classLabels(List.of("0", "1")).cache(false).cassette(cassette).settings(mode("replay")).build()) {
            return replay.predict(data);
        }
    }
}

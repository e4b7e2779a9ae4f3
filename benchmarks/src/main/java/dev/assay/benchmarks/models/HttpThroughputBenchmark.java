package dev.assay.benchmarks.models;

import dev.assay.core.AssaySettings;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Models;
import dev.assay.core.Predictions;
import dev.assay.core.models.HttpModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Model calls per second against a loopback server that answers instantly: Assay's client (one row per request,
 * cache off, so every row is a call) side by side with a bare {@link HttpClient} loop sending the same bodies from
 * the same number of threads. Score = calls per second (ops are calls).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HttpThroughputBenchmark {
    static final int CALLS = 256;

    @Param({"1", "8", "64"})
    public int concurrency;

    private InstantServer server;
    private HttpModel model;
    private Dataset data;
    private HttpClient bare;
    private ExecutorService barePool;
    private List<HttpRequest> bareRequests;
    private List<HttpRequest> bareTimedRequests;
    private final java.util.concurrent.atomic.AtomicLong bareRetries = new java.util.concurrent.atomic.AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new InstantServer(InstantServer.threadsFor(concurrency));
        double[] x = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            x[i] = i;
        }
        data = Datasets.inMemory("bench").numeric("x", x).load();
        model = Models.http(server.url()).protocol("mlflow").batchSize(1).concurrency(concurrency).cache(false)
                .threshold(0.5).classLabels(List.of("0", "1"))
                .settings(AssaySettings.of(k -> Optional.empty(), Map.of(), Map.of())).build();
        bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        barePool = Executors.newFixedThreadPool(concurrency);
        URI endpoint = URI.create(server.url() + "/invocations");
        bareRequests = new ArrayList<>(CALLS);
        bareTimedRequests = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            String body = "{\"dataframe_split\":{\"columns\":[\"x\"],\"data\":[[" + i + "]]}}";
            bareRequests.add(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
            bareTimedRequests.add(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .timeout(java.time.Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (bareRetries.get() > 0) {
            System.out.println("bare client: " + bareRetries.get() + " I/O errors retried");
        }
        model.close();
        barePool.shutdownNow();
        server.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Predictions assay() {
        return model.predict(data);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int bareHttpClient() throws Exception {
        return bare(bareRequests);
    }

    /** The bare loop with the same per-request timeout Assay sets (30 s), to see what the timeout costs. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int bareHttpClientWithTimeout() throws Exception {
        return bare(bareTimedRequests);
    }

    private int bare(List<HttpRequest> requests) throws Exception {
        if (concurrency == 1) {
            int total = 0;
            for (HttpRequest r : requests) {
                total += InstantServer.sendBare(bare, r, bareRetries).length;
            }
            return total;
        }
        List<Future<Integer>> futures = new ArrayList<>(CALLS);
        for (HttpRequest r : requests) {
            futures.add(barePool.submit(() -> InstantServer.sendBare(bare, r, bareRetries).length));
        }
        int total = 0;
        for (Future<Integer> f : futures) {
            total += f.get();
        }
        return total;
    }
}

package dev.assay.benchmarks.models;

import dev.assay.core.AssaySettings;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Models;
import dev.assay.core.models.HttpModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A/B program for a shared machine: alternates rounds of the bare client and Assay's client (in alternating order) (one row per request,
 * the same concurrency for both) so that both see the same background load; prints calls/s per round and the median ratio.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.models.ThroughputAB [rounds] [calls] [concurrency]
 *     [same-settings] [warmup=N]</pre>
 * {@code warmup=N}: rounds of both clients before the counted ones (default 2; use 30 for steady state: with 2,000
 * calls a round both clients keep getting faster for about 20 rounds while the JIT compiles them).
 * With {@code same-settings} the bare client gets Assay's client settings (5 s connect timeout, redirects followed,
 * 30 s request timeout). Also prints the process CPU time per call (client and server threads) of each client.
 */
public final class ThroughputAB {
    private static final java.util.concurrent.atomic.AtomicLong RETRIED = new java.util.concurrent.atomic.AtomicLong();

    private ThroughputAB() {
    }

    private static void runBare(HttpClient bare, HttpRequest[] reqs, java.util.concurrent.ExecutorService pool,
                                int concurrency) throws Exception {
        if (concurrency == 1) {
            for (HttpRequest q : reqs) {
                InstantServer.sendBare(bare, q, RETRIED);
            }
            return;
        }
        List<java.util.concurrent.Future<?>> fs = new java.util.ArrayList<>(reqs.length);
        for (HttpRequest q : reqs) {
            fs.add(pool.submit(() -> InstantServer.sendBare(bare, q, RETRIED)));
        }
        for (java.util.concurrent.Future<?> f : fs) {
            f.get();
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        // warm-up rounds (both clients, not counted): both keep getting faster for ~20 rounds of 2,000 calls as the
        // JIT compiles them, Assay's longer path later than the bare loop's; steady state is what JMH would report
        int warmup = 2;
        for (String a : args) {
            if (a.startsWith("warmup=")) {
                warmup = Integer.parseInt(a.substring("warmup=".length()));
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        try (InstantServer server = new InstantServer(InstantServer.threadsFor(concurrency))) {
            double[] x = new double[calls];
            for (int i = 0; i < calls; i++) {
                x[i] = i;
            }
            Dataset data = Datasets.inMemory("ab").numeric("x", x).load();
            HttpModel model = Models.http(server.url()).protocol("mlflow").batchSize(1).concurrency(concurrency).cache(false)
                    .threshold(0.5).classLabels(List.of("0", "1"))
                    .settings(AssaySettings.of(k -> Optional.empty(), Map.of(), Map.of())).build();
            // "same-settings": the bare client configured as Assay's (connect timeout, redirects, 30 s request
            // timeout), to separate the cost of those settings from the cost of Assay's own work
            boolean same = java.util.Arrays.asList(args).contains("same-settings");
            HttpClient.Builder clientBuilder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
            if (same) {
                clientBuilder.connectTimeout(java.time.Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL);
            }
            HttpClient bare = clientBuilder.build();
            URI endpoint = URI.create(server.url() + "/invocations");
            HttpRequest[] reqs = new HttpRequest[calls];
            for (int i = 0; i < calls; i++) {
                HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint);
                if (same) {
                    rb.timeout(java.time.Duration.ofSeconds(30));
                }
                reqs[i] = rb.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"dataframe_split\":{\"columns\":[\"x\"],\"data\":[["
                                + i + "]]}}", StandardCharsets.UTF_8)).build();
            }
            double[] ratios = new double[rounds];
            double[] cpuBare = new double[rounds];
            double[] cpuAssay = new double[rounds];
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int r = -warmup; r < rounds; r++) {
                boolean assayFirst = (r & 1) == 1;
                long ta = 0;
                long ca = 0;
                if (assayFirst) {
                    long c0 = os.getProcessCpuTime();
                    long s0 = System.nanoTime();
                    model.predict(data);
                    ta = System.nanoTime() - s0;
                    ca = os.getProcessCpuTime() - c0;
                }
                long cb0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                runBare(bare, reqs, pool, concurrency);
                long t1 = System.nanoTime();
                long cb = os.getProcessCpuTime() - cb0;
                if (!assayFirst) {
                    long c0 = os.getProcessCpuTime();
                    long s0 = System.nanoTime();
                    model.predict(data);
                    ta = System.nanoTime() - s0;
                    ca = os.getProcessCpuTime() - c0;
                }
                double b = calls / ((t1 - t0) / 1e9);
                double a = calls / (ta / 1e9);
                if (r >= 0) {
                    ratios[r] = a / b;
                    cpuBare[r] = cb / 1e3 / calls;
                    cpuAssay[r] = ca / 1e3 / calls;
                    System.out.printf("round %d: bare %.0f calls/s, assay %.0f calls/s, ratio %.2f; "
                            + "process CPU per call (client and server): bare %.1f us, assay %.1f us%n",
                            r, b, a, a / b, cpuBare[r], cpuAssay[r]);
                }
            }
            java.util.Arrays.sort(ratios);
            java.util.Arrays.sort(cpuBare);
            java.util.Arrays.sort(cpuAssay);
            System.out.printf("median assay/bare ratio: %.2f; median CPU per call: bare %.1f us, assay %.1f us "
                    + "(bare client I/O errors retried: %d)%n", ratios[rounds / 2], cpuBare[rounds / 2],
                    cpuAssay[rounds / 2], RETRIED.get());
            model.close();
        }
        pool.shutdownNow();
    }
}

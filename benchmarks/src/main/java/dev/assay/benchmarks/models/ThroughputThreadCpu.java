package dev.assay.benchmarks.models;

import dev.assay.core.AssaySettings;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Models;
import dev.assay.core.internal.Json;
import dev.assay.core.models.HttpModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the CPU of one call goes: alternates rounds of Assay's client and a bare {@code HttpClient} loop (one row
 * per request, the same concurrency) against the instant loopback server and sums each thread's CPU time
 * ({@link ThreadMXBean#getThreadCpuTime}) by thread group: the calling threads ({@code assay-model-N} for Assay,
 * {@code bare-pool} for the bare loop), the JDK client's selector and worker threads, the server's threads. Thread CPU
 * time is per thread, so it is far less disturbed by other processes on a shared machine than wall-clock throughput.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.models.ThroughputThreadCpu [rounds] [calls]
 *     [concurrency] [plain|same]</pre>
 * {@code plain}: the bare client sends pre-built requests (as {@code ThroughputAB}); {@code same}: the bare client
 * has Assay's client settings (5 s connect timeout, redirects followed), builds each request on the calling thread
 * with the same headers and 30 s request timeout, and parses the answer into a Jackson tree, so that the difference
 * left is Assay's own work per call (encode, decode, bookkeeping).
 */
public final class ThroughputThreadCpu {
    private ThroughputThreadCpu() {
    }

    private static Map<Long, String[]> snapshot(ThreadMXBean mx) {
        Map<Long, String[]> m = new TreeMap<>();
        for (ThreadInfo ti : mx.dumpAllThreads(false, false)) {
            long t = mx.getThreadCpuTime(ti.getThreadId());
            if (t >= 0) {
                m.put(ti.getThreadId(), new String[] {ti.getThreadName().replaceAll("\\d+", "N"), Long.toString(t)});
            }
        }
        return m;
    }

    private static void add(Map<Long, String[]> before, Map<Long, String[]> after, Map<String, Long> sum) {
        for (Map.Entry<Long, String[]> e : after.entrySet()) {
            String[] b = before.get(e.getKey());
            long d = Long.parseLong(e.getValue()[1]) - (b == null ? 0 : Long.parseLong(b[1]));
            sum.merge(e.getValue()[0], d, Long::sum);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        boolean same = args.length > 3 && "same".equals(args[3]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> new Thread(r, "bare-pool"));
        AtomicLong retried = new AtomicLong();
        try (InstantServer server = new InstantServer(InstantServer.threadsFor(concurrency))) {
            double[] x = new double[calls];
            for (int i = 0; i < calls; i++) {
                x[i] = i;
            }
            Dataset data = Datasets.inMemory("ab").numeric("x", x).load();
            HttpModel model = Models.http(server.url()).protocol("mlflow").batchSize(1).concurrency(concurrency)
                    .cache(false).threshold(0.5).classLabels(List.of("0", "1"))
                    .settings(AssaySettings.of(k -> Optional.empty(), Map.of(), Map.of())).build();
            HttpClient.Builder cb = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
            if (same) {
                cb.connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL);
            }
            HttpClient bare = cb.build();
            URI endpoint = URI.create(server.url() + "/invocations");
            String[] bodies = new String[calls];
            HttpRequest[] reqs = new HttpRequest[calls];
            for (int i = 0; i < calls; i++) {
                bodies[i] = "{\"dataframe_split\":{\"columns\":[\"x\"],\"data\":[[" + i + "]]}}";
                reqs[i] = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bodies[i], StandardCharsets.UTF_8)).build();
            }
            Map<String, Long> assay = new TreeMap<>();
            Map<String, Long> plain = new TreeMap<>();
            for (int r = -2; r < rounds; r++) {
                Map<Long, String[]> s0 = snapshot(mx);
                model.predict(data);
                Map<Long, String[]> s1 = snapshot(mx);
                List<Future<?>> fs = new ArrayList<>(calls);
                for (int i = 0; i < calls; i++) {
                    int row = i;
                    fs.add(pool.submit(() -> {
                        HttpRequest q = reqs[row];
                        if (same) {
                            q = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json").header("Accept", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                                            bodies[row].getBytes(StandardCharsets.UTF_8))).build();
                        }
                        byte[] body = InstantServer.sendBare(bare, q, retried);
                        return same ? Json.MAPPER.readTree(body) : body;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                Map<Long, String[]> s2 = snapshot(mx);
                if (r >= 0) {
                    add(s0, s1, assay);
                    add(s1, s2, plain);
                }
            }
            Set<String> groups = new TreeSet<>(assay.keySet());
            groups.addAll(plain.keySet());
            double n = (double) rounds * calls;
            long ta = 0;
            long tb = 0;
            System.out.printf("thread CPU per call (us), %d rounds x %d calls, concurrency %d, bare %s%n", rounds, calls,
                    concurrency, same ? "with Assay's settings, request building and parsing" : "plain");
            for (String g : groups) {
                long a = assay.getOrDefault(g, 0L);
                long b = plain.getOrDefault(g, 0L);
                ta += a;
                tb += b;
                if (a + b > n * 1000) {
                    System.out.printf("  %-30s assay %6.1f   bare %6.1f%n", g, a / n / 1e3, b / n / 1e3);
                }
            }
            System.out.printf("  %-30s assay %6.1f   bare %6.1f   (bare I/O errors retried: %d)%n", "total",
                    ta / n / 1e3, tb / n / 1e3, retried.get());
            model.close();
        }
        pool.shutdownNow();
    }
}

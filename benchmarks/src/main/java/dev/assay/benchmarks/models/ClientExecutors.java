package dev.assay.benchmarks.models;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Why Assay's HTTP client gives the JDK client a fixed executor (BENCHMARKS.md, issue 3, "1d"): the bare
 * {@code HttpClient} loop of {@code ThroughputAB} with the JDK's default executor (a cached pool per client), a direct
 * executor, and fixed pools of 1, 2, 4 and 8 threads, in rotating order each round against the instant loopback
 * server; prints the median calls/s and process CPU per call of each.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.models.ClientExecutors [rounds] [calls] [concurrency]</pre>
 */
public final class ClientExecutors {
    private ClientExecutors() {
    }

    static ExecutorService fixed(int n) { return Executors.newFixedThreadPool(n, r -> { Thread t = new Thread(r); t.setDaemon(true); return t; }); }
    public static void main(String[] a) throws Exception {
        int rounds = a.length > 0 ? Integer.parseInt(a[0]) : 10;
        int calls = a.length > 1 ? Integer.parseInt(a[1]) : 2000;
        int conc = a.length > 2 ? Integer.parseInt(a[2]) : 8;
        ExecutorService pool = Executors.newFixedThreadPool(conc);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (InstantServer server = new InstantServer(InstantServer.threadsFor(conc) * 2)) {
            URI ep = URI.create(server.url() + "/invocations");
            String[] names = {"default", "direct", "fixed1", "fixed2", "fixed4", "fixed8"};
            HttpClient[] clients = {
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build(),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(fixed(1)).build(),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(fixed(2)).build(),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(fixed(4)).build(),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(fixed(8)).build(),
            };
            boolean[] timeout = new boolean[names.length];
            double[][] rate = new double[names.length][rounds];
            double[][] cpu = new double[names.length][rounds];
            for (int r = -2; r < rounds; r++) {
                for (int k0 = 0; k0 < names.length; k0++) {
                    int k = (k0 + Math.max(0, r)) % names.length;
                    HttpRequest[] reqs = new HttpRequest[calls];
                    for (int i = 0; i < calls; i++) {
                        HttpRequest.Builder rb = HttpRequest.newBuilder(ep);
                        if (timeout[k]) rb.timeout(java.time.Duration.ofSeconds(30));
                        reqs[i] = rb.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"dataframe_split\":{\"columns\":[\"x\"],\"data\":[[" + i + "]]}}", StandardCharsets.UTF_8)).build();
                    }
                    HttpClient c = clients[k];
                    long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                    List<Future<?>> fs = new ArrayList<>();
                    for (HttpRequest q : reqs) fs.add(pool.submit(() -> InstantServer.sendBare(c, q, new java.util.concurrent.atomic.AtomicLong())));
                    for (Future<?> f : fs) f.get();
                    long t = System.nanoTime() - t0, cp = os.getProcessCpuTime() - c0;
                    if (r >= 0) { rate[k][r] = calls / (t / 1e9); cpu[k][r] = cp / 1e3 / calls; }
                }
            }
            for (int k = 0; k < names.length; k++) {
                Arrays.sort(rate[k]); Arrays.sort(cpu[k]);
                System.out.printf("%-16s median %.0f calls/s, CPU/call %.0f us%n", names[k], rate[k][rounds / 2], cpu[k][rounds / 2]);
            }
        }
        pool.shutdownNow();
    }
}

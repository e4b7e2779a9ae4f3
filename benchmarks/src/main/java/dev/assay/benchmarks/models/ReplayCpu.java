package dev.assay.benchmarks.models;

import dev.assay.core.Dataset;
import dev.assay.core.Models;
import dev.assay.core.models.HttpModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Replay of a 100,000-entry cassette timed by the CPU time of the replaying thread (replay is single-threaded: it
 * opens the file and answers every row on the caller's thread), for a shared machine where the wall time of
 * {@code CacheAndReplayBenchmark.replay100k} mostly measures waiting for a core. Also prints the time to record the
 * cassette (with the surrogate and redaction work of recording) and the file size.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.models.ReplayCpu [rounds]</pre>
 */
public final class ReplayCpu {
    private ReplayCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Dataset data = CacheAndReplayBenchmark.data(100_000);
        Path cassette = Files.createTempFile("assay-replay", ".jsonl");
        Files.delete(cassette);
        try (InstantServer server = new InstantServer(4)) {
            long w0 = System.nanoTime();
            try (HttpModel rec = Models.http(server.url()).protocol("mlflow").batchSize(1000).concurrency(2)
                    .threshold(0.5).classLabels(List.of("0", "1")).cache(false).cassette(cassette)
                    .settings(CacheAndReplayBenchmark.mode("record")).build()) {
                rec.predict(data);
            }
            System.out.printf("record: %.2f s wall, cassette %d lines, %.1f MB%n", (System.nanoTime() - w0) / 1e9,
                    Files.readAllLines(cassette).size(), Files.size(cassette) / 1e6);
            double[] cpu = new double[rounds];
            double[] wall = new double[rounds];
            for (int r = -2; r < rounds; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try (HttpModel replay = Models.http(server.url()).protocol("mlflow").batchSize(1000).threshold(0.5)
                        .classLabels(List.of("0", "1")).cache(false).cassette(cassette)
                        .settings(CacheAndReplayBenchmark.mode("replay")).build()) {
                    if (replay.predict(data).size() != 100_000) {
                        throw new IllegalStateException("wrong size");
                    }
                }
                if (r >= 0) {
                    cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                    wall[r] = (System.nanoTime() - t0) / 1e9;
                }
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf("replay of 100,000 rows: CPU median %.2f s (min %.2f, max %.2f); wall median %.2f s "
                    + "(min %.2f)%n", cpu[rounds / 2], cpu[0], cpu[rounds - 1], wall[rounds / 2], wall[0]);
        } finally {
            Files.deleteIfExists(cassette);
        }
    }
}

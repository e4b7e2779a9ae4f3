package dev.assay.benchmarks.pii;

import dev.assay.core.pii.PiiEntity;
import dev.assay.core.pii.PiiScanner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Companion to {@link PiiScanBenchmark} for a shared machine: MB/s per core from the scanning thread's CPU time
 * (ThreadMXBean), which other processes on the machine disturb far less than wall-clock time. Same text.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.pii.PiiCpuThroughput}
 */
public final class PiiCpuThroughput {
    private PiiCpuThroughput() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        PiiScanner all = PiiScanner.builder().entities(PiiEntity.all()).build();
        String warm = PiiScanBenchmark.text(4 << 20, 7);
        for (int i = 0; i < 15; i++) { // JIT warm-up on other text before any measurement
            PiiScanner.defaults().scan(warm);
            all.scan(warm);
        }
        for (int mb : new int[] {1, 10}) {
            String text = PiiScanBenchmark.text(mb << 20, 42);
            java.util.List<String> noPhone = new java.util.ArrayList<>(PiiEntity.defaults());
            noPhone.remove(PiiEntity.PHONE_NUMBER);
            PiiScanner withoutPhone = PiiScanner.builder().entities(noPhone).build();
            for (String set : new String[] {"defaultSet", "allEntities", "defaultSet-PHONE_NUMBER"}) {
                PiiScanner s = set.equals("defaultSet") ? PiiScanner.defaults() : set.equals("allEntities") ? all
                        : withoutPhone;
                for (int i = 0; i < Math.max(3, 30 / mb); i++) {
                    s.scan(text); // warm-up
                }
                int reps = Math.max(3, 20 / mb);
                long best = Long.MAX_VALUE;
                long total = 0;
                int findings = 0;
                for (int i = 0; i < reps; i++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    findings = s.scan(text).size();
                    long c = mx.getCurrentThreadCpuTime() - c0;
                    best = Math.min(best, c);
                    total += c;
                }
                System.out.printf(Locale.ROOT, "%-24s %2d MB: %d findings, mean %.1f cpu-ms (%.1f MB/s), best %.1f"
                        + " cpu-ms (%.1f MB/s)%n", set, mb, findings, total / 1e6 / reps, mb * 1e9 * reps / total,
                        best / 1e6, mb * 1e9 / best);
            }
        }
    }
}

package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * 1 MB of hostile input through every detector, one at a time: no catastrophic backtracking, no quadratic scan.
 *
 * <p>The check is on the <em>shape</em> of the cost, not on a time limit, so that load on a shared machine cannot
 * change the verdict. For each detector and input the scanner first reads the input's first 64 KB (1/16), then the
 * whole 1 MB, and the test compares the CPU time of the scanning thread ({@link ThreadMXBean}, which does not count
 * the time the thread waits for a core, nor the JIT and GC threads): a linear scan costs 16 times as much on 16
 * times the input, a quadratic one 256 times, catastrophic backtracking far more. The 1 MB scan may use at most
 * {@value #FACTOR} times the linear cost of the small one plus {@value #SLACK_MS} ms: a factor 4 above linear (for
 * cache effects of the larger input, a less warm first run, and the noise of CPU accounting under load) and still
 * a factor 4 below quadratic; the slack covers inputs that cost next to nothing (so a quadratic cost is caught
 * once it makes the 1 MB scan cost more than about a quarter of a CPU-second). There is no retry: the small run
 * goes first, so whatever slows it (interpreted code before the JIT) only raises the allowance. The 1 MB scan runs
 * in its own (daemon) thread whose CPU time is watched, so catastrophic backtracking fails the test as soon as it
 * passes its allowance instead of hanging the build.
 *
 * <p>It also writes the wall-clock and CPU times of the 1 MB scans to {@code target/pii-pathological.md} (copied
 * into BENCHMARKS.md, "PII ... 3. Hostile input"); those are figures, not assertions.
 */
class PiiPathologicalInputTest {
    static final int SIZE = 1 << 20;
    static final int SMALL = SIZE / 16;
    /** The 1 MB scan may cost this many times the linear extrapolation of the 64 KB scan ... */
    static final int FACTOR = 4;
    /** ... plus this much CPU time. */
    static final long SLACK_MS = 250;
    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    static String repeat(String unit) {
        StringBuilder sb = new StringBuilder(SIZE + unit.length());
        while (sb.length() < SIZE) {
            sb.append(unit);
        }
        return sb.substring(0, SIZE);
    }

    static String generated(IntFunction<Character> f) {
        StringBuilder sb = new StringBuilder(SIZE);
        for (int i = 0; i < SIZE; i++) {
            sb.append(f.apply(i));
        }
        return sb.toString();
    }

    static Map<String, String> inputs() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("digit run", generated(i -> (char) ('0' + (i * 7 + i / 13) % 10)));
        in.put("digits and spaces", repeat("1 "));
        in.put("digit groups", repeat("4242 4242 "));
        in.put("phone-like groups", repeat("020 7946 0958 x "));
        in.put("at signs", repeat("@"));
        in.put("a@ pairs", repeat("a@"));
        in.put("dots", repeat("."));
        in.put("a. pairs", repeat("a."));
        in.put("1. pairs", repeat("1."));
        in.put("colons and hex", repeat("ab:"));
        in.put("long letter token", repeat("abcdefghij"));
        in.put("long base64 token", generated(i -> "AbC9xYz0+/_-".charAt((i * 31 + i / 7) % 12)));
        in.put("eyJ repeated", repeat("eyJ"));
        in.put("eyJ dotted", repeat("eyJa."));
        in.put("PEM headers", repeat("-----BEGIN RSA PRIVATE KEY-----\n"));
        in.put("url prefixes", repeat("http://"));
        in.put("emails back to back", repeat("a@example.com"));
        in.put("IBAN-like", repeat("DE89370400440532013000"));
        return in;
    }

    @Test
    void everyDetectorScansOneMegabyteOfHostileInputInLinearCpuTime() throws Exception {
        assumeTrue(CPU.isCurrentThreadCpuTimeSupported() && CPU.isThreadCpuTimeSupported(),
                "this JVM does not measure thread CPU time");
        if (!CPU.isThreadCpuTimeEnabled()) {
            CPU.setThreadCpuTimeEnabled(true);
        }
        Map<String, String> inputs = inputs();
        StringBuilder table = new StringBuilder("| detector | worst input (CPU) | worst cpu-ms | worst wall ms"
                + " | all inputs cpu-ms | all inputs wall ms | worst input: 1 MB / 64 KB CPU |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (String entity : PiiEntity.all()) {
            PiiScanner s = PiiScanner.builder().entities(entity).minScore(0).build();
            s.scan("warm up 4242 4242 4242 4242 a@example.com");
            long totalCpu = 0;
            long totalWall = 0;
            long worstCpu = -1;
            long worstWall = 0;
            double worstRatio = 0;
            String worstInput = null;
            for (Map.Entry<String, String> in : inputs.entrySet()) {
                long[] big = scansLinearly(s, in.getValue(), SMALL, entity + " on 1 MB of " + in.getKey());
                long smallCpu = big[2];
                long cpuMs = big[0] / 1_000_000;
                long wallMs = big[1] / 1_000_000;
                totalCpu += cpuMs;
                totalWall += wallMs;
                if (cpuMs > worstCpu) {
                    worstCpu = cpuMs;
                    worstWall = wallMs;
                    worstRatio = (double) big[0] / Math.max(1, smallCpu);
                    worstInput = in.getKey();
                }
            }
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.1f |%n", entity, worstInput,
                    worstCpu, worstWall, totalCpu, totalWall, worstRatio));
        }
        Path out = Path.of("target", "pii-pathological.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        System.out.println(table);
    }

    /**
     * Scans the first {@code small} characters of {@code text}, then all of it, and fails unless the second scan's
     * CPU time is at most {@value #FACTOR} times the linear extrapolation of the first plus {@value #SLACK_MS} ms.
     * Returns the whole scan's CPU and wall time and the small scan's CPU time, in ns.
     */
    static long[] scansLinearly(PiiScanner s, String text, int small, String what) throws InterruptedException {
        long c0 = CPU.getCurrentThreadCpuTime();
        s.scan(text.substring(0, small));
        long smallCpu = CPU.getCurrentThreadCpuTime() - c0;
        long allowance = FACTOR * ((long) text.length() / small) * smallCpu + SLACK_MS * 1_000_000;
        long[] big = scanWatched(s, text, allowance, what, smallCpu, text.length() / small);
        return new long[] {big[0], big[1], smallCpu};
    }

    /** The check itself can fail: a user regex that is quadratic on a run of letters is caught, a linear one is not. */
    @Test
    void aSuperLinearDetectorFailsTheCheck() throws Exception {
        assumeTrue(CPU.isCurrentThreadCpuTimeSupported() && CPU.isThreadCpuTimeSupported(),
                "this JVM does not measure thread CPU time");
        String letters = "a".repeat(1 << 16);
        // a*b tries every start and runs to the end from each: quadratic; 2 KB warm up the regex engine first
        PiiScanner quadratic = PiiScanner.builder().entities(List.of()).detector("NO_B", "a*b", 1).build();
        quadratic.scan(letters.substring(0, 2048));
        assertThatThrownBy(() -> scansLinearly(quadratic, letters, 2048, "NO_B on 64 KB of a"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("NO_B on 64 KB of a")
                .hasMessageContaining("super-linear cost");
        PiiScanner linear = PiiScanner.builder().entities(List.of()).detector("AB", "ab", 1).build();
        linear.scan(letters.substring(0, 2048));
        assertThat(scansLinearly(linear, letters, 2048, "AB on 64 KB of a")[0]).isNotNegative();
    }

    /**
     * Scans {@code text} in a daemon thread and watches its CPU time; fails as soon as it exceeds {@code allowance}
     * ns. Returns the scan's CPU and wall time in ns.
     */
    static long[] scanWatched(PiiScanner s, String text, long allowance, String what, long smallCpu, long times)
            throws InterruptedException {
        AtomicLong cpu = new AtomicLong(-1);
        AtomicLong wall = new AtomicLong();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                long c0 = CPU.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                s.scan(text);
                wall.set(System.nanoTime() - w0);
                cpu.set(CPU.getCurrentThreadCpuTime() - c0);
            } catch (Throwable e) {
                error.set(e);
            }
        }, "hostile-input-scan");
        t.setDaemon(true);
        t.start();
        while (t.isAlive()) {
            t.join(20);
            long used = CPU.getThreadCpuTime(t.getId());
            if (used > allowance) {
                fail("Expecting %s to take at most %d cpu-ms (%d x %d x the %.1f cpu-ms of its first 1/%d, + %d)"
                        + " but it had used %d cpu-ms and was still scanning: super-linear cost", what,
                        allowance / 1_000_000, FACTOR, times, smallCpu / 1e6, times, SLACK_MS, used / 1_000_000);
            }
        }
        if (error.get() != null) {
            throw new AssertionError(what + " failed", error.get());
        }
        assertThat(cpu.get()).as("CPU time of %s, in ns (at most %d x %d x %.1f cpu-ms + %d ms, else a super-linear cost)", what, FACTOR,
                times, smallCpu / 1e6, SLACK_MS).isLessThanOrEqualTo(allowance);
        return new long[] {cpu.get(), wall.get()};
    }
}

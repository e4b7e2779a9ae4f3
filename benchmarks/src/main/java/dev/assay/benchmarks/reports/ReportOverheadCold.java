package dev.assay.benchmarks.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * What writing the reports adds to a suite's run time when the suite runs once in a fresh JVM, as it does in CI
 * (BENCHMARKS.md, "Issue 9 — report overhead in a fresh JVM"). Each run is its own JVM running the example credit
 * suites once, either <b>bare</b> or <b>reported</b> (see {@link ReportOverhead}); the pairs alternate their order
 * (bare first, then reported first) so that drift in machine load hits both alike. Per JVM it measures:
 * <ul>
 *   <li>the suite: wall-clock and process CPU time from loading the first scenario file to the end of the flush
 *       (reported) or of the last check (bare);</li>
 *   <li>the JVM: wall-clock time from starting the process to its exit (measured by this parent), and the process
 *       CPU time of the whole JVM (start-up, class loading, JIT compilation and GC included);</li>
 *   <li>in a reported run, the thread CPU time of the writers (Allure for every check, and the flush).</li>
 * </ul>
 * Prints the median of each and the median of the paired ratios reported / bare, with the distribution-free
 * confidence interval of that median ({@link #medianInterval}): a target such as "under 5%" is shown only when the
 * interval's upper end is under it.
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * mvn -o -q -pl examples -am test-compile
 * java -cp benchmarks/target/benchmarks.jar:examples/target/test-classes \
 *     dev.assay.benchmarks.reports.ReportOverheadCold [scenario-dir (examples/src/test/resources/assay)] [pairs (10)] \
 *     [JVM options for the child JVMs, e.g. -XX:TieredStopAtLevel=1]
 * </pre>
 */
public final class ReportOverheadCold {
    private static final String CHILD = "--child";

    private ReportOverheadCold() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(Path.of(args[1]), args[2].equals("reported"));
            return;
        }
        Path scenarios = Path.of(args.length > 0 ? args[0] : "examples/src/test/resources/assay");
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> jvmOptions = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        // {suite wall, suite CPU, JVM wall, JVM CPU, writers' CPU} per run
        double[][] bare = new double[pairs][];
        double[][] reported = new double[pairs][];
        for (int i = 0; i < pairs; i++) {
            boolean bareFirst = (i & 1) == 0;
            for (int k = 0; k < 2; k++) {
                boolean withReports = bareFirst == (k == 1);
                List<String> command = new ArrayList<>();
                command.add(java);
                command.addAll(jvmOptions);
                command.addAll(List.of("-cp", classPath, ReportOverheadCold.class.getName(), CHILD,
                        scenarios.toString(), withReports ? "reported" : "bare"));
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String result = null;
                StringBuilder out = new StringBuilder();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("RESULT ")) {
                            result = line;
                        } else {
                            out.append(line).append('\n');
                        }
                    }
                }
                int exit = p.waitFor();
                double jvmWall = (System.nanoTime() - t0) / 1e6;
                if (exit != 0 || result == null) {
                    throw new IllegalStateException("child JVM failed (exit " + exit + "):\n" + out);
                }
                String[] f = result.split(" ");
                double[] row = {Long.parseLong(f[1]) / 1e6, Long.parseLong(f[2]) / 1e6, jvmWall,
                        Long.parseLong(f[3]) / 1e6, Long.parseLong(f[4]) / 1e6};
                (withReports ? reported : bare)[i] = row;
            }
            System.out.printf(Locale.ROOT, "pair %d: suite wall %.0f / %.0f ms, suite CPU %.0f / %.0f ms, JVM wall %.0f"
                    + " / %.0f ms, JVM CPU %.0f / %.0f ms (bare / reported), writers' thread CPU %.0f ms%n", i + 1,
                    bare[i][0], reported[i][0], bare[i][1], reported[i][1], bare[i][2], reported[i][2], bare[i][3],
                    reported[i][3], reported[i][4]);
        }
        String[] names = {"suite wall", "suite process CPU", "JVM wall (start to exit)", "JVM process CPU"};
        System.out.printf(Locale.ROOT, "%d pairs of fresh JVMs (%s)%n", pairs, jvmOptions.isEmpty() ? "default options"
                : String.join(" ", jvmOptions));
        for (int m = 0; m < names.length; m++) {
            double[] b = column(bare, m);
            double[] r = column(reported, m);
            double[] ratio = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                ratio[i] = r[i] / b[i] - 1;
            }
            double[] ci = medianInterval(ratio, 0.95);
            System.out.printf(Locale.ROOT, "%-25s bare %7.0f ms, reported %7.0f ms (medians); paired overhead: median"
                    + " %+.1f%% (%.1f%% CI %+.1f%% to %+.1f%%), min %+.1f%%, max %+.1f%%%n", names[m], median(b),
                    median(r), 100 * median(ratio), 100 * ci[2], 100 * ci[0], 100 * ci[1], 100 * min(ratio),
                    100 * max(ratio));
        }
        double[] w = column(reported, 4);
        System.out.printf(Locale.ROOT, "writers' thread CPU (Allure + flush): median %.0f ms = %.1f%% of the bare suite's"
                + " process CPU (median)%n", median(w), 100 * median(w) / median(column(bare, 1)));
    }

    /** One run in this (fresh) JVM; prints {@code RESULT <suite wall ns> <suite CPU ns> <JVM CPU ns> <writers ns>}. */
    private static void child(Path scenarios, boolean withReports) throws IOException {
        List<Path> files = ReportOverhead.suites(scenarios);
        Path tmp = Files.createTempDirectory("assay-overhead-cold");
        try {
            long[] t = ReportOverhead.run(files, tmp.resolve(withReports ? "reported" : "bare"), withReports);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            System.out.println("RESULT " + t[0] + " " + t[1] + " " + os.getProcessCpuTime() + " "
                    + (ReportOverhead.allureCpu + ReportOverhead.flushCpu));
        } finally {
            ReportOverhead.delete(tmp);
        }
        // exits without stopping the chat endpoint of -Dassay.bench.suites=all: on JDK 17 HttpServer.stop waits for
        // its dispatcher thread's next wake-up, up to a second, which made the JVM's end time depend on where that
        // timer stood rather than on the run (the bare JVMs of 'all' ended later than the reported ones)
        System.out.flush();
        System.exit(0);
    }

    /**
     * The distribution-free confidence interval of a median from order statistics (the sign test's interval):
     * {@code [x(k), x(n+1-k)]} of the sorted values with the largest {@code k} whose coverage
     * {@code 1 - 2 P(B <= k-1)}, {@code B ~ Binomial(n, 1/2)}, is still at least {@code level}; no assumption on the
     * shape of the pairs' distribution, only that the pairs are independent.
     *
     * @return {lower, upper, achieved coverage}; the whole range (coverage {@code 1 - 2^(1-n)}) when {@code n} is
     *     too small for {@code level}
     */
    static double[] medianInterval(double[] values, double level) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        BinomialDistribution b = BinomialDistribution.of(n, 0.5);
        int k = 1;
        while (k + 1 <= (n + 1) / 2 && 1 - 2 * b.cumulativeProbability(k) >= level) {
            k++;
        }
        return new double[] {s[k - 1], s[n - k], 1 - 2 * b.cumulativeProbability(k - 1)};
    }

    private static double[] column(double[][] rows, int m) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][m];
        }
        return c;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}

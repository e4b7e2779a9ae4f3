package dev.assay.benchmarks.reports;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.reports.RunRecorder;
import dev.assay.reports.allure.AllureCheckWriter;
import dev.assay.reports.allure.AllureResultsWriters;
import dev.assay.scenarios.Scenario;
import dev.assay.scenarios.ScenarioCheck;
import dev.assay.scenarios.ScenarioLoader;
import dev.assay.scenarios.ScenarioRunner;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What writing the reports adds to a suite's run time (BENCHMARKS.md, "Issue 9 — report overhead"). Runs the
 * example credit suites (every {@code credit*.assay.yaml} under the scenario folder: load the file and its data,
 * call the model, evaluate every check) in two ways, alternating A/B then B/A each round so that drift in machine
 * load hits both alike:
 * <ul>
 *   <li><b>bare</b>: the suites only (results recorded in memory, nothing written);</li>
 *   <li><b>reported</b>: the same, and for each check an Allure test case with {@link AllureCheckWriter} (labels,
 *       parameters, links, tables, charts, JSON) written to disk as a scenario test does, then one
 *       {@link RunRecorder#flush()}: evidence.json, model card (Markdown + HTML), Allure run files and the
 *       SHA-256 manifest. The reported runs share Allure's default lifecycle, as the tests of a JVM do, with the
 *       writer a test run gives it ({@link AllureResultsWriters#install()}: Assay's, or Allure's
 *       {@code FileSystemResultsWriter} with {@code -Dassay.allure.writer=allure}).</li>
 * </ul>
 * The files go under {@code java.io.tmpdir}: {@code -Djava.io.tmpdir=/dev/shm} measures them on tmpfs, without
 * the disk file system's cost of creating a file.
 * Prints the median wall-clock time and the median process CPU time of each, and the overhead
 * {@code reported / bare - 1}.
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.reports.ReportOverhead \
 *     [scenario-dir (examples/src/test/resources/assay)] [rounds (15)] [warm-up rounds (5)] [reported-first]
 * </pre>
 * {@code -Dassay.bench.suites=all} runs every scenario file of the folder instead of the credit suites (see
 * {@link #SUITES}). With {@code reported-first}, each round's order is reversed: round 0 (the only one of {@code 1 0}, one pass in a
 * fresh JVM) runs the reported suite first, so its figures are those of a fresh JVM's one reported run (as in one
 * CI run), including the report writers' background warm-up ({@code assay.report.warmup}) overlapping the suite;
 * the bare run then comes second and its wall and CPU "overhead" lines are meaningless in that mode. The last line
 * gives the whole process's CPU time (every thread, JIT and GC included) since the JVM started.
 */
public final class ReportOverhead {
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long allureNanos;
    private static long flushNanos;
    static long allureCpu;
    private static long writerCpu;
    static long flushCpu;

    private ReportOverhead() {
    }

    public static void main(String[] args) throws IOException {
        Path scenarios = Path.of(args.length > 0 ? args[0] : "examples/src/test/resources/assay");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean reportedFirst = args.length > 3 && args[3].equals("reported-first");
        if (args.length > 3 && !reportedFirst) {
            throw new IllegalArgumentException("fourth argument: expected 'reported-first', got '" + args[3] + "'");
        }
        List<Path> files = suites(scenarios);
        Path tmp = Files.createTempDirectory("assay-overhead");
        try {
            long[][] bare = new long[2][rounds];
            long[][] reported = new long[2][rounds];
            int checks = 0;
            for (int r = -warmup; r < rounds; r++) {
                boolean bareFirst = ((r & 1) == 0) != reportedFirst;
                for (int k = 0; k < 2; k++) {
                    boolean withReports = bareFirst == (k == 1);
                    Path dir = tmp.resolve("r" + (r + warmup) + (withReports ? "-reported" : "-bare"));
                    if (r == 0 && k == 0) { // the warm-up rounds' figures are left out
                        allureNanos = 0;
                        flushNanos = 0;
                        allureCpu = 0;
                        writerCpu = 0;
                        flushCpu = 0;
                    }
                    long[] t = run(files, dir, withReports);
                    checks = (int) t[2];
                    if (r >= 0) {
                        long[][] into = withReports ? reported : bare;
                        into[0][r] = t[0];
                        into[1][r] = t[1];
                    }
                    delete(dir);
                }
            }
            double wallBare = median(bare[0]) / 1e6;
            double wallRep = median(reported[0]) / 1e6;
            double cpuBare = median(bare[1]) / 1e6;
            double cpuRep = median(reported[1]) / 1e6;
            System.out.printf(Locale.ROOT, "%d scenario files, %d checks, %d rounds after %d warm-up rounds%n",
                    files.size(), checks, rounds, warmup);
            System.out.printf(Locale.ROOT, "bare:     wall %.1f ms, process CPU %.1f ms (medians)%n", wallBare, cpuBare);
            System.out.printf(Locale.ROOT, "reported: wall %.1f ms, process CPU %.1f ms (medians)%n", wallRep, cpuRep);
            System.out.printf(Locale.ROOT, "of a reported run (means): Allure for all checks wall %.1f ms / thread CPU %.1f"
                    + " ms, flush wall %.1f ms / thread CPU %.1f ms%n", allureNanos / 1e6 / rounds,
                    allureCpu / 1e6 / rounds, flushNanos / 1e6 / rounds, flushCpu / 1e6 / rounds);
            System.out.printf(Locale.ROOT, "of which AllureCheckWriter.write (labels, parameters, links, attachments):"
                    + " thread CPU %.1f ms; Allure's stop + write of the test cases: %.1f ms%n",
                    writerCpu / 1e6 / rounds, (allureCpu - writerCpu) / 1e6 / rounds);
            System.out.printf(Locale.ROOT, "writers' thread CPU (Allure + flush) against bare process CPU: %.1f%%%n",
                    100 * (allureCpu + flushCpu) / 1e6 / rounds / cpuBare);
            System.out.printf(Locale.ROOT, "overhead: wall %+.1f%%, CPU %+.1f%%%n", 100 * (wallRep / wallBare - 1),
                    100 * (cpuRep / cpuBare - 1));
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            System.out.printf(Locale.ROOT, "process CPU since JVM start (all threads): %.0f ms%s%n",
                    os.getProcessCpuTime() / 1e6, reportedFirst ? " (reported first)" : "");
        } finally {
            delete(tmp);
            stopEndpoint();
        }
    }

    /**
     * The system property that chooses the suites: {@code credit} (the default: every {@code credit*.assay.yaml},
     * checks on a 16,281-row holdout with precomputed predictions, all in memory) or {@code all} (every scenario
     * file of the folder: also the privacy budget and the text assistant's attack and PII suites, which call an
     * OpenAI-compatible chat endpoint on loopback that this program starts from the example's test classes).
     */
    static final String SUITES = "assay.bench.suites";

    /** The example suites under {@code scenarios} that {@value #SUITES} chooses, sorted. */
    static List<Path> suites(Path scenarios) throws IOException {
        boolean all = switch (System.getProperty(SUITES, "credit")) {
            case "credit" -> false;
            case "all" -> true;
            default -> throw new IllegalArgumentException(SUITES + ": expected credit or all, got '"
                    + System.getProperty(SUITES) + "'");
        };
        List<Path> files;
        try (Stream<Path> s = Files.list(scenarios)) {
            files = s.filter(p -> (all || p.getFileName().toString().startsWith("credit"))
                    && ScenarioLoader.isScenarioFile(p.getFileName().toString())).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no " + (all ? "" : "credit") + "*.assay.yaml under "
                    + scenarios.toAbsolutePath());
        }
        if (all) {
            startAssistantEndpoint();
        }
        return files;
    }

    /**
     * Starts the example's guarded chat endpoint ({@code dev.assay.examples.assistant.TextAssistantServer}, from the
     * example's test classes, which must be on the class path) for the rest of the JVM and publishes its URL as
     * {@code ASSAY_ASSISTANT_URL}, as the example's JUnit session listener does; {@link #stopEndpoint()} stops it.
     */
    private static AutoCloseable endpoint;

    private static void startAssistantEndpoint() {
        try {
            Class<?> config = Class.forName("dev.assay.examples.assistant.TextAssistant$Config");
            Class<?> server = Class.forName("dev.assay.examples.assistant.TextAssistantServer");
            java.lang.reflect.Constructor<?> create = server.getDeclaredConstructor(config);
            create.setAccessible(true);
            Object guardedConfig = null;
            for (Object c : config.getEnumConstants()) {
                if (((Enum<?>) c).name().equals("GUARDED")) {
                    guardedConfig = c;
                }
            }
            Object guarded = create.newInstance(guardedConfig);
            java.lang.reflect.Method url = server.getDeclaredMethod("url");
            url.setAccessible(true);
            System.setProperty("ASSAY_ASSISTANT_URL", url.invoke(guarded).toString());
            endpoint = (AutoCloseable) guarded;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the example's chat endpoint: put examples/target/"
                    + "test-classes on the class path (" + e + ")", e);
        }
    }

    /** Stops the chat endpoint, if one was started (its server threads would keep the JVM alive). */
    static void stopEndpoint() {
        if (endpoint != null) {
            try {
                endpoint.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            endpoint = null;
        }
    }

    /**
     * The Allure lifecycle of the reported runs: one per JVM, as in a test run, where allure-jupiter's listener and
     * {@code Allure.getLifecycle()} share the one default lifecycle (and its writer's JSON serialisers) for every
     * test. Its results directory is emptied after each reported run.
     */
    private static AllureLifecycle lifecycle;
    private static Path allureResults;

    /** One run of the suites: {wall ns, process CPU ns, checks}. */
    static long[] run(List<Path> files, Path dir, boolean withReports) {
        // bare touches no Allure class and starts no report warm-up, so that it carries none of the reports' cost
        if (allureResults == null) {
            allureResults = dir.getParent().resolve("allure-results");
        }
        if (withReports && lifecycle == null) {
            // as in a test run: the build names the results directory, Assay's launcher session listener gives
            // Allure's default lifecycle Assay's writer (unless -Dassay.allure.writer=allure), and allure-jupiter's
            // listener takes that lifecycle
            System.setProperty("allure.results.directory", allureResults.toString());
            AllureResultsWriters.install();
            lifecycle = Allure.getLifecycle();
        }
        Map<String, String> config = Map.of(AssayConstants.EVIDENCE_DIR, dir.resolve("assay").toString(),
                AssayConstants.ALLURE_RESULTS_DIR, allureResults.toString(),
                AssayConstants.EVIDENCE_TIMESTAMP, "2026-11-26T12:00:00Z",
                AssayConstants.REPORT_WARMUP, withReports
                        ? System.getProperty(AssayConstants.REPORT_WARMUP, "true") : "false");
        AssaySettings settings = AssaySettings.of(k -> Optional.ofNullable(config.get(k)), Map.of(), Map.of());
        AllureLifecycle previous = withReports ? Allure.getLifecycle() : null;
        if (withReports) {
            Allure.setLifecycle(lifecycle);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int checks = 0;
        try {
            ScenarioRunner runner = new ScenarioRunner(settings);
            ScenarioLoader loader = ScenarioLoader.standard();
            for (Path file : files) {
                Scenario scenario = loader.load(file);
                for (ScenarioCheck check : scenario.checks()) {
                    String uuid = null;
                    if (withReports) {
                        uuid = UUID.randomUUID().toString();
                        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(check.name()));
                        lifecycle.startTestCase(uuid);
                    }
                    CheckResult result = runner.run(scenario, check);
                    checks++;
                    if (withReports) {
                        long w0 = System.nanoTime();
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        AllureCheckWriter.write(result, AllureCheckWriter.Options.defaults()
                                .withScenario(scenario.file(), check.line()).withLinkBase(""));
                        writerCpu += THREADS.getCurrentThreadCpuTime() - c0;
                        lifecycle.stopTestCase(uuid);
                        lifecycle.writeTestCase(uuid);
                        allureNanos += System.nanoTime() - w0;
                        allureCpu += THREADS.getCurrentThreadCpuTime() - c0;
                    }
                }
            }
            if (withReports) {
                long f0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                runner.flush();
                flushNanos += System.nanoTime() - f0;
                flushCpu += THREADS.getCurrentThreadCpuTime() - c0;
            }
        } finally {
            if (withReports) {
                Allure.setLifecycle(previous);
            }
        }
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        if (withReports) {
            delete(allureResults);
        }
        return new long[] {wall, cpu, checks};
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

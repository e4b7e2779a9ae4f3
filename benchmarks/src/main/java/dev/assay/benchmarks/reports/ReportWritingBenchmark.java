package dev.assay.benchmarks.reports;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Decision;
import dev.assay.core.Evidence;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.ModelInfo;
import dev.assay.core.Models;
import dev.assay.core.Performance;
import dev.assay.core.PerformanceCheck;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.reports.EvidenceWriter;
import dev.assay.reports.RunRecorder;
import dev.assay.reports.allure.AllureCheckWriter;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What writing the reports costs (see BENCHMARKS.md):
 * <ul>
 *   <li>{@link #evidence1000Checks}: {@code evidence.json} for 1,000 checks (8 groups, 4 metrics with intervals,
 *       one finding each), serialised and written atomically (goal: under 1 s);</li>
 *   <li>{@link #flush1000Checks}: a whole {@link RunRecorder#flush()} of those checks: evidence, model card
 *       (Markdown + HTML), Allure run files and the SHA-256 manifest;</li>
 *   <li>{@link #allurePerCheck}: the Allure part of one check, as a test writes it: labels, parameters and the
 *       HTML/CSV/JSON/text attachments, written to disk with the test's result file;</li>
 *   <li>{@link #performanceCheck16k}: for scale, a typical check itself (accuracy by an 8-valued group on
 *       16,281 rows, the size of the example hold-out set).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportWritingBenchmark {
    private List<CheckResult> results;
    private CheckResult one;
    private Path dir;
    private AssaySettings settings;
    private AllureLifecycle lifecycle;
    private Dataset data;
    private PerformanceCheck check;

    @Setup
    public void setUp() throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        ModelInfo model = new ModelInfo("credit-v12", "http", "sha256:" + "ab".repeat(32));
        DataInfo holdout = new DataInfo("data/adult-holdout.csv", 16281, "cd".repeat(32));
        results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            CheckResult.Builder b = CheckResult.builder(i % 2 == 0 ? "fairness" : "performance", "Check " + i)
                    .metric("accuracy").value(0.8 + rnd.nextDouble() / 10).ci(new Interval(0.78, 0.91))
                    .confidence(0.95).threshold(Threshold.atLeast(0.8)).decision(Decision.POINT)
                    .verdict(i % 10 == 0 ? Verdict.FAIL : Verdict.PASS).n(16281).seed(7).model(model).data(holdout)
                    .message(i % 10 == 0 ? "expected accuracy at least 0.8 (decision: point)" : null);
            for (int g = 0; g < 8; g++) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                Map<String, Interval> ci = new LinkedHashMap<>();
                for (String m : List.of("accuracy", "precision", "recall", "selection_rate")) {
                    double v = rnd.nextDouble();
                    metrics.put(m, v);
                    ci.put(m, new Interval(Math.max(0, v - 0.05), Math.min(1, v + 0.05)));
                }
                b.group(new GroupResult(Map.of("sex", g % 2 == 0 ? "Female" : "Male", "race", "r" + g / 2),
                        1000 + g, metrics, ci, null));
            }
            b.finding(new Finding(i, "EMAIL_ADDRESS", 3, 20, "j***@e******.com", 1.0));
            results.add(b.build());
        }
        one = results.get(0);
        dir = Files.createTempDirectory("assay-bench");
        Map<String, String> config = Map.of(AssayConstants.EVIDENCE_DIR, dir.resolve("assay").toString(),
                AssayConstants.ALLURE_RESULTS_DIR, dir.resolve("allure-results").toString(),
                AssayConstants.EVIDENCE_TIMESTAMP, "2026-11-26T12:00:00Z", AssayConstants.SEED, "7");
        settings = AssaySettings.of(k -> Optional.ofNullable(config.get(k)), Map.of(), Map.of());
        lifecycle = new AllureLifecycle(new FileSystemResultsWriter(dir.resolve("allure-per-check")));
        Allure.setLifecycle(lifecycle);

        int rows = 16281;
        int[] y = new int[rows];
        int[] p = new int[rows];
        int[] g = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rnd.nextInt(2);
            p[i] = rnd.nextDouble() < 0.8 ? y[i] : 1 - y[i];
            g[i] = rnd.nextInt(8);
        }
        data = Datasets.inMemory("bench")
                .column(Column.categorical("y", y, List.of("0", "1")))
                .column(Column.categorical("pred", p, List.of("0", "1")))
                .column(Column.categorical("group", g, List.of("a", "b", "c", "d", "e", "f", "g", "h")))
                .label("y").positive("1").load();
        check = Performance.check().metric("accuracy").by("group").atLeast(0.7).build();
    }

    @TearDown(Level.Iteration)
    public void cleanAllureFiles() {
        delete(dir.resolve("allure-per-check"));
    }

    @TearDown
    public void tearDown() {
        delete(dir);
    }

    @Benchmark
    public Path evidence1000Checks() {
        return EvidenceWriter.write(Evidence.of("bench", 7, "2026-11-26T12:00:00Z", results), dir.resolve("evidence"));
    }

    @Benchmark
    public Path flush1000Checks() {
        RunRecorder recorder = new RunRecorder(settings);
        results.forEach(recorder::record);
        return recorder.flush();
    }

    @Benchmark
    public void allurePerCheck() {
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("bench"));
        lifecycle.startTestCase(uuid);
        AllureCheckWriter.write(one);
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
    }

    @Benchmark
    public CheckResult performanceCheck16k() {
        return Checks.evaluate(check, Models.predictions("pred"), data, new RunContext("bench", 7));
    }

    private static void delete(Path root) {
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

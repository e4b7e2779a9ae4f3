package dev.assay.reports.allure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.reports.internal.DpAuditCharts;
import dev.assay.reports.internal.GroupCharts;
import dev.assay.reports.internal.Histograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report writers' background warm-up: its steps, its thread, its switch, and a fresh JVM running it. */
class ReportWarmupTest {
    @TempDir
    Path tmp;

    private static AssaySettings settings(String warmup) {
        return AssaySettings.of(k -> AssayConstants.REPORT_WARMUP.equals(k) ? Optional.ofNullable(warmup)
                : Optional.empty(), Map.of(), Map.of());
    }

    @Test
    void every_step_runs_to_completion_in_this_thread() {
        // in production a failing step is dropped silently: here each must run without an exception
        for (Runnable step : ReportWarmup.steps()) {
            step.run();
        }
    }

    @Test
    void the_synthetic_results_take_every_branch_of_the_attachment_writers() {
        List<CheckResult> results = ReportWarmup.syntheticResults();

        assertThat(results).anySatisfy(r -> assertThat(GroupCharts.svg(r)).isPresent());
        assertThat(results).anySatisfy(r -> assertThat(Histograms.of(r)).isNotEmpty());
        assertThat(results).anySatisfy(r -> assertThat(DpAuditCharts.svg(r)).isPresent());
        assertThat(results).anySatisfy(r -> assertThat(r.findings()).isNotEmpty());
        assertThat(results).anySatisfy(r -> assertThat(r.examples()).isNotEmpty());
        assertThat(results).anySatisfy(r -> assertThat(r.passed()).isTrue());
        assertThat(results).anySatisfy(r -> assertThat(r.passed()).isFalse());
        assertThat(results).anySatisfy(r -> assertThat(r.groups()).anySatisfy(g -> assertThat(g.excluded())
                .isNotNull()));
        assertThat(ReportWarmup.evidence(results).checks()).hasSameSizeAs(results);
    }

    @Test
    void starts_one_low_priority_daemon_thread_once() throws InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        ReportWarmup warmup = new ReportWarmup(() -> List.of(() -> {
            Thread t = Thread.currentThread();
            seen.add(t.getName() + ", daemon " + t.isDaemon() + ", priority " + t.getPriority());
        }));

        Thread first = warmup.startOnce(settings(null));
        Thread second = warmup.startOnce(settings("true"));
        assertThat(first).isNotNull();
        first.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(second).isNull();
        assertThat(seen).containsExactly("assay-report-warmup, daemon true, priority " + Thread.MIN_PRIORITY);
    }

    @Test
    void a_failing_step_is_dropped_silently_and_the_next_step_still_runs() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        ReportWarmup warmup = new ReportWarmup(() -> List.of(
                () -> {
                    throw new IllegalStateException("boom");
                },
                () -> {
                    throw new NoClassDefFoundError("io/qameta/allure/internal/Allure2ModelJackson");
                },
                ran::incrementAndGet));
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            Thread t = warmup.startOnce(settings(null));
            t.join(TimeUnit.MINUTES.toMillis(1));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }

        assertThat(ran).hasValue(1);
        assertThat(uncaught).isEmpty();
    }

    @Test
    void assay_report_warmup_false_starts_nothing_and_a_bad_value_names_the_key() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        ReportWarmup warmup = new ReportWarmup(() -> List.of(ran::incrementAndGet));

        assertThat(warmup.startOnce(settings("false"))).isNull();
        assertThat(warmup.startOnce(settings(" FALSE "))).isNull();
        assertThatThrownBy(() -> warmup.startOnce(settings("nope")))
                .isInstanceOf(AssayException.class)
                .hasMessage("assay.report.warmup must be true or false, but was 'nope'");
        // switched off, it did not use up the JVM's one start
        Thread t = warmup.startOnce(settings("true"));
        assertThat(t).isNotNull();
        t.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(ran).hasValue(1);
    }

    @Test
    void a_fresh_jvm_starts_it_once_for_all_its_recorders_and_it_writes_no_file_anywhere() throws Exception {
        Probe on = probe(tmp.resolve("on"), null);

        assertThat(on.stdout).contains("warm-up threads: 1\ndaemon: true, priority: 1\ndone\n");
        assertThat(on.classesLoaded).as("the warm-up ran its steps")
                .contains("io.qameta.allure.internal.Allure2ModelJackson",
                        "dev.assay.reports.internal.ModelCardRenderer", "dev.assay.reports.internal.Histograms",
                        "dev.assay.reports.internal.DpAuditCharts");
        assertThat(on.classesLoaded).as("every writer ran, and none of them needs a databind mapper or"
                        + " java.util.Formatter: each costs tens of ms in a fresh JVM (BENCHMARKS.md, session 6)")
                .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper", "java.util.Formatter");
        assertThat(on.classesLoaded).as("Allure's lifecycle and writer are not touched")
                .doesNotContain("io.qameta.allure.Allure", "io.qameta.allure.AllureLifecycle",
                        "io.qameta.allure.FileSystemResultsWriter");
        assertThat(on.stderr).isEmpty();
        assertThat(on.files).as("files under the working directory, java.io.tmpdir and user.home").isEmpty();
    }

    @Test
    void a_fresh_jvm_with_assay_report_warmup_false_starts_none() throws Exception {
        Probe off = probe(tmp.resolve("off"), "false");

        assertThat(off.stdout).contains("warm-up threads: 0\ndone\n");
        assertThat(off.classesLoaded).doesNotContain("io.qameta.allure.internal.Allure2ModelJackson",
                "dev.assay.reports.internal.ModelCardRenderer");
        assertThat(off.stderr).isEmpty();
        assertThat(off.files).isEmpty();
    }

    private record Probe(String stdout, String stderr, List<String> classesLoaded, List<Path> files) {
    }

    /**
     * Runs {@link WarmupProbe} in a fresh JVM whose working directory, {@code java.io.tmpdir} and {@code user.home}
     * are empty directories under {@code root}, and lists every file found there afterwards.
     */
    private static Probe probe(Path root, String warmup) throws IOException, InterruptedException {
        Path work = Files.createDirectories(root.resolve("work"));
        Path javaTmp = Files.createDirectories(root.resolve("java-tmp"));
        Path home = Files.createDirectories(root.resolve("home"));
        List<String> options = new ArrayList<>(List.of("-Djava.io.tmpdir=" + javaTmp, "-Duser.home=" + home));
        if (warmup != null) {
            options.add("-D" + AssayConstants.REPORT_WARMUP + "=" + warmup);
        }
        FreshJvm.Result run = FreshJvm.run(root, work, options, WarmupProbe.class);
        List<Path> files;
        try (Stream<Path> walk = Stream.of(work, javaTmp, home).flatMap(ReportWarmupTest::walk)) {
            files = walk.filter(f -> !f.equals(work) && !f.equals(javaTmp) && !f.equals(home)).toList();
        }
        return new Probe(run.stdout(), run.stderr(), run.classesLoaded(), files);
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package dev.assay.reports;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Evidence;
import dev.assay.core.RegressionFile;
import dev.assay.reports.allure.AllureEnvironment;
import dev.assay.reports.allure.internal.ReportWarmup;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects every check of one run and writes the run's {@code evidence.json}, the model card
 * ({@code model-card.md}, {@code model-card.html}, see {@link ModelCards}), Allure's run files
 * ({@code environment.properties}, {@code categories.json}, {@code executor.json} on CI) and the integrity
 * manifest over the evidence and Allure results directories ({@code manifest.json}, see {@link Manifests}). Both front ends (the
 * JUnit extension and the scenario engine) share one recorder per evidence directory and JVM
 * ({@link #shared(AssaySettings)}), and each flushes it when it ends: the
 * file is rewritten with everything recorded so far, so a run has one evidence file that holds every check.
 * Thread-safe.
 *
 * <p>The first recorder of a JVM starts the report writers' background warm-up (one daemon thread, in memory only;
 * off with {@code assay.report.warmup=false}, see {@link AssayConstants#REPORT_WARMUP}).
 */
public final class RunRecorder implements AutoCloseable {
    private static final java.util.Map<Path, RunRecorder> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The recorder of this JVM for the evidence directory that {@code settings} name. */
    public static RunRecorder shared(AssaySettings settings) {
        Path dir = Path.of(settings.get(AssayConstants.EVIDENCE_DIR, AssayConstants.DEFAULT_EVIDENCE_DIR))
                .toAbsolutePath().normalize();
        return SHARED.computeIfAbsent(dir, d -> new RunRecorder(settings));
    }

    private final AssaySettings settings;
    private final String started;
    private final List<CheckResult> results = new ArrayList<>();
    private String suite;
    private Path written;

    public RunRecorder(AssaySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.started = settings.get(AssayConstants.EVIDENCE_TIMESTAMP)
                .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        this.suite = settings.get(AssayConstants.SUITE).orElse(null);
        // the first recorder of the JVM starts the writers' background warm-up (unless assay.report.warmup=false)
        ReportWarmup.start(settings);
    }

    public AssaySettings settings() {
        return settings;
    }

    /** The seed of this run. */
    public long seed() {
        return settings.seed();
    }

    /** Names the suite unless {@code assay.suite} or an earlier call named it. */
    public synchronized void suggestSuite(String name) {
        if (suite == null) {
            suite = name;
        }
    }

    public synchronized void record(CheckResult result) {
        results.add(Objects.requireNonNull(result, "result"));
    }

    public synchronized List<CheckResult> results() {
        return List.copyOf(results);
    }

    /** The evidence of what has been recorded so far. */
    public synchronized Evidence evidence() {
        return Evidence.of(suite != null ? suite : AssayConstants.DEFAULT_SUITE, seed(), started, results);
    }

    /** The evidence directory. */
    public Path evidenceDir() {
        return Path.of(settings.get(AssayConstants.EVIDENCE_DIR, AssayConstants.DEFAULT_EVIDENCE_DIR));
    }

    /**
     * Writes the evidence of everything recorded so far (nothing when nothing was recorded); safe to call more
     * than once.
     */
    public synchronized Path flush() {
        if (results.isEmpty()) {
            return null;
        }
        Evidence evidence = evidence();
        Path dir = evidenceDir();
        String json = evidence.toJson(); // once: the model card shows its SHA-256
        written = EvidenceWriter.write(json, dir);
        for (CheckResult r : results) {
            Path replay = RegressionFile.write(dir, r);
            if (replay != null) {
                System.out.println("[assay] failing cases of " + r.id() + ": " + replay.toAbsolutePath());
            }
        }
        List<Path> cards = ModelCards.write(evidence, json, dir, ModelCards.sectionsFile(settings).orElse(null));
        AllureEnvironment.writeRunFiles(settings, results);
        Path manifest = Manifests.write(settings, dir, List.of(AllureEnvironment.resultsDir(settings)));
        System.out.println("[assay] evidence: " + written.toAbsolutePath() + " (" + results.size() + " checks)");
        System.out.println("[assay] model card: " + cards.get(1).toAbsolutePath() + " (and " + ModelCards.MARKDOWN_FILE
                + ")");
        System.out.println("[assay] manifest: " + manifest.toAbsolutePath()
                + (settings.get(Manifests.SIGNING_KEY).isPresent() ? " (signed)" : ""));
        return written;
    }

    /** Same as {@link #flush()}. */
    @Override
    public void close() {
        flush();
    }

    /** The evidence file last written by {@link #flush()}, if any. */
    public synchronized Path written() {
        return written;
    }
}

package dev.assay.reports;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Evidence;
import dev.assay.reports.allure.AllureEnvironment;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects every check of one run and, when closed, writes the run's {@code evidence.json} and Allure's
 * {@code environment.properties}. Both front ends (the JUnit extension and the scenario bridge) share one
 * recorder per run, so a run has one evidence file. Thread-safe.
 */
public final class RunRecorder implements AutoCloseable {
    private final AssaySettings settings;
    private final String started;
    private final List<CheckResult> results = new ArrayList<>();
    private String suite;
    private Path written;
    private boolean closed;

    public RunRecorder(AssaySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.started = settings.get(AssayConstants.EVIDENCE_TIMESTAMP)
                .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        this.suite = settings.get(AssayConstants.SUITE).orElse(null);
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

    /** Writes the evidence (once); returns the file, or {@code null} when nothing was recorded. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (results.isEmpty()) {
            return;
        }
        written = EvidenceWriter.write(evidence(), evidenceDir());
        AllureEnvironment.write(settings, results);
        System.out.println("[assay] evidence: " + written.toAbsolutePath() + " (" + results.size() + " checks)");
    }

    /** The evidence file written by {@link #close()}, if any. */
    public synchronized Path written() {
        return written;
    }
}

package dev.assay.core;

/**
 * Every configuration key of Assay, with its default.
 *
 * <p>Keys are read, in this order, from JUnit configuration parameters (for example
 * {@code junit-platform.properties} or Surefire's {@code configurationParameters}), then Java system properties,
 * then environment variables named by upper-casing the key and replacing dots and dashes with underscores
 * ({@code assay.seed} becomes {@code ASSAY_SEED}). See {@link AssaySettings}.
 */
public final class AssayConstants {
    /** The one seed for all randomness (bootstrap, perturbations, audits, sampling): {@value}. Default {@value #DEFAULT_SEED}. */
    public static final String SEED = "assay.seed";
    /** Default of {@link #SEED}: {@value}. */
    public static final long DEFAULT_SEED = 42L;

    /** Directory for {@code evidence.json}: {@value}. Default {@value #DEFAULT_EVIDENCE_DIR}. */
    public static final String EVIDENCE_DIR = "assay.evidence.dir";
    /** Default of {@link #EVIDENCE_DIR}: {@value}. */
    public static final String DEFAULT_EVIDENCE_DIR = "target/assay";

    /** Fixes the {@code started} timestamp of the evidence (ISO-8601), for reproducible builds: {@value}. */
    public static final String EVIDENCE_TIMESTAMP = "assay.evidence.timestamp";

    /** Suite name in the evidence of a JUnit run: {@value}. Default: the scenario's name, else {@value #DEFAULT_SUITE}. */
    public static final String SUITE = "assay.suite";
    /** Default of {@link #SUITE}: {@value}. */
    public static final String DEFAULT_SUITE = "assay";

    /** How models are called: {@code live}, {@code record} or {@code replay}: {@value}. Default {@code live}. */
    public static final String MODEL_MODE = "assay.model.mode";

    /** Points a suite at the candidate model's endpoint without editing files: {@value}. */
    public static final String MODEL_URL = "assay.model.url";

    /** Confidence level of intervals: {@value}. Default {@value #DEFAULT_CONFIDENCE}. */
    public static final String CONFIDENCE = "assay.confidence";
    /** Default of {@link #CONFIDENCE}: {@value}. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Bootstrap resamples for intervals that have no closed form: {@value}. Default {@value #DEFAULT_BOOTSTRAP}. */
    public static final String BOOTSTRAP = "assay.bootstrap";
    /** Default of {@link #BOOTSTRAP}: {@value}. */
    public static final int DEFAULT_BOOTSTRAP = 1000;

    /** Smallest group that counts in a per-group verdict: {@value}. Default {@value #DEFAULT_MIN_GROUP_SIZE}. */
    public static final String MIN_GROUP_SIZE = "assay.min-group-size";
    /** Default of {@link #MIN_GROUP_SIZE}: {@value}. */
    public static final int DEFAULT_MIN_GROUP_SIZE = 30;

    /**
     * Base URL of the links in the Allure results (to each check's scenario file and to {@code docs/metrics.md}):
     * {@value}. The project-relative path is appended, so a repository's blob URL such as
     * {@code https://github.com/acme/models/blob/main/} makes the links open the files at that revision. Default
     * none: the links are the project-relative paths themselves.
     */
    public static final String REPORT_LINK_BASE = "assay.report.link-base";

    /**
     * Whether the report writers are warmed up on a background thread when a run starts ({@code true} or
     * {@code false}): {@value}. Default {@code true}. The warm-up (one low-priority daemon thread per JVM, named
     * {@code assay-report-warmup}) renders and serialises synthetic results in memory so that a fresh JVM's first
     * reports cost less on the test's thread; it writes no file.
     */
    public static final String REPORT_WARMUP = "assay.report.warmup";

    /** Allure results directory (Allure's own key): {@value}. Default {@code target/allure-results}. */
    public static final String ALLURE_RESULTS_DIR = "allure.results.directory";

    private AssayConstants() {
    }
}

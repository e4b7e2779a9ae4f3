package dev.assay.reports.allure.internal;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.Decision;
import dev.assay.core.Evidence;
import dev.assay.core.Example;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.ModelInfo;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.reports.allure.AllureResultsWriters;
import dev.assay.reports.internal.CheckFamilies;
import dev.assay.reports.internal.DpAuditCharts;
import dev.assay.reports.internal.GroupCharts;
import dev.assay.reports.internal.Histograms;
import dev.assay.reports.internal.ModelCardRenderer;
import dev.assay.reports.internal.ReportLinks;
import dev.assay.reports.internal.ResultTables;
import io.qameta.allure.internal.Allure2ModelJackson;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warms the report writers up in the background while a run's first checks are evaluated, in the spirit of Spring
 * Boot's {@code BackgroundPreinitializer}: in a fresh JVM the first check's report and the first flush otherwise pay
 * for loading and linking the writers' classes (including Allure's shaded Jackson), Jackson's introspection of the
 * evidence classes and interpreted code, on the test's thread (BENCHMARKS.md, "Issue 9 — the per-check Allure path
 * in a fresh JVM, and a background warm-up").
 *
 * <p>{@link #start(AssaySettings)} starts, once per JVM, one daemon thread named {@value #THREAD_NAME} at the lowest
 * priority, which serialises, renders and charts synthetic in-memory check results: the evidence JSON
 * ({@link Evidence#of} and {@link Evidence#toJson()}), the model card (to strings), the result tables, group charts,
 * histograms and DP audit charts, and an Allure {@link TestResult} with the JSON writer of Allure's lifecycle
 * (Assay's, or Allure's own mapper in a separate instance; written to a null stream). It writes no file, does not touch Allure's lifecycle, and prints nothing; a
 * failure of a step drops that step silently and never affects the run. The JVM does not wait for it.
 *
 * <p>Off with {@code assay.report.warmup=false} ({@link AssayConstants#REPORT_WARMUP}). Internal: not an API.
 */
public final class ReportWarmup {
    /** The warm-up thread's name: {@value}. */
    public static final String THREAD_NAME = "assay-report-warmup";

    private static final ReportWarmup JVM = new ReportWarmup(ReportWarmup::steps);

    private final AtomicBoolean started = new AtomicBoolean();
    private final java.util.function.Supplier<List<Runnable>> steps;

    ReportWarmup(java.util.function.Supplier<List<Runnable>> steps) {
        this.steps = steps;
    }

    /**
     * Starts the warm-up of this JVM unless it was started before or {@code settings} switch it off.
     *
     * @return whether this call started it
     * @throws AssayException when {@code assay.report.warmup} is neither {@code true} nor {@code false}
     */
    public static boolean start(AssaySettings settings) {
        return JVM.startOnce(settings) != null;
    }

    /** The thread started, or {@code null}. */
    Thread startOnce(AssaySettings settings) {
        if (!enabled(settings) || !started.compareAndSet(false, true)) {
            return null;
        }
        Thread t = new Thread(this::runQuietly, THREAD_NAME);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Whether {@code settings} leave the warm-up on (the default). */
    static boolean enabled(AssaySettings settings) {
        String v = settings.get(AssayConstants.REPORT_WARMUP).orElse("true").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new AssayException(AssayConstants.REPORT_WARMUP + " must be true or false, but was '"
                    + settings.get(AssayConstants.REPORT_WARMUP).orElse("") + "'");
        }
        return v.equals("true");
    }

    /** Runs every step; a step that throws is dropped, silently, and the next one runs. */
    private void runQuietly() {
        List<Runnable> all;
        try {
            all = steps.get();
        } catch (Throwable ignored) { // the warm-up's own failure: it must never affect the run
            return;
        }
        for (Runnable step : all) {
            try {
                step.run();
            } catch (Throwable ignored) { // same: nothing of the run executes inside a step
                // dropped
            }
        }
    }

    /**
     * The steps, in the order the run needs them: the per-check attachments and Allure's test-case JSON (needed
     * from the first check on), then what the flush needs (evidence, model card).
     */
    static List<Runnable> steps() {
        List<CheckResult> results = syntheticResults();
        return List.of(
                () -> attachments(results),
                ReportWarmup::allureTestResultJson,
                () -> modelCard(evidence(results)),
                () -> attachments(results));
    }

    /** The strings of every attachment and of the labels, parameters and links of each result (discarded). */
    static int attachments(List<CheckResult> results) {
        int chars = 0;
        for (CheckResult r : results) {
            chars += ResultTables.html(r).length() + ResultTables.csv(r).length();
            chars += GroupCharts.svg(r).map(String::length).orElse(0);
            for (Histograms.Chart c : Histograms.of(r)) {
                chars += c.svg().length();
            }
            chars += DpAuditCharts.svg(r).map(String::length).orElse(0);
            if (!r.findings().isEmpty()) {
                chars += ResultTables.findingsCsv(r).length();
            }
            if (!r.examples().isEmpty()) {
                chars += ResultTables.examplesHtml(r).length() + ResultTables.examplesCsv(r).length();
            }
            chars += CheckFamilies.of(r.kind()).length();
            if (r.metric() != null && ReportLinks.DOCUMENTED_KINDS.contains(r.kind())) {
                chars += ReportLinks.resolve("", ReportLinks.METRICS_DOC).length()
                        + ReportLinks.metricAnchor(r.kind(), r.metric()).length()
                        + ReportLinks.kindAnchor(r.kind()).length();
            }
            if (r.threshold() != null) {
                chars += r.threshold().describe().length();
            }
            if (r.value() != null) {
                chars += ResultTables.number(r.value()).length();
            }
            if (r.ci() != null) {
                chars += ResultTables.interval(r.ci()).length();
            }
        }
        return chars;
    }

    /**
     * The evidence of {@code results}, serialised to JSON (discarded): the first serialisation of a
     * {@link CheckResult} is the costliest part of a cold flush. One call, whatever serialises the evidence.
     */
    static Evidence evidence(List<CheckResult> results) {
        Evidence e = Evidence.of("warm-up", 1L, "2026-01-01T00:00:00Z", results);
        if (e.toJson().isEmpty()) {
            throw new IllegalStateException("empty evidence JSON");
        }
        return e;
    }

    /** The model card of {@code evidence}, both forms (discarded). */
    static int modelCard(Evidence evidence) {
        Map.Entry<String, String> card = ModelCardRenderer.both(evidence,
                "## Intended use\n\nWarm-up.\n\n## Factors\n\n- synthetic\n");
        return card.getKey().length() + card.getValue().length();
    }

    /**
     * A fully populated Allure test result written to a null stream by the JSON writer that Allure's lifecycle
     * uses: Assay's ({@link AllureResultsJson}) when {@link AllureResultsWriters#install()} installed it, otherwise
     * Allure's own mapper (the one its {@code FileSystemResultsWriter} builds). Allure's mapper is then a separate
     * instance: this loads and links Allure's (shaded) Jackson classes and compiles their code, JVM-wide; the
     * serialisers that the lifecycle's own mapper caches are built again on its first test result.
     */
    static void allureTestResultJson() {
        TestResult test = new TestResult().setUuid("00000000-0000-0000-0000-000000000000").setHistoryId("h")
                .setTestCaseId("t").setName("warm-up").setFullName("warm-up").setDescription("d")
                .setStatus(Status.FAILED).setStage(Stage.FINISHED).setStart(1L).setStop(2L)
                .setStatusDetails(new StatusDetails().setMessage("m").setTrace("t").setKnown(false)
                        .setFlaky(false).setMuted(false));
        test.getLabels().add(new Label().setName("epic").setValue("Fairness"));
        test.getLabels().add(new Label().setName("severity").setValue("critical"));
        test.getParameters().add(new Parameter().setName("seed").setValue("1").setExcluded(false)
                .setMode(Parameter.Mode.DEFAULT));
        test.getParameters().add(new Parameter().setName("value").setValue("0.5").setExcluded(true)
                .setMode(Parameter.Mode.DEFAULT));
        test.getLinks().add(new Link().setName("kind: fairness").setType("link").setUrl("docs/metrics.md#fairness"));
        test.getAttachments().add(new Attachment().setName("warm-up - groups.html").setType("text/html")
                .setSource("0-attachment.html"));
        test.getSteps().add(new StepResult().setName("step").setStatus(Status.PASSED).setStage(Stage.FINISHED)
                .setStart(1L).setStop(2L));
        try {
            if (AllureResultsWriters.installed()) {
                AllureResultsJson.write(test, OutputStream.nullOutputStream());
            } else {
                Allure2ModelJackson.createMapper().writeValue(OutputStream.nullOutputStream(), test);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Synthetic results that take every branch of the writers: groups with intervals, an excluded group, findings,
     * failing examples, a message; a drift check's histogram bins; a DP audit's event probabilities; a passed check
     * without groups. Made-up values, no personal data.
     */
    static List<CheckResult> syntheticResults() {
        ModelInfo model = new ModelInfo("warm-up", "predictions", "sha256:00");
        DataInfo data = new DataInfo("warm-up.csv", 1000, "00");
        CheckResult.Builder fairness = CheckResult.builder("fairness", "Warm-up fairness")
                .metric("demographic_parity_ratio").value(0.8125).ci(new Interval(0.71, 0.9033)).confidence(0.95)
                .threshold(Threshold.atLeast(0.8)).decision(Decision.STRICT).verdict(Verdict.FAIL)
                .message("expected demographic_parity_ratio to be at least 0.8 but the interval [0.71, 0.9033]"
                        + " is not\n  worst group: sex=b")
                .n(1000).seed(1).model(model).data(data)
                .group(new GroupResult(Map.of("sex", "a"), 600, Map.of("selection_rate", 0.31),
                        Map.of("selection_rate", new Interval(0.27, 0.35)), null))
                .group(new GroupResult(Map.of("sex", "b"), 380, Map.of("selection_rate", 0.252),
                        Map.of("selection_rate", new Interval(0.21, 0.3)), null))
                .group(new GroupResult(Map.of("sex", "c"), 20, Map.of("selection_rate", 0.5), Map.of(),
                        "fewer than 30 rows"))
                .finding(new Finding(3, "EMAIL_ADDRESS", 10, 27, "j***@e******.com", 1.0))
                .failingCase(Example.builder().row(4).input("sex", "a").perturbed("sex", "b")
                        .reason("decision changed").build());
        CheckResult performance = CheckResult.builder("performance", "Warm-up accuracy").metric("accuracy")
                .value(0.8412).ci(new Interval(0.8355, 0.8468)).confidence(0.95).threshold(Threshold.atLeast(0.8))
                .decision(Decision.POINT).verdict(Verdict.PASS).n(16281).seed(1).model(model).data(data).build();
        List<GroupResult.Bin> bins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bins.add(new GroupResult.Bin("[" + i + ", " + (i + 1) + ")", 0.1, i < 5 ? 0.04 : 0.16));
        }
        CheckResult drift = CheckResult.builder("drift", "Warm-up drift").metric("psi").value(0.31)
                .threshold(Threshold.atMost(0.2)).decision(Decision.POINT).verdict(Verdict.FAIL).n(5000)
                .message("psi of age above 0.2").seed(1).model(model).data(data)
                .group(new GroupResult(Map.of("column", "age"), 5000, ordered("psi", 0.31, "ks", 0.12),
                        Map.of(), null).withBins(bins))
                .build();
        Map<String, Double> audit = new LinkedHashMap<>();
        audit.put("epsilon_lower_bound", 0.9);
        audit.put("first_probability", 0.75);
        audit.put("second_probability", 0.25);
        audit.put("claimed_delta", 0.001);
        audit.put("confidence", 0.95);
        CheckResult dpAudit = CheckResult.builder("dp-audit", "Warm-up audit").metric("epsilon_lower_bound")
                .value(0.9).threshold(Threshold.atMost(0.5)).decision(Decision.POINT).verdict(Verdict.FAIL)
                .message("refuted").seed(1)
                .group(new GroupResult(ordered("event", "output <= 0.5", "first", "0.0", "second", "1.0"), 20_000,
                        audit, ordered("first_probability", new Interval(0.74, 0.76),
                        "second_probability", new Interval(0.24, 0.26)), null))
                .build();
        return List.of(fairness.build(), performance, drift, dpAudit);
    }

    /** A map in the order given ({@code Map.of}'s order changes from JVM to JVM). */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return m;
    }
}

package dev.assay.junit;

import dev.assay.core.AssayException;
import dev.assay.core.CheckResult;
import dev.assay.core.Verdict;
import dev.assay.core.internal.CheckEvents;
import dev.assay.junit.internal.CheckMessages;
import dev.assay.reports.allure.AllureCheckWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Listens, on the thread that runs a test (or a class's {@code @BeforeAll}/{@code @AfterAll} methods), for the
 * checks evaluated there: each goes to the run's evidence, the current Allure test and a JUnit report entry. Only
 * the innermost collector open on a thread records (a test's, not its class's), so each check is recorded once.
 * Sets the configured seed for the thread while open.
 */
final class CheckCollector {
    private final ExtensionContext context;
    private final AssayRun run;
    private final List<CheckResult> errors = new CopyOnWriteArrayList<>();
    private AutoCloseable registration;
    private Long previousSeed;
    private String previousSuite;

    private CheckCollector(ExtensionContext context, AssayRun run) {
        this.context = context;
        this.run = run;
    }

    static void open(ExtensionContext context, AssayRun run) {
        CheckCollector c = new CheckCollector(context, run);
        context.getStore(ModelTestExtension.NAMESPACE).put(CheckCollector.class, c);
        c.previousSeed = CheckEvents.currentSeed();
        c.previousSuite = CheckEvents.currentSuite();
        CheckEvents.setSeed(run.seed());
        CheckEvents.setSuite(run.settings().get(dev.assay.core.AssayConstants.SUITE)
                .orElseGet(() -> context.getRequiredTestClass().getSimpleName()));
        run.push(c);
        c.registration = CheckEvents.listen(c::accept);
    }

    /**
     * Stops listening. If a check ended in error and the test (or class) has not failed otherwise, fails it with an
     * {@link AssayException} (not an assertion error: the check could not be judged).
     */
    static void close(ExtensionContext context) {
        CheckCollector c = context.getStore(ModelTestExtension.NAMESPACE)
                .remove(CheckCollector.class, CheckCollector.class);
        if (c == null || c.context != context) {
            return;
        }
        try {
            c.registration.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            CheckEvents.setSeed(c.previousSeed);
            CheckEvents.setSuite(c.previousSuite);
            c.run.remove(c);
        }
        if (!c.errors.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssayException(CheckMessages.checksErrored(new ArrayList<>(c.errors)));
        }
    }

    private void accept(CheckResult result) {
        if (!run.isInnermost(this)) {
            return;
        }
        run.recorder().record(result);
        AllureCheckWriter.write(result, AllureCheckWriter.Options.defaults().withLinkBase(
                run.settings().get(dev.assay.core.AssayConstants.REPORT_LINK_BASE).orElse("")));
        context.publishReportEntry(reportEntry(result));
        if (result.verdict() == Verdict.ERROR) {
            errors.add(result);
        }
    }

    static Map<String, String> reportEntry(CheckResult r) {
        Map<String, String> entry = new LinkedHashMap<>();
        put(entry, "assay.check", r.name());
        put(entry, "assay.id", r.id());
        put(entry, "assay.verdict", r.verdict().json());
        put(entry, "assay.metric", r.metric());
        put(entry, "assay.value", r.value() == null ? null : CheckMessages.number(r.value()));
        put(entry, "assay.ci", r.ci() == null ? null : r.ci().toString());
        put(entry, "assay.threshold", r.threshold() == null ? null : r.threshold().describe());
        put(entry, "assay.message", r.message());
        return entry;
    }

    private static void put(Map<String, String> entry, String key, String value) {
        if (value != null && !value.isBlank()) {
            entry.put(key, value);
        }
    }
}

package dev.assay.reports.allure;

import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.reports.RunRecorder;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link AllureResultsWritersTest} in a fresh JVM, as a test run starts: asks for Assay's writer ({@code late}:
 * after something took Allure's default lifecycle), prints the answer and the lifecycle's writer, writes one test
 * result with an attachment through Allure's default lifecycle, and lets the report warm-up run to its end.
 */
public final class WriterProbe {
    private WriterProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("late")) {
            Allure.getLifecycle();
        }
        try {
            System.out.println("installed: " + AllureResultsWriters.install());
        } catch (AssayException e) {
            System.out.println("error: " + e.getMessage());
            return;
        }
        AllureLifecycle lifecycle = Allure.getLifecycle();
        Field writer = AllureLifecycle.class.getDeclaredField("writer");
        writer.setAccessible(true);
        System.out.println("writer: " + writer.get(lifecycle).getClass().getSimpleName());
        new RunRecorder(AssaySettings.fromSystem()); // starts the report warm-up
        lifecycle.scheduleTestCase(new TestResult().setUuid("probe-uuid").setName("probe"));
        lifecycle.startTestCase("probe-uuid");
        lifecycle.addAttachment("note", "text/plain", "txt", "probe attachment".getBytes(StandardCharsets.UTF_8));
        lifecycle.updateTestCase(t -> t.setStatus(Status.PASSED));
        lifecycle.stopTestCase("probe-uuid");
        lifecycle.writeTestCase("probe-uuid");
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(dev.assay.reports.allure.internal.ReportWarmup.THREAD_NAME)) {
                t.join();
            }
        }
        System.out.println("done");
    }
}

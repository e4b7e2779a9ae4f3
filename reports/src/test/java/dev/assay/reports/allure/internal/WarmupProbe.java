package dev.assay.reports.allure.internal;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.reports.RunRecorder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Run by {@link ReportWarmupTest} in a fresh JVM: creates recorders as both front ends do (settings from system
 * properties), then prints how many warm-up threads are alive and waits for them to end.
 */
public final class WarmupProbe {
    private WarmupProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        AssaySettings system = AssaySettings.fromSystem();
        new RunRecorder(system);
        RunRecorder.shared(system);
        RunRecorder.shared(AssaySettings.of(k -> Optional.ofNullable(Map.of(AssayConstants.EVIDENCE_DIR,
                "other/assay").get(k))));
        List<Thread> warmups = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(ReportWarmup.THREAD_NAME)).toList();
        System.out.println("warm-up threads: " + warmups.size());
        for (Thread t : warmups) {
            System.out.println("daemon: " + t.isDaemon() + ", priority: " + t.getPriority());
            t.join();
        }
        System.out.println("done");
    }
}

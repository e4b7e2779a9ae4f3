package dev.assay.junit;

import dev.assay.core.AssaySettings;
import dev.assay.reports.RunRecorder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The state of one Jupiter run, kept in the root context's store: the settings (JUnit configuration parameters,
 * then system properties, then environment) and the shared {@link RunRecorder}, flushed to {@code evidence.json}
 * when JUnit closes the root store at the end of the run.
 */
final class AssayRun implements AutoCloseable {
    private final AssaySettings settings;
    private final RunRecorder recorder;
    private final long seed;
    /** Per thread, the open collectors, innermost first: only the innermost records a check. */
    private final Map<Thread, Deque<CheckCollector>> collectors = new ConcurrentHashMap<>();

    private AssayRun(ExtensionContext root) {
        this.settings = AssaySettings.of(root::getConfigurationParameter);
        this.seed = settings.seed();
        this.recorder = RunRecorder.shared(settings);
    }

    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: deprecated in JUnit 6, the only choice on 5.14
    static AssayRun of(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return root.getStore(ModelTestExtension.NAMESPACE)
                .getOrComputeIfAbsent(AssayRun.class, k -> new AssayRun(root), AssayRun.class);
    }

    AssaySettings settings() {
        return settings;
    }

    RunRecorder recorder() {
        return recorder;
    }

    long seed() {
        return seed;
    }

    /** Makes {@code c} the innermost collector of the current thread. */
    void push(CheckCollector c) {
        collectors.computeIfAbsent(Thread.currentThread(), t -> new ArrayDeque<>()).push(c);
    }

    /** Removes {@code c} from the current thread's collectors. */
    void remove(CheckCollector c) {
        Thread t = Thread.currentThread();
        Deque<CheckCollector> d = collectors.get(t);
        if (d != null) {
            d.remove(c);
            if (d.isEmpty()) {
                collectors.remove(t);
            }
        }
    }

    /**
     * Whether {@code c} is the innermost open collector of the current thread. A class's collector stays open
     * while its tests run, and with parallel execution a thread may run a test of another class meanwhile.
     */
    boolean isInnermost(CheckCollector c) {
        Deque<CheckCollector> d = collectors.get(Thread.currentThread());
        return d != null && d.peek() == c;
    }

    /** Writes the evidence of the run (called by JUnit when the root context closes). */
    @Override
    public void close() {
        recorder.flush();
    }
}

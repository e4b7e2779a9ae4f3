package dev.assay.core.internal;

import dev.assay.core.CheckResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where evaluated checks are announced, so that a front end (the JUnit extension) can add each to the evidence
 * and to the current test's report. Listeners are per thread: a check reaches the listener registered by the
 * thread that evaluated it.
 */
public final class CheckEvents {
    private static final ThreadLocal<List<Consumer<CheckResult>>> LISTENERS =
            ThreadLocal.withInitial(CopyOnWriteArrayList::new);
    private static final ThreadLocal<Long> SEED = new ThreadLocal<>();
    private static final ThreadLocal<String> SUITE = new ThreadLocal<>();

    private CheckEvents() {
    }

    public static void publish(CheckResult result) {
        for (Consumer<CheckResult> l : LISTENERS.get()) {
            l.accept(result);
        }
    }

    public static AutoCloseable listen(Consumer<CheckResult> listener) {
        List<Consumer<CheckResult>> list = LISTENERS.get();
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** The seed set by the front end for this thread, if any. */
    public static Long currentSeed() {
        return SEED.get();
    }

    public static void setSeed(Long seed) {
        if (seed == null) {
            SEED.remove();
        } else {
            SEED.set(seed);
        }
    }

    /**
     * The suite set by the front end for this thread (it prefixes the ids of checks evaluated from Java), if any.
     *
     * @return the suite name, or {@code null}
     */
    public static String currentSuite() {
        return SUITE.get();
    }

    /**
     * Sets or, with {@code null}, clears the suite of this thread.
     *
     * @param suite the suite name, or {@code null}
     */
    public static void setSuite(String suite) {
        if (suite == null) {
            SUITE.remove();
        } else {
            SUITE.set(suite);
        }
    }
}

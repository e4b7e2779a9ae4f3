package dev.assay.core.models;

import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a long run of model calls: requests done of the total for the current {@code predict}, the rate, the
 * errors seen (failed attempts, retried or not) and the estimated time left. Reported to a {@link Listener} at most
 * once per {@code progress-interval}, and once at the end.
 */
public record Progress(String model, long done, long total, double callsPerSecond, long errors, Duration remaining) {
    /** Receives progress; a JUnit front end can turn it into report entries. */
    @FunctionalInterface
    public interface Listener {
        void onProgress(Progress progress);
    }

    /** Prints to standard error, when it is a terminal or when {@code assay.progress=true}. */
    public static Listener console() {
        return p -> System.err.println("[assay] " + p);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d/%d calls (%.0f%%), %.1f calls/s, %d errors, ~%ds left", model, done,
                total, total == 0 ? 100.0 : 100.0 * done / total, callsPerSecond, errors, remaining.toSeconds());
    }
}

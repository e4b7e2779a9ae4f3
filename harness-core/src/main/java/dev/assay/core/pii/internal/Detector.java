package dev.assay.core.pii.internal;

import java.util.List;

/**
 * One detector. Windowed detectors only see the regions of the text around seed characters (digits, {@code @},
 * {@code :} or {@code .} inside a token), found in one pass by {@link Engine}; the others scan the whole text
 * themselves (for example by {@code indexOf} of a literal prefix).
 */
public abstract class Detector {
    private final String entity;
    private final List<String[]> context;
    private final java.util.Set<String> singleWords;
    private final List<String[]> phrases;

    protected Detector(String entity, List<String> contextWords) {
        this.entity = entity;
        this.context = contextWords.stream().map(w -> w.toLowerCase(java.util.Locale.ROOT).split(" ")).toList();
        this.singleWords = context.stream().filter(p -> p.length == 1)
                .map(p -> p[0].endsWith("#") ? p[0].substring(0, p[0].length() - 1) : p[0])
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.phrases = context.stream().filter(p -> p.length > 1).toList();
    }

    /** Single context words (lower case, without a trailing {@code #}). */
    public final java.util.Set<String> contextWords() {
        return singleWords;
    }

    /** Context phrases of several words. */
    public final List<String[]> contextPhrases() {
        return phrases;
    }

    public final String entity() {
        return entity;
    }

    /** Context words and phrases (lower case, split into words). */
    public final List<String[]> context() {
        return context;
    }

    private java.util.function.Predicate<WindowStats> gate = w -> true;

    /** Restricts a windowed detector to windows where a match is possible. */
    public final Detector when(java.util.function.Predicate<WindowStats> gate) {
        this.gate = gate;
        return this;
    }

    /** Whether a match is possible in a window with these stats. */
    public final boolean possibleIn(WindowStats stats) {
        return gate.test(stats);
    }

    /** Drops any per-thread reference to the last scanned text (called after each scan). */
    public void release() {
    }

    /** Whether this detector only needs to see the seed windows. */
    public boolean windowed() {
        return true;
    }

    /** Like {@link #find(String, int, int, List)}, knowing the window's stats (detectors may skip patterns). */
    public void find(String text, int from, int to, List<Candidate> out, WindowStats stats) {
        find(text, from, to, out);
    }

    /**
     * Whether this detector is expensive and runs after the others, skipping clusters whose matches overlap spans
     * that overlap resolution keeps for certain (see {@link Blocker}). Its candidates must score at most
     * {@link #maxScore()} before context enhancement, and it must not be validated.
     */
    public boolean deferred() {
        return false;
    }

    /** For a deferred detector: the highest score of its candidates before context enhancement. */
    public double maxScore() {
        return 1.0;
    }

    /** Like {@link #find(String, int, int, List, WindowStats)}, for a deferred detector, with the spans it may skip. */
    void find(String text, int from, int to, List<Candidate> out, WindowStats stats, Blocker blocker) {
        find(text, from, to, out, stats);
    }

    /** Adds the matches whose start lies in {@code [from, to)} of {@code text}. */
    public abstract void find(String text, int from, int to, List<Candidate> out);
}

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

    protected Detector(String entity, List<String> contextWords) {
        this.entity = entity;
        this.context = contextWords.stream().map(w -> w.toLowerCase(java.util.Locale.ROOT).split(" ")).toList();
    }

    public final String entity() {
        return entity;
    }

    /** Context words and phrases (lower case, split into words). */
    public final List<String[]> context() {
        return context;
    }

    /** Whether this detector only needs to see the seed windows. */
    public boolean windowed() {
        return true;
    }

    /** Adds the matches whose start lies in {@code [from, to)} of {@code text}. */
    public abstract void find(String text, int from, int to, List<Candidate> out);
}

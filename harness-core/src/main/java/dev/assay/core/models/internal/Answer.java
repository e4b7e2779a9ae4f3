package dev.assay.core.models.internal;

import java.util.List;

/**
 * One model answer for one input row: a label (for text models, the answer text), a score (probability of the
 * positive class, {@code NaN} when the model gives none) and, for text models asked for several samples, every answer.
 */
public record Answer(String label, double score, List<String> texts) {
    public Answer {
        texts = texts == null ? List.of() : List.copyOf(texts);
    }

    public static Answer label(String label) {
        return new Answer(label, Double.NaN, List.of());
    }

    public boolean hasScore() {
        return !Double.isNaN(score);
    }
}

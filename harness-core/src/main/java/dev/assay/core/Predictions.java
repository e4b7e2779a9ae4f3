package dev.assay.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A model's outputs for a batch of rows, in row order: a predicted label per row and, when the model gives one,
 * a score (the probability of the positive class).
 */
public final class Predictions {
    private final Column labels;
    private final double[] scores;

    private Predictions(Column labels, double[] scores) {
        this.labels = Objects.requireNonNull(labels, "labels");
        if (scores != null && scores.length != labels.size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.size() + " labels");
        }
        this.scores = scores;
    }

    /** Labels as text ({@code null} = no answer for that row). */
    public static Predictions ofLabels(String... labels) {
        return new Predictions(Column.categorical("prediction", labels), null);
    }

    /** Labels in a column (numeric or categorical). */
    public static Predictions of(Column labels) {
        return new Predictions(labels, null);
    }

    /** Labels with a score each. */
    public static Predictions of(Column labels, double[] scores) {
        return new Predictions(labels, scores.clone());
    }

    /** The number of predictions. */
    public int size() {
        return labels.size();
    }

    /** The predicted label of row {@code i} as text, {@code null} when missing. */
    public String label(int i) {
        return labels.stringValue(i);
    }

    /** The labels as a column. */
    public Column labels() {
        return labels;
    }

    /** Whether scores are present. */
    public boolean hasScores() {
        return scores != null;
    }

    /** The score of row {@code i}, {@code NaN} when there are no scores. */
    public double score(int i) {
        return scores == null ? Double.NaN : scores[i];
    }

    /** A copy of the scores, if present. */
    public Optional<double[]> scores() {
        return Optional.ofNullable(scores).map(double[]::clone);
    }
}

package dev.assay.core;

import dev.assay.core.internal.Fingerprints;

/**
 * A model under test: predicts a batch of rows at once and says what it is.
 *
 * <p>Implement {@link #predict(Dataset)} for a model written in Java; the default {@link #info()} names it after
 * its class and fingerprints the class file, so the evidence changes when the code does. Build the others with
 * {@link Models}.
 */
public interface Model {
    /**
     * Predicts every row of {@code data}, in row order.
     *
     * @param data the rows, never {@code null}
     * @return exactly {@code data.rows()} predictions
     */
    Predictions predict(Dataset data);

    /** The model's id, kind and fingerprint. */
    default ModelInfo info() {
        return new ModelInfo(getClass().getSimpleName(), "java", Fingerprints.ofClass(getClass()));
    }
}

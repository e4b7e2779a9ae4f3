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

    /**
     * The model's id, kind and fingerprint. The default: the class's simple name ({@code Outer$lambda} for a lambda
     * declared in {@code Outer}, the full name for an anonymous class), kind {@code java}, and the SHA-256 of the
     * class file (of the declaring class for a lambda).
     *
     * @return the info, never {@code null}
     */
    default ModelInfo info() {
        Class<?> type = getClass();
        String id = type.getSimpleName();
        int lambda = type.getName().indexOf("$$Lambda");
        if (lambda > 0) {
            String host = type.getName().substring(0, lambda);
            id = host.substring(host.lastIndexOf('.') + 1) + "$lambda";
        } else if (id.isEmpty()) {
            id = type.getName();
        }
        return new ModelInfo(id, "java", Fingerprints.ofClass(type));
    }
}

package dev.assay.core.robustness;

import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import dev.assay.core.models.HttpModel;

/** Asking a model again: the k-th ask of the same rows is a real call, not an answer from the run's cache. */
final class Asks {
    private Asks() {
    }

    /**
     * The model's predictions for the {@code repeat}-th ask of {@code data}: repeat 0 is the ordinary call; for an
     * {@link HttpModel} a repeat k > 0 is a request with its own cache key; other models are simply called again
     * (they keep no cache).
     */
    static Predictions predict(Model model, Dataset data, int repeat) {
        if (repeat == 0 || !(model instanceof HttpModel)) {
            return Checks.predict(model, data);
        }
        HttpModel http = (HttpModel) model;
        return Checks.predict(new Model() {
            @Override
            public Predictions predict(Dataset d) {
                return http.predict(d, repeat);
            }

            @Override
            public ModelInfo info() {
                return http.info();
            }
        }, data);
    }
}

package dev.assay.core;

import dev.assay.core.internal.CheckEvents;

/** Runs checks so that every problem becomes an {@code error} result, never a pass, and announces the result. */
public final class Checks {
    private Checks() {
    }

    /**
     * Runs {@code check}; bad data, bad configuration or a model failure give a result with verdict
     * {@link Verdict#ERROR} and the cause in {@code message}. The result's id is {@code <suite>/<check>}.
     */
    public static CheckResult evaluate(Check check, Model model, Dataset data, RunContext context) {
        String id = Ids.slug(context.suite()) + "/" + Ids.slug(check.name());
        CheckResult result;
        try {
            result = check.run(model, data, context).toBuilder().id(id).build();
        } catch (RuntimeException | LinkageError e) {
            CheckResult.Builder b = CheckResult.error(check.kind(), check.name(), e).toBuilder().id(id)
                    .seed(context.seed());
            if (model != null) {
                try {
                    b.model(data != null ? Models.infoOn(model, data) : model.info());
                } catch (RuntimeException ignored) {
                    // the model's own info failed: the error message already says what went wrong
                }
            }
            if (data != null) {
                b.data(DataInfo.of(data));
            }
            result = b.build();
        }
        CheckEvents.publish(result);
        return result;
    }

    /** Predicts with {@code model}, turning any failure or a wrong number of answers into an {@link AssayException}. */
    public static Predictions predict(Model model, Dataset data) {
        Predictions p;
        try {
            p = model.predict(data);
        } catch (AssayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AssayException("model '" + model.info().id() + "' failed: " + e, e);
        }
        if (p == null) {
            throw new AssayException("model '" + model.info().id() + "' returned no predictions");
        }
        if (p.size() != data.rows()) {
            throw new AssayException("model '" + model.info().id() + "' returned " + p.size()
                    + " predictions for " + data.rows() + " rows of " + data.source());
        }
        return p;
    }

    /** The model's info as evaluated on {@code data} (fingerprints of prediction columns are taken from the data). */
    public static ModelInfo modelInfo(Model model, Dataset data) {
        return Models.infoOn(model, data);
    }
}

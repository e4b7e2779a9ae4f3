package dev.assay.core;

import dev.assay.core.internal.CheckEvents;
import java.util.Objects;
import java.util.function.Supplier;

/** Runs checks so that every problem becomes an {@code error} result, never a pass, and announces the result. */
public final class Checks {
    private Checks() {
    }

    /**
     * Runs {@code check}; bad data, bad configuration or a model failure give a result with verdict
     * {@link Verdict#ERROR} and the cause in {@code message}, never a pass. The result's id is
     * {@code <suite>/<check>}. The result is announced to the current thread's listeners (the JUnit extension adds
     * it to the evidence and to the test's report).
     *
     * @param check   the check, not {@code null}
     * @param model   the model under test; {@code null} only for checks that need no model
     * @param data    the data; {@code null} only for checks that need no data
     * @param context the suite and seed, not {@code null}
     * @return the result, never {@code null}
     */
    public static CheckResult evaluate(Check check, Model model, Dataset data, RunContext context) {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(context, "context");
        String id = Ids.slug(context.suite()) + "/" + Ids.slug(check.name());
        CheckResult result;
        try {
            CheckResult r = check.run(model, data, context);
            if (r == null) {
                throw new AssayException("check '" + check.name() + "' (" + check.getClass().getName()
                        + ") returned no result");
            }
            result = r.toBuilder().id(id).build();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            result = errorResult(check, model, data, context, id, e);
        }
        CheckEvents.publish(result);
        return result;
    }

    /**
     * Like {@link #evaluate(Check, Model, Dataset, RunContext)}, but loads the data first, so that data that cannot
     * be loaded (missing file, empty file, ragged row, unclosed quote, ...) also gives an {@code error} result naming
     * the file and line, instead of an exception.
     *
     * @param data loads the data, for example {@code Datasets.csv(path).label("y")::load}; not {@code null}
     */
    public static CheckResult evaluateLoading(Check check, Model model, Supplier<Dataset> data, RunContext context) {
        Objects.requireNonNull(data, "data");
        Dataset loaded;
        try {
            loaded = data.get();
            if (loaded == null) {
                throw new AssayException("the data supplier returned no dataset");
            }
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(context, "context");
            String id = Ids.slug(context.suite()) + "/" + Ids.slug(check.name());
            CheckResult result = errorResult(check, model, null, context, id, e);
            CheckEvents.publish(result);
            return result;
        }
        return evaluate(check, model, loaded, context);
    }

    private static CheckResult errorResult(Check check, Model model, Dataset data, RunContext context, String id,
                                           Throwable e) {
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
        return b.build();
    }

    /** Predicts with {@code model}, turning any failure or a wrong number of answers into an {@link AssayException}. */
    public static Predictions predict(Model model, Dataset data) {
        Objects.requireNonNull(model, "model: this check needs a model");
        Objects.requireNonNull(data, "data: this check needs data");
        Predictions p;
        try {
            p = model.predict(data);
        } catch (AssayException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw new AssayException("model '" + modelId(model) + "' failed on " + data.source() + ": " + e, e);
        }
        if (p == null) {
            throw new AssayException("model '" + modelId(model) + "' returned no predictions");
        }
        if (p.size() != data.rows()) {
            throw new AssayException("model '" + modelId(model) + "' returned " + p.size()
                    + " predictions for " + data.rows() + " rows of " + data.source());
        }
        return p;
    }

    private static String modelId(Model model) {
        try {
            return model.info().id();
        } catch (RuntimeException e) {
            return model.getClass().getName();
        }
    }

    /** The model's info as evaluated on {@code data} (fingerprints of prediction columns are taken from the data). */
    public static ModelInfo modelInfo(Model model, Dataset data) {
        return Models.infoOn(model, data);
    }
}

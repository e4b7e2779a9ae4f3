package dev.assay.core.models;

import dev.assay.core.AssayException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The wire protocols an {@link HttpModel} speaks, selected by {@link #key() name} ({@code protocol:} in a scenario). */
public enum Protocol {
    /** Open Inference Protocol v2 ({@code /v2/models/{name}/infer}): KServe, Triton, Seldon MLServer. */
    OPEN_INFERENCE("open-inference", 64),
    /** TorchServe inference API ({@code /predictions/{name}}), one row per request by default. */
    TORCHSERVE("torchserve", 1),
    /** MLflow scoring server ({@code /invocations}). */
    MLFLOW("mlflow", 64),
    /** BentoML service: a JSON body posted to an API route (default {@code /predict}). */
    BENTOML("bentoml", 64),
    /** TensorFlow Serving REST ({@code /v1/models/{name}:predict} with {@code instances}). */
    TF_SERVING("tf-serving", 64),
    /** OpenAI-compatible chat completions ({@code /v1/chat/completions}), one prompt per request. */
    OPENAI_CHAT("openai-chat", 1),
    /** Any JSON endpoint: a request template and JSON Pointer paths to the outputs, one row per request. */
    JSON("json", 1);

    private final String key;
    private final int defaultBatchSize;

    Protocol(String key, int defaultBatchSize) {
        this.key = key;
        this.defaultBatchSize = defaultBatchSize;
    }

    /** The protocol's name in configuration, for example {@code open-inference}. */
    public String key() {
        return key;
    }

    /** Rows per request unless {@code batch-size} says otherwise. */
    public int defaultBatchSize() {
        return defaultBatchSize;
    }

    /** The protocol called {@code name}. */
    public static Protocol byName(String name) {
        for (Protocol p : values()) {
            if (p.key.equalsIgnoreCase(name.strip()) || p.name().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new AssayException("unknown model protocol '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Protocol::key).collect(Collectors.joining(", ")));
    }
}

package dev.assay.core.models.internal;

import dev.assay.core.models.ModelMode;
import dev.assay.core.models.Protocol;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every option of an HTTP model (filled by {@code HttpModel.Builder}); see the package documentation for the keys. */
public final class HttpConfig {
    public URI url;
    public Protocol protocol = Protocol.OPEN_INFERENCE;
    public String id;
    public String modelName;
    public List<String> features;
    public List<String> exclude = new ArrayList<>();
    public String inputLayout = "columns";
    public String inputName = "input";
    public String mlflowFormat = "dataframe_split";
    public String route = "predict";
    public String inputField;
    public String outputField;
    public String labelOutput;
    public String scoreOutput;
    public List<String> classLabels;
    public String positive;
    public Double threshold;
    // text models
    public String promptColumn = "prompt";
    public String promptTemplate;
    public String system;
    public Double temperature;
    public Integer maxTokens;
    public Long seed;
    public int samples = 1;
    public String samplesMode = "auto";
    // generic json
    public String requestTemplate;
    public String labelPointer;
    public String scorePointer;
    public String textPointer;
    // calling
    public Map<String, String> headers = new LinkedHashMap<>();
    public Integer batchSize;
    public int concurrency = 4;
    public Duration connectTimeout = Duration.ofSeconds(5);
    public Duration timeout = Duration.ofSeconds(30);
    public int maxRetries = 3;
    public Duration backoff = Duration.ofMillis(200);
    public Duration maxBackoff = Duration.ofSeconds(10);
    public double requestsPerSecond;
    public long maxCalls;
    public long maxTokensTotal;
    public boolean cache = true;
    public ModelMode mode;
    public Path cassette;
    public Long jitterSeed;
    /** Key of the cassette surrogates ({@code assay.pii.salt}); null: a fixed public key. */
    public String surrogateKey;
    public dev.assay.core.models.Progress.Listener progress;
    public Duration progressInterval = Duration.ofSeconds(10);

    public int batchSize() {
        return batchSize != null ? batchSize : protocol.defaultBatchSize();
    }

    /** Whether this model answers with text (the answer text is the label). */
    public boolean isText() {
        return protocol == Protocol.OPENAI_CHAT || (protocol == Protocol.JSON && textPointer != null);
    }

    /** The parameters that change answers, part of the cache key and of the cassette's request. */
    public Map<String, Object> identityParams() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", protocol.key());
        put(m, "model-name", modelName);
        put(m, "input-layout", protocol == Protocol.OPEN_INFERENCE || protocol == Protocol.TF_SERVING ? inputLayout : null);
        put(m, "input-name", "matrix".equals(inputLayout) ? inputName : null);
        put(m, "format", protocol == Protocol.MLFLOW ? mlflowFormat : null);
        put(m, "route", protocol == Protocol.BENTOML ? route : null);
        put(m, "prompt-template", promptTemplate);
        put(m, "system", system);
        put(m, "temperature", temperature);
        put(m, "max-tokens", maxTokens);
        put(m, "seed", seed);
        put(m, "request-template", requestTemplate);
        put(m, "path", url == null ? null : url.getRawPath());
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}

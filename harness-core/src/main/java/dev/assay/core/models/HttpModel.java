package dev.assay.core.models;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import dev.assay.core.TextModel;
import dev.assay.core.internal.Fingerprints;
import dev.assay.core.internal.Json;
import dev.assay.core.models.internal.Answer;
import dev.assay.core.models.internal.HttpConfig;
import dev.assay.core.models.internal.ModelClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model behind an HTTP endpoint, spoken to in one of the {@link Protocol}s, called in batches, concurrently,
 * politely (timeouts, retries with backoff, rate limit, budgets) and reproducibly (cache, record/replay).
 *
 * <pre>{@code
 * HttpModel credit = Models.http(URI.create("http://localhost:8080"))
 *         .protocol("open-inference").modelName("credit")
 *         .concurrency(8).timeout(Duration.ofSeconds(5))
 *         .header("Authorization", "Bearer ${MODEL_TOKEN}")
 *         .build();
 * }</pre>
 *
 * Every failure (HTTP error after retries, timeout, malformed or wrongly shaped answer, NaN score, exhausted budget,
 * missing cassette entry) is a {@link ModelCallException}, so a check using the model is {@code error}, never
 * {@code pass}. Header values never appear in messages, evidence or cassettes. See the package documentation for the
 * scenario keys.
 */
public final class HttpModel implements TextModel, Availability, AutoCloseable {
    /** Configuration key: report progress on the console even when it is not a terminal: {@value}. */
    public static final String PROGRESS = "assay.progress";

    private final HttpConfig config;
    private final ModelClient client;
    private final ModelInfo info;

    private HttpModel(HttpConfig config) {
        this.config = config;
        this.client = new ModelClient(config);
        String id = config.id != null ? config.id
                : config.modelName != null ? config.modelName
                : config.url.getRawPath() == null || config.url.getRawPath().isEmpty() || config.url.getRawPath().equals("/")
                ? config.protocol.key() : config.protocol.key() + ":" + config.url.getRawPath();
        String fp;
        try {
            fp = Fingerprints.ofText(Json.MAPPER.writeValueAsString(new TreeMap<>(config.identityParams())));
        } catch (IOException e) {
            throw new AssayException("cannot fingerprint the model's parameters", e);
        }
        this.info = new ModelInfo(id, "http", fp);
    }

    /** A builder for a model at {@code url} (a base URL, completed with the protocol's path, or the full URL). */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    @Override
    public Predictions predict(Dataset data) {
        return predict(data, 0);
    }

    /**
     * Predicts {@code data} as asked for the {@code repeat}-th time: repeat 0 is {@link #predict(Dataset)}; a repeat
     * k > 0 is a separate request per row with its own cache key and cassette entry (the input plus
     * {@code "repeat": k}), so checks that compare repeated answers ({@code consistency}, {@code expect} with
     * {@code samples}) really ask the endpoint again instead of reading the run's cache.
     *
     * @param data   the rows
     * @param repeat 0 or more
     * @return one prediction per row
     */
    public Predictions predict(Dataset data, int repeat) {
        Answer[][] answers = client.answer(data, repeat);
        String[] labels = new String[answers.length];
        double[] scores = new double[answers.length];
        int withScore = 0;
        for (int r = 0; r < answers.length; r++) {
            Answer a = answers[r][0];
            labels[r] = a.label();
            scores[r] = a.score();
            if (a.hasScore()) {
                withScore++;
            }
        }
        Column col = Column.categorical("prediction", labels);
        if (withScore == 0) {
            return Predictions.of(col);
        }
        if (withScore < answers.length) {
            int r = 0;
            while (answers[r][0].hasScore()) {
                r++;
            }
            throw new ModelCallException(client.shownEndpoint(), -1, "model endpoint " + client.shownEndpoint()
                    + " gave scores for " + withScore + " of " + answers.length + " rows; no score for "
                    + data.locate(r), null);
        }
        return Predictions.of(col, scores);
    }

    /**
     * Every answer for every row: {@code samples} answers per row for a text model (one request with {@code n}
     * where the protocol supports it, else one request per sample), one otherwise.
     */
    public Samples samples(Dataset data) {
        return toSamples(client.answer(data));
    }

    private static Samples toSamples(Answer[][] answers) {
        List<List<String>> out = new ArrayList<>(answers.length);
        for (Answer[] row : answers) {
            List<String> texts = new ArrayList<>();
            for (Answer a : row) {
                if (a.texts().isEmpty()) {
                    texts.add(a.label());
                } else {
                    texts.addAll(a.texts());
                }
            }
            out.add(List.copyOf(texts));
        }
        return new Samples(out);
    }

    /**
     * The answers of this text model to each prompt: every prompt is sent verbatim as the user message (the
     * model's {@code prompt-column} and {@code prompt-template} do not apply; its system message, temperature,
     * seed and other parameters do), {@code samples} answers per prompt whatever the model's own {@code samples}
     * (one request with {@code n} where the protocol supports it, else one request per sample). Calls share this
     * model's cache, cassette, budgets and counters; an HTTP error is a {@link ModelCallException}.
     *
     * @param source  names the prompts in messages (a file, or a data set and column)
     * @param prompts the prompts, none {@code null}
     * @param samples answers per prompt, at least 1
     * @return one row per prompt, in order
     * @throws dev.assay.core.AssayException if this is not a text model ({@code openai-chat}, or {@code json}
     *                                       with a {@code text-pointer})
     */
    public Samples answers(String source, List<String> prompts, int samples) {
        if (!config.isText()) {
            throw new AssayException("model '" + info.id() + "' (" + config.protocol.key() + ") is not a text model:"
                    + " prompts need protocol openai-chat, or json with a text-pointer");
        }
        if (samples < 1) {
            throw new AssayException("samples must be at least 1, was " + samples);
        }
        if (prompts.isEmpty()) {
            return new Samples(List.of());
        }
        HttpConfig derived = config.copy();
        derived.promptTemplate = null;
        derived.promptColumn = "prompt";
        derived.features = List.of("prompt");
        derived.exclude = List.of();
        derived.samples = samples;
        ModelClient c;
        synchronized (derivedClients) {
            c = derivedClients.computeIfAbsent(samples, k -> new ModelClient(derived, client));
        }
        Dataset data = dev.assay.core.Datasets.inMemory(source)
                .categorical("prompt", prompts.toArray(String[]::new)).load();
        return toSamples(c.answer(data));
    }

    /** {@link #answers} as lists; throws if this is not a text model. */
    @Override
    public List<List<String>> answer(String source, List<String> prompts, int samples) {
        Samples s = answers(source, prompts, samples);
        List<List<String>> out = new ArrayList<>(s.rows());
        for (int r = 0; r < s.rows(); r++) {
            out.add(s.answers(r));
        }
        return out;
    }

    /** Clients answering verbatim prompts, by samples per prompt (see {@link #answers}). */
    private final java.util.Map<Integer, ModelClient> derivedClients = new java.util.HashMap<>();

    /**
     * The natural-log probability the model gives each of {@code continuations} right after {@code prefix}, for the
     * Secret Sharer exposure of a canary. Needs an OpenAI-compatible legacy completions endpoint that scores a prompt
     * ({@code /v1/completions} with {@code echo: true, logprobs: 0, max_tokens: 0}, as OpenAI's legacy API, vLLM and
     * llama.cpp's server offer): the URL's {@code /chat/completions} becomes {@code /completions}, a bare base URL
     * gets {@code /v1/completions}. A token counts when it ends after the prefix. Prompts go 32 to a request; a
     * missing log-probability is a {@link ModelCallException}. Only for protocol {@code openai-chat}.
     *
     * <p>Each continuation's log-probability is one answer of the run's cache and the model's cassette: record mode
     * writes it, replay answers it without the endpoint (a missing one is a {@link ModelCallException} naming the
     * continuation's index and masked shape, the prefix and the key), and errors are never cached or recorded. The
     * scored text is typically a canary secret, so its cassette line holds no request, only the log-probability and
     * an HMAC-SHA256 of the request keyed with {@code assay.pii.salt}, which record and replay need (the same salt
     * in both; without it they are refused).
     */
    public double[] logProbabilities(String prefix, List<String> continuations) {
        Objects.requireNonNull(prefix, "prefix");
        if (config.protocol != Protocol.OPENAI_CHAT) {
            throw new AssayException("log-probabilities need an OpenAI-compatible model (protocol openai-chat), not "
                    + config.protocol.key());
        }
        URI endpoint = completionsEndpoint(config.url);
        int prefixLen = prefix.codePointCount(0, prefix.length());
        double[] out = new double[continuations.size()];
        String[] what = new String[out.length];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            String continuation = Objects.requireNonNull(continuations.get(i), "continuation");
            com.fasterxml.jackson.databind.node.ObjectNode w = Json.MAPPER.createObjectNode();
            w.put("kind", "log-probability").put("prefix", prefix).put("continuation", continuation);
            what[i] = w.toString();
            Answer a = client.recallScored(what[i]);
            if (a != null) {
                out[i] = a.score();
            } else if (client.mode() == ModelMode.REPLAY) {
                throw new ModelCallException(client.shownEndpoint(), -1, "replay: cassette " + client.cassetteFile()
                        + " has no log-probability of continuation " + i + " of " + out.length + " ("
                        + dev.assay.core.pii.PiiMasker.mask("TEXT", continuation) + ") after the prefix \""
                        + client.masker().excerpt(prefix, 120) + "\", key " + client.scoredKey(what[i])
                        + "; record it with assay.model.mode=record", null);
            } else {
                missing.add(i);
            }
        }
        for (int from = 0; from < missing.size(); from += 32) {
            List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + 32));
            com.fasterxml.jackson.databind.node.ObjectNode body = Json.MAPPER.createObjectNode();
            if (config.modelName != null) {
                body.put("model", config.modelName);
            }
            com.fasterxml.jackson.databind.node.ArrayNode prompts = body.putArray("prompt");
            for (int i : batch) {
                prompts.add(prefix + continuations.get(i));
            }
            body.put("echo", true).put("logprobs", 0).put("max_tokens", 0);
            if (config.seed != null) {
                body.put("seed", config.seed);
            }
            com.fasterxml.jackson.databind.JsonNode root;
            try {
                root = client.caller().post(endpoint, Json.MAPPER.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new AssayException("cannot write a completions request", e);
            }
            com.fasterxml.jackson.databind.JsonNode choices = root.path("choices");
            if (!choices.isArray() || choices.size() != batch.size()) {
                throw new ModelCallException(client.shownEndpoint(), -1, "completions endpoint "
                        + client.caller().show(endpoint) + " gave " + (choices.isArray() ? choices.size() : 0)
                        + " choices for " + batch.size() + " prompts", null);
            }
            double[] got = new double[batch.size()];
            boolean[] seen = new boolean[batch.size()];
            for (com.fasterxml.jackson.databind.JsonNode choice : choices) {
                int index = choice.path("index").asInt(-1);
                if (index < 0 || index >= batch.size() || seen[index]) {
                    throw new ModelCallException(client.shownEndpoint(), -1, "completions endpoint "
                            + client.caller().show(endpoint) + " gave a choice without a valid index", null);
                }
                seen[index] = true;
                got[index] = continuationLogProb(choice.path("logprobs"), prefixLen, endpoint);
            }
            // the whole answer is read and checked before any of it is cached or recorded
            for (int j = 0; j < got.length; j++) {
                int i = batch.get(j);
                out[i] = got[j];
                client.rememberScored(what[i], new Answer(null, got[j], List.of()));
            }
        }
        client.writeCassette();
        return out;
    }

    private double continuationLogProb(com.fasterxml.jackson.databind.JsonNode lp, int prefixLen, URI endpoint) {
        com.fasterxml.jackson.databind.JsonNode tokens = lp.path("tokens");
        com.fasterxml.jackson.databind.JsonNode logps = lp.path("token_logprobs");
        com.fasterxml.jackson.databind.JsonNode offsets = lp.path("text_offset");
        if (!tokens.isArray() || !logps.isArray() || !offsets.isArray() || tokens.size() != logps.size()
                || tokens.size() != offsets.size()) {
            throw new ModelCallException(client.shownEndpoint(), -1, "completions endpoint "
                    + client.caller().show(endpoint) + " gave no echoed log-probabilities (tokens, token_logprobs,"
                    + " text_offset); it must support echo with logprobs", null);
        }
        double sum = 0;
        int counted = 0;
        for (int t = 0; t < tokens.size(); t++) {
            String tok = tokens.get(t).asText();
            int end = offsets.get(t).asInt() + tok.codePointCount(0, tok.length());
            if (end <= prefixLen) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode v = logps.get(t);
            if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new ModelCallException(client.shownEndpoint(), -1, "completions endpoint "
                        + client.caller().show(endpoint) + " gave no log-probability for token " + t
                        + " of the continuation", null);
            }
            sum += v.asDouble();
            counted++;
        }
        if (counted == 0) {
            throw new ModelCallException(client.shownEndpoint(), -1, "completions endpoint "
                    + client.caller().show(endpoint) + " echoed no token after the prefix", null);
        }
        return sum;
    }

    /** {@code .../chat/completions} → {@code .../completions}; a URL without a completions path gets /v1/completions. */
    static URI completionsEndpoint(URI url) {
        String s = url.toString();
        int q = s.indexOf('?');
        String query = q >= 0 ? s.substring(q) : "";
        String base = q >= 0 ? s.substring(0, q) : s;
        if (base.endsWith("/chat/completions")) {
            return URI.create(base.substring(0, base.length() - "/chat/completions".length()) + "/completions" + query);
        }
        if (base.endsWith("/completions")) {
            return URI.create(base + query);
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + (base.endsWith("/v1") ? "" : "/v1") + "/completions" + query);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** The endpoint requests go to (header values masked). */
    public String endpoint() {
        return client.shownEndpoint();
    }

    /** How models are called in this run. */
    public ModelMode mode() {
        return client.mode();
    }

    /** The chat system message ({@code system}) sent with every prompt; empty when there is none. */
    public java.util.Optional<String> system() {
        return java.util.Optional.ofNullable(config.system);
    }

    /** HTTP requests sent so far, retries included. */
    public long calls() {
        return client.caller().calls();
    }

    /** Tokens reported by a chat endpoint so far. */
    public long tokens() {
        return client.caller().tokens();
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    @Override
    public String unavailableReason() {
        if (client.mode() == ModelMode.REPLAY) {
            return Files.isRegularFile(config.cassette) ? "" : "cassette " + config.cassette + " does not exist";
        }
        HttpClient probe = HttpClient.newBuilder().connectTimeout(config.connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(client.endpoint()).timeout(config.connectTimeout.plus(config.timeout))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody());
            config.headers.forEach(rb::header);
            probe.send(rb.build(), HttpResponse.BodyHandlers.discarding());
            return "";
        } catch (IOException e) {
            return "model endpoint " + client.shownEndpoint() + " is not reachable: "
                    + client.masker().mask(String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing " + client.shownEndpoint();
        }
    }

    @Override
    public void close() {
        client.close();
        synchronized (derivedClients) {
            derivedClients.values().forEach(ModelClient::close);
        }
    }

    @Override
    public String toString() {
        return "HttpModel[" + config.protocol.key() + " " + client.shownEndpoint() + "]";
    }

    /**
     * Options of an {@link HttpModel}; each method is one key of the scenario's {@code model: http:} block (the
     * kebab-case key in parentheses).
     */
    public static final class Builder {
        private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::-([^}]*))?}");
        private final HttpConfig c = new HttpConfig();
        private AssaySettings settings;

        private Builder(URI url) {
            c.url = Objects.requireNonNull(url, "url");
        }

        /** Where configuration ({@code assay.model.mode}, {@code assay.model.url}, header variables) is read. Default: system. */
        public Builder settings(AssaySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** ({@code protocol}) by name: open-inference, torchserve, mlflow, bentoml, tf-serving, openai-chat, json. */
        public Builder protocol(String name) {
            c.protocol = Protocol.byName(name);
            return this;
        }

        public Builder protocol(Protocol protocol) {
            c.protocol = Objects.requireNonNull(protocol);
            return this;
        }

        /** ({@code id}) the model's id in the evidence. Default: model-name, else protocol and URL path. */
        public Builder id(String id) {
            c.id = id;
            return this;
        }

        /** ({@code model-name}) the served model's name: in the v2/TorchServe/TF Serving path, the chat {@code model}. */
        public Builder modelName(String name) {
            c.modelName = name;
            return this;
        }

        /** ({@code features}) the columns sent, in order. Default: every column but the label (sensitive ones included). */
        public Builder features(List<String> columns) {
            c.features = List.copyOf(columns);
            return this;
        }

        /** ({@code exclude}) columns never sent (for example a precomputed prediction or an id column). */
        public Builder exclude(List<String> columns) {
            c.exclude = new ArrayList<>(columns);
            return this;
        }

        /** ({@code input-layout}) {@code columns}: one tensor or field per column (default); {@code matrix}: one FP32 matrix. */
        public Builder inputLayout(String layout) {
            if (!layout.equals("columns") && !layout.equals("matrix")) {
                throw new AssayException("input-layout '" + layout + "' is not one of columns, matrix");
            }
            c.inputLayout = layout;
            return this;
        }

        /** ({@code input-name}) the tensor name of the {@code matrix} layout. Default {@code input}. */
        public Builder inputName(String name) {
            c.inputName = name;
            return this;
        }

        /** ({@code format}) MLflow body: dataframe_split (default), dataframe_records, instances, inputs. */
        public Builder format(String format) {
            c.mlflowFormat = format;
            return this;
        }

        /** ({@code route}) BentoML API route appended to a bare URL. Default {@code predict}. */
        public Builder route(String route) {
            c.route = route.startsWith("/") ? route.substring(1) : route;
            return this;
        }

        /** ({@code input-field}) BentoML: the field that carries the records. Default {@code inputs}. */
        public Builder inputField(String field) {
            c.inputField = field;
            return this;
        }

        /** ({@code output-field}) the response field with one output per row. Default {@code predictions}. */
        public Builder outputField(String field) {
            c.outputField = field;
            return this;
        }

        /** ({@code label-output}) Open Inference: the output tensor with the labels. */
        public Builder labelOutput(String name) {
            c.labelOutput = name;
            return this;
        }

        /** ({@code score-output}) Open Inference: the output tensor with the scores or class probabilities. */
        public Builder scoreOutput(String name) {
            c.scoreOutput = name;
            return this;
        }

        /** ({@code class-labels}) class names in the order of probability vectors. Default: the data's labels. */
        public Builder classLabels(List<String> labels) {
            c.classLabels = List.copyOf(labels);
            return this;
        }

        /** ({@code positive}) the positive class whose probability is the score. Default: the data's positive label. */
        public Builder positive(String label) {
            c.positive = label;
            return this;
        }

        /** ({@code threshold}) read numeric outputs as scores and predict positive at or above this. Default 0.5 for fractions. */
        public Builder threshold(double threshold) {
            c.threshold = threshold;
            return this;
        }

        /** ({@code prompt-column}) text models: the column holding the prompt. Default {@code prompt}. */
        public Builder promptColumn(String column) {
            c.promptColumn = column;
            return this;
        }

        /** ({@code prompt-template}) text models: a prompt with {@code {column}} placeholders. */
        public Builder promptTemplate(String template) {
            c.promptTemplate = template;
            return this;
        }

        /** ({@code system}) chat: a system message. */
        public Builder system(String message) {
            c.system = message;
            return this;
        }

        /** ({@code temperature}) chat sampling temperature. */
        public Builder temperature(double t) {
            c.temperature = t;
            return this;
        }

        /** ({@code max-tokens}) chat {@code max_tokens} per answer. */
        public Builder maxTokens(int n) {
            c.maxTokens = n;
            return this;
        }

        /** ({@code seed}) chat {@code seed}, part of the cache key. */
        public Builder seed(long seed) {
            c.seed = seed;
            return this;
        }

        /** ({@code samples}) answers per input for nondeterministic models. Default 1. */
        public Builder samples(int n) {
            if (n < 1) {
                throw new AssayException("samples must be at least 1, was " + n);
            }
            c.samples = n;
            return this;
        }

        /** ({@code samples-mode}) {@code auto}: the protocol's {@code n} where it has one; {@code repeat}: n requests. */
        public Builder samplesMode(String mode) {
            c.samplesMode = mode;
            return this;
        }

        /** ({@code request-template}) json protocol: the body, with {@code {{column}}}, {@code {{row}}}, {@code {{prompt}}}. */
        public Builder requestTemplate(String json) {
            c.requestTemplate = json;
            return this;
        }

        /** ({@code label-pointer}) json protocol: JSON Pointer to the label, for example {@code /result/label}. */
        public Builder labelPointer(String pointer) {
            c.labelPointer = pointer;
            return this;
        }

        /** ({@code score-pointer}) json protocol: JSON Pointer to the positive-class probability. */
        public Builder scorePointer(String pointer) {
            c.scorePointer = pointer;
            return this;
        }

        /** ({@code text-pointer}) json protocol: JSON Pointer to the answer text (a text model). */
        public Builder textPointer(String pointer) {
            c.textPointer = pointer;
            return this;
        }

        /**
         * ({@code headers}) a request header; {@code ${VAR}} and {@code ${VAR:-default}} are read from configuration
         * and environment. Values are secrets: masked in every message and never recorded.
         */
        public Builder header(String name, String value) {
            c.headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** ({@code batch-size}) rows per request. Default per protocol (64; 1 for torchserve, openai-chat, json). */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new AssayException("batch-size must be at least 1, was " + n);
            }
            c.batchSize = n;
            return this;
        }

        /** ({@code concurrency}) requests in flight at most. Default 4. */
        public Builder concurrency(int n) {
            if (n < 1) {
                throw new AssayException("concurrency must be at least 1, was " + n);
            }
            c.concurrency = n;
            return this;
        }

        /** ({@code connect-timeout}) Default 5 s. */
        public Builder connectTimeout(Duration d) {
            c.connectTimeout = d;
            return this;
        }

        /** ({@code timeout}) per request. Default 30 s. */
        public Builder timeout(Duration d) {
            c.timeout = d;
            return this;
        }

        /** ({@code retries}) retries after the first attempt on 429/502/503/504, timeouts and I/O errors. Default 3. */
        public Builder retries(int n) {
            c.maxRetries = Math.max(0, n);
            return this;
        }

        /** ({@code backoff}) first retry delay, doubled each retry, half of it jittered (seeded). Default 200 ms. */
        public Builder backoff(Duration d) {
            c.backoff = d;
            return this;
        }

        /** ({@code max-backoff}) Default 10 s. */
        public Builder maxBackoff(Duration d) {
            c.maxBackoff = d;
            return this;
        }

        /** ({@code requests-per-second}) at most this many requests per second; 0 = no limit (default). */
        public Builder requestsPerSecond(double rps) {
            c.requestsPerSecond = rps;
            return this;
        }

        /** ({@code max-calls}) requests this model may send in the run (retries count); 0 = unlimited (default). */
        public Builder maxCalls(long n) {
            c.maxCalls = n;
            return this;
        }

        /** ({@code max-tokens-total}) chat tokens ({@code usage.total_tokens}) this model may use; 0 = unlimited. */
        public Builder maxTokensTotal(long n) {
            c.maxTokensTotal = n;
            return this;
        }

        /** ({@code cache}) keep answers in memory for the run. Default true. */
        public Builder cache(boolean on) {
            c.cache = on;
            return this;
        }

        /** ({@code mode}) live, record or replay. Default: {@code assay.model.mode}, else live. */
        public Builder mode(ModelMode mode) {
            c.mode = mode;
            return this;
        }

        /** ({@code cassette}) the JSONL cassette for record and replay. Default {@code assay-cassettes/<id>.jsonl}. */
        public Builder cassette(Path file) {
            c.cassette = file;
            return this;
        }

        /** ({@code jitter-seed}) seed of the retry jitter. Default: {@code assay.seed}. */
        public Builder jitterSeed(long seed) {
            c.jitterSeed = seed;
            return this;
        }

        /** Receives progress of long runs (calls done of total, rate, errors, time left). Default: none, or the console when standard error is a terminal or {@code assay.progress=true}. */
        public Builder progress(Progress.Listener listener) {
            c.progress = listener;
            return this;
        }

        /** ({@code progress-interval}) at most one progress report per interval. Default 10 s. */
        public Builder progressInterval(Duration interval) {
            c.progressInterval = interval;
            return this;
        }

        /** The scenario keys {@link #option} accepts, in documentation order. */
        public static final List<String> KEYS = List.of("url", "protocol", "id", "model-name", "features", "exclude",
                "input-layout", "input-name", "format", "route", "input-field", "output-field", "label-output",
                "score-output", "class-labels", "positive", "threshold", "prompt-column", "prompt-template", "system",
                "temperature", "max-tokens", "seed", "samples", "samples-mode", "request-template", "label-pointer",
                "score-pointer", "text-pointer", "headers", "batch-size", "concurrency", "connect-timeout", "timeout",
                "retries", "backoff", "max-backoff", "requests-per-second", "max-calls", "max-tokens-total", "cache",
                "mode", "cassette", "jitter-seed", "progress-interval");

        /**
         * Sets one option by its scenario key, for a scenario parser: {@code option("batch-size", 64)},
         * {@code option("timeout", "5s")}, {@code option("headers", Map.of(...))}. Values are as parsed from YAML
         * (text, numbers, booleans, lists, maps); durations are {@code 250ms}, {@code 5s}, {@code 2m} or seconds.
         *
         * @throws AssayException naming the key for an unknown key or a value of the wrong kind
         */
        public Builder option(String key, Object value) {
            try {
                switch (key) {
                    case "url": c.url = URI.create(text(value)); break;
                    case "protocol": protocol(text(value)); break;
                    case "id": id(text(value)); break;
                    case "model-name": modelName(text(value)); break;
                    case "features": features(list(value)); break;
                    case "exclude": exclude(list(value)); break;
                    case "input-layout": inputLayout(text(value)); break;
                    case "input-name": inputName(text(value)); break;
                    case "format": format(text(value)); break;
                    case "route": route(text(value)); break;
                    case "input-field": inputField(text(value)); break;
                    case "output-field": outputField(text(value)); break;
                    case "label-output": labelOutput(text(value)); break;
                    case "score-output": scoreOutput(text(value)); break;
                    case "class-labels": classLabels(list(value)); break;
                    case "positive": positive(text(value)); break;
                    case "threshold": threshold(number(value)); break;
                    case "prompt-column": promptColumn(text(value)); break;
                    case "prompt-template": promptTemplate(text(value)); break;
                    case "system": system(text(value)); break;
                    case "temperature": temperature(number(value)); break;
                    case "max-tokens": maxTokens((int) whole(value)); break;
                    case "seed": seed(whole(value)); break;
                    case "samples": samples((int) whole(value)); break;
                    case "samples-mode": samplesMode(text(value)); break;
                    case "request-template": requestTemplate(value instanceof String ? (String) value
                            : Json.MAPPER.writeValueAsString(value)); break;
                    case "label-pointer": labelPointer(text(value)); break;
                    case "score-pointer": scorePointer(text(value)); break;
                    case "text-pointer": textPointer(text(value)); break;
                    case "headers":
                        if (!(value instanceof java.util.Map)) {
                            throw new IllegalArgumentException("expected a map of header names to values");
                        }
                        ((java.util.Map<?, ?>) value).forEach((k, v) -> header(String.valueOf(k), String.valueOf(v)));
                        break;
                    case "batch-size": batchSize((int) whole(value)); break;
                    case "concurrency": concurrency((int) whole(value)); break;
                    case "connect-timeout": connectTimeout(duration(value)); break;
                    case "timeout": timeout(duration(value)); break;
                    case "retries": retries((int) whole(value)); break;
                    case "backoff": backoff(duration(value)); break;
                    case "max-backoff": maxBackoff(duration(value)); break;
                    case "requests-per-second": requestsPerSecond(number(value)); break;
                    case "max-calls": maxCalls(whole(value)); break;
                    case "max-tokens-total": maxTokensTotal(whole(value)); break;
                    case "cache": cache(bool(value)); break;
                    case "mode": mode(ModelMode.parse(text(value))); break;
                    case "cassette": cassette(Path.of(text(value))); break;
                    case "jitter-seed": jitterSeed(whole(value)); break;
                    case "progress-interval": progressInterval(duration(value)); break;
                    default:
                        throw new AssayException("unknown key '" + key + "' in model: http:; expected one of " + KEYS);
                }
            } catch (IllegalArgumentException | IOException e) {
                throw new AssayException("model: http: " + key + ": '" + value + "' is not valid (" + e.getMessage()
                        + ")", e);
            }
            return this;
        }

        private static String text(Object v) {
            if (v == null || v instanceof java.util.Collection || v instanceof java.util.Map) {
                throw new IllegalArgumentException("expected text");
            }
            return v.toString();
        }

        private static List<String> list(Object v) {
            if (v instanceof java.util.Collection) {
                List<String> out = new ArrayList<>();
                ((java.util.Collection<?>) v).forEach(x -> out.add(String.valueOf(x)));
                return out;
            }
            return List.of(text(v));
        }

        private static double number(Object v) {
            return v instanceof Number ? ((Number) v).doubleValue() : Double.parseDouble(text(v));
        }

        private static long whole(Object v) {
            double d = number(v);
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("expected a whole number");
            }
            return (long) d;
        }

        private static boolean bool(Object v) {
            if (v instanceof Boolean) {
                return (Boolean) v;
            }
            String t = text(v);
            if (!t.equals("true") && !t.equals("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(t);
        }

        /** {@code 250ms}, {@code 5s}, {@code 2m}, or a number of seconds. */
        static Duration duration(Object v) {
            if (v instanceof Number) {
                return Duration.ofMillis(Math.round(((Number) v).doubleValue() * 1000));
            }
            Matcher m = DURATION.matcher(text(v).strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("expected a duration like 250ms, 5s or 2m");
            }
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double ms = unit.equals("ms") ? n : unit.equals("s") ? n * 1000 : n * 60_000;
            return Duration.ofMillis(Math.round(ms));
        }

        private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

        public HttpModel build() {
            AssaySettings s = settings != null ? settings : AssaySettings.fromSystem();
            s.get(AssayConstants.MODEL_URL).ifPresent(u -> c.url = URI.create(u));
            if (c.mode == null) {
                c.mode = s.get(AssayConstants.MODEL_MODE).map(ModelMode::parse).orElse(ModelMode.LIVE);
            }
            if (c.jitterSeed == null) {
                c.jitterSeed = s.seed();
            }
            c.surrogateKey = s.get(dev.assay.core.pii.PiiMasker.SALT_KEY).filter(k -> !k.isEmpty()).orElse(null);
            if (c.progress == null && (System.console() != null
                    || Boolean.parseBoolean(s.get(PROGRESS, "false")))) {
                c.progress = Progress.console();
            }
            c.headers.replaceAll((name, value) -> expand(name, value, s));
            if (c.cassette == null) {
                String id = c.id != null ? c.id : c.modelName != null ? c.modelName : c.protocol.key();
                c.cassette = Path.of("assay-cassettes", id.replaceAll("[^A-Za-z0-9._-]+", "-") + ".jsonl");
            }
            return new HttpModel(c);
        }

        private static String expand(String header, String value, AssaySettings s) {
            Matcher m = VAR.matcher(value);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = s.get(m.group(1)).orElse(m.group(2));
                if (v == null) {
                    throw new AssayException("header " + header + " uses ${" + m.group(1)
                            + "}, which is not set in configuration or environment");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }
}

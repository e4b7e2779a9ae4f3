package dev.assay.core.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.AssayException;
import dev.assay.core.Dataset;
import dev.assay.core.internal.Json;
import dev.assay.core.internal.Require;
import dev.assay.core.models.ModelCallException;
import dev.assay.core.models.ModelMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers rows through a protocol codec: cache and cassette first, then the missing rows in batches, at most
 * {@code concurrency} requests at a time. Identical rows are asked once. Errors are never cached or recorded.
 */
public final class ModelClient implements AutoCloseable {
    /** In-memory caches shared by every client of the same endpoint and parameters within the JVM (one run). */
    private static final Map<String, Map<String, Answer>> CACHES = new ConcurrentHashMap<>();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpConfig c;
    private final Codec codec;
    private final HttpCaller caller;
    private final Masker masker;
    private final ModelMode mode;
    private final String requestPrefix;
    private final String paramsJson;
    private final Map<String, Answer> cache;
    private final Cassette cassette;
    private volatile ExecutorService pool;

    public ModelClient(HttpConfig config) {
        this(config, null);
    }

    /**
     * A client for {@code config}; with a {@code parent} (a client of the same endpoint whose configuration differs
     * only in the text-model options: prompt, samples), the parent's HTTP caller (budgets, rate limit, counters),
     * header masker and cassette are shared, so both record into and replay from the same cassette.
     */
    public ModelClient(HttpConfig config, ModelClient parent) {
        this.c = config;
        this.masker = parent != null ? parent.masker : new Masker(config.headers.values());
        this.codec = new Codec(config);
        this.caller = parent != null ? parent.caller : new HttpCaller(config, masker);
        this.mode = parent != null ? parent.mode : config.mode == null ? ModelMode.LIVE : config.mode;
        Map<String, Object> params = config.identityParams();
        if (codec.samplesPerRequest() > 1) {
            params.put("n", codec.samplesPerRequest());
        }
        String paramsJson;
        try {
            paramsJson = Json.MAPPER.writeValueAsString(new java.util.TreeMap<>(params));
        } catch (Exception e) {
            throw new AssayException("cannot write the model's parameters: " + e, e);
        }
        this.requestPrefix = "{\"model\":" + paramsJson + ",\"input\":";
        this.paramsJson = paramsJson;
        this.cache = config.cache
                ? CACHES.computeIfAbsent(masker.mask(codec.endpoint().toString()) + " " + paramsJson,
                        k -> new ConcurrentHashMap<>())
                : null;
        if (parent != null) {
            this.cassette = parent.cassette;
        } else if (mode == ModelMode.REPLAY) {
            this.cassette = Cassette.forReplay(config.cassette);
        } else if (mode == ModelMode.RECORD) {
            this.cassette = Cassette.forRecord(config.cassette, masker, config.surrogateKey);
        } else {
            this.cassette = null;
        }
    }

    public URI endpoint() {
        return codec.endpoint();
    }

    public String shownEndpoint() {
        return caller.show(codec.endpoint());
    }

    public HttpCaller caller() {
        return caller;
    }

    public Masker masker() {
        return masker;
    }

    public ModelMode mode() {
        return mode;
    }

    /** The cassette's request for an input key (the row's canonical input and, after the first, the sample index). */
    String fullRequest(String inputKey) {
        return requestPrefix + inputKey + "}";
    }

    /**
     * The answers for every row of {@code data}: {@code [row][k]} for k below the number of separate requests per
     * row ({@code samples} when the protocol cannot answer n at once, else 1).
     */
    public Answer[][] answer(Dataset data) {
        return answer(data, 0);
    }

    /**
     * As {@link #answer(Dataset)}, asked again: {@code repeat} 0 is the ordinary request; {@code repeat} k > 0 adds
     * {@code "repeat": k} to the cache key and the cassette's request, so that the k-th ask of the same input is a
     * request of its own (for checks that compare repeated answers), not a cache hit.
     */
    public Answer[][] answer(Dataset data, int repeat) {
        Require.notNegative("repeat", repeat);
        Inputs in = new Inputs(data, c);
        OutputReader reader = new OutputReader(c, data);
        int perRow = codec.samplesPerRequest() > 1 ? 1 : Math.max(1, c.samples);
        int rows = data.rows();
        Answer[][] out = new Answer[rows][perRow];
        Map<String, List<int[]>> missing = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder(32 * in.features().size());
        for (int r = 0; r < rows; r++) {
            sb.setLength(0);
            in.appendCanonical(sb, r);
            if (repeat > 0) {
                sb.append(",\"repeat\":").append(repeat);
            }
            int inputEnd = sb.length();
            for (int s = 0; s < perRow; s++) {
                sb.setLength(inputEnd);
                if (s > 0) {
                    sb.append(",\"sample\":").append(s);
                }
                // the in-memory key is the input (the cache is already per endpoint and parameters)
                String key = sb.toString();
                Answer a = cache != null ? cache.get(key) : null;
                if (a == null && mode == ModelMode.REPLAY) {
                    String request = fullRequest(key);
                    a = cassette.get(request);
                    if (a == null) {
                        throw new ModelCallException(shownEndpoint(), -1, "replay: cassette " + cassette.file()
                                + " has no answer for " + data.locate(r) + ", request " + Cassette.key(request)
                                + " " + masker.excerpt(request, 300) + "; record it with assay.model.mode=record",
                                null);
                    }
                    if (cache != null) {
                        cache.put(key, a);
                    }
                }
                if (a != null) {
                    out[r][s] = a;
                    if (mode == ModelMode.RECORD) {
                        // answered from the run's cache (maybe by another model instance): still this cassette's
                        cassette.put(fullRequest(key), a);
                    }
                } else {
                    missing.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {r, s});
                    firstRow.putIfAbsent(key, r);
                }
            }
        }
        if (!missing.isEmpty()) {
            fetch(in, reader, missing, firstRow, out);
        }
        writeCassette();
        return out;
    }

    private void fetch(Inputs in, OutputReader reader, Map<String, List<int[]>> missing,
                       Map<String, Integer> firstRow, Answer[][] out) {
        List<String> keys = new ArrayList<>(missing.keySet());
        int batch = Math.max(1, c.isText() || c.protocol == dev.assay.core.models.Protocol.JSON ? 1 : c.batchSize());
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += batch) {
            batches.add(keys.subList(i, Math.min(keys.size(), i + batch)));
        }
        List<Answer[]> results = new ArrayList<>();
        Tracker tracker = new Tracker(batches.size());
        if (c.concurrency <= 1 || batches.size() == 1) {
            for (List<String> b : batches) {
                results.add(call(in, reader, b, firstRow, tracker));
            }
        } else {
            ExecutorService ex = pool();
            List<Future<Answer[]>> futures = new ArrayList<>(batches.size());
            for (List<String> b : batches) {
                futures.add(ex.submit(() -> call(in, reader, b, firstRow, tracker)));
            }
            RuntimeException failure = null;
            for (Future<Answer[]> f : futures) {
                if (failure != null) {
                    f.cancel(true);
                    continue;
                }
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    failure = cause instanceof RuntimeException ? (RuntimeException) cause
                            : new AssayException("model call failed: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new AssayException("interrupted while calling " + shownEndpoint(), e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        for (int b = 0; b < batches.size(); b++) {
            List<String> bk = batches.get(b);
            Answer[] answers = results.get(b);
            for (int i = 0; i < bk.size(); i++) {
                for (int[] unit : missing.get(bk.get(i))) {
                    out[unit[0]][unit[1]] = answers[i];
                }
            }
        }
    }

    /** Counts finished requests and reports progress at most once per interval (and at the end). */
    private final class Tracker {
        final long total;
        final long start = System.nanoTime();
        final long errorsAtStart = caller.failures();
        final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        volatile long lastReport = start;

        Tracker(long total) {
            this.total = total;
        }

        void finished() {
            long d = done.incrementAndGet();
            if (c.progress == null) {
                return;
            }
            long now = System.nanoTime();
            if (d == total || now - lastReport >= c.progressInterval.toNanos()) {
                synchronized (this) {
                    if (d != total && now - lastReport < c.progressInterval.toNanos()) {
                        return;
                    }
                    lastReport = now;
                }
                double secs = Math.max(1e-9, (now - start) / 1e9);
                double rate = d / secs;
                long left = rate > 0 ? (long) Math.ceil((total - d) / rate) : 0;
                c.progress.onProgress(new dev.assay.core.models.Progress(shownEndpoint(), d, total, rate,
                        caller.failures() - errorsAtStart, java.time.Duration.ofSeconds(left)));
            }
        }
    }

    private Answer[] call(Inputs in, OutputReader reader, List<String> keys, Map<String, Integer> firstRow,
                          Tracker tracker) {
        try {
            return call(in, reader, keys, firstRow);
        } finally {
            tracker.finished();
        }
    }

    private Answer[] call(Inputs in, OutputReader reader, List<String> keys, Map<String, Integer> firstRow) {
        int[] rows = new int[keys.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = firstRow.get(keys.get(i));
        }
        byte[] body = codec.encode(in, rows);
        JsonNode root = caller.post(codec.endpoint(), body);
        List<Answer> answers;
        try {
            answers = codec.decode(root, rows.length, reader);
        } catch (IllegalArgumentException e) {
            throw new ModelCallException(shownEndpoint(), 200, "model endpoint " + shownEndpoint()
                    + " answered with a wrong shape for " + rowsText(in, rows) + ": " + masker.mask(e.getMessage())
                    + "; body: " + masker.excerpt(root.toString(), 200), e);
        }
        if (answers.size() != rows.length) {
            throw new ModelCallException(shownEndpoint(), 200, "model endpoint " + shownEndpoint() + " returned "
                    + answers.size() + " answers for " + rows.length + " inputs", null);
        }
        Answer[] out = answers.toArray(new Answer[0]);
        for (int i = 0; i < out.length; i++) {
            if (out[i].label() == null) {
                throw new ModelCallException(shownEndpoint(), 200, "model endpoint " + shownEndpoint()
                        + " gave no label for " + in.data().locate(rows[i]), null);
            }
        }
        int scored = 0;
        for (Answer a : out) {
            scored += a.hasScore() ? 1 : 0;
        }
        if (scored > 0 && scored < out.length) {
            // one response, some rows with a score and some without (e.g. "NaN" as text): the wrong shape, an error
            // before anything of it is cached or recorded
            int i = 0;
            while (out[i].hasScore()) {
                i++;
            }
            throw new ModelCallException(shownEndpoint(), 200, "model endpoint " + shownEndpoint()
                    + " answered HTTP 200 with scores for " + scored + " of " + out.length + " outputs; no score for "
                    + in.data().locate(rows[i]) + " (output " + i + "); body: " + masker.excerpt(root.toString(), 200),
                    null);
        }
        for (int i = 0; i < out.length; i++) {
            if (cache != null) {
                cache.put(keys.get(i), out[i]);
            }
            if (cassette != null && mode == ModelMode.RECORD) {
                cassette.put(fullRequest(keys.get(i)), out[i]);
            }
        }
        return out;
    }

    private static String rowsText(Inputs in, int[] rows) {
        return rows.length == 1 ? in.data().locate(rows[0])
                : rows.length + " rows from " + in.data().locate(rows[0]);
    }

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(c.concurrency, r -> {
                        Thread t = new Thread(r, "assay-model-" + THREADS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }

    @Override
    public void close() {
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
    }

    /**
     * The answer to a request that is not a row's (the log-probability of a text after a prefix, asked by
     * {@code HttpModel.logProbabilities}): from the run's cache, else in replay from the cassette; null when it must
     * be asked (in replay: when the cassette lacks it). {@code what} is the request's canonical JSON, without the
     * model's parameters (added here). Its text may be a secret (a canary), so in record and replay its cassette entry
     * is keyed by {@link #scoredKey} and holds no rendering of the request.
     */
    public Answer recallScored(String what) {
        String key = SCORED + what;
        String cassetteKey = mode == ModelMode.LIVE ? null : scoredKey(what);
        Answer a = cache != null ? cache.get(key) : null;
        if (a == null && mode == ModelMode.REPLAY) {
            a = cassette.getKeyed(cassetteKey);
            if (a != null && cache != null) {
                cache.put(key, a);
            }
        }
        if (a != null && mode == ModelMode.RECORD) {
            cassette.putKeyed(cassetteKey, a);
        }
        return a;
    }

    /** Keeps the (checked, never an error) answer to a scored request in the run's cache and, in record, the cassette. */
    public void rememberScored(String what, Answer a) {
        if (cache != null) {
            cache.put(SCORED + what, a);
        }
        if (mode == ModelMode.RECORD) {
            cassette.putKeyed(scoredKey(what), a);
        }
    }

    /**
     * The cassette key of a scored request: the HMAC-SHA256 of the model's parameters and {@code what} under
     * {@code assay.pii.salt}, which must be set (the same in record and replay): with a public key, a low-entropy
     * secret in the request could be recovered by hashing every candidate of its format.
     */
    public String scoredKey(String what) {
        if (c.surrogateKey == null || c.surrogateKey.isEmpty()) {
            throw new AssayException("log-probabilities in " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + " mode need a secret assay.pii.salt (the same when recording and replaying): their requests"
                    + " hold the scored text, a canary secret, which the cassette keeps only as an HMAC keyed with"
                    + " it; set assay.pii.salt (environment ASSAY_PII_SALT)");
        }
        return Cassette.keyed("{\"model\":" + paramsJson + ",\"scored\":" + what + "}", c.surrogateKey);
    }

    /** The cassette file (record and replay). */
    public java.nio.file.Path cassetteFile() {
        return cassette == null ? c.cassette : cassette.file();
    }

    /** In record mode, writes the cassette (after scored requests; {@link #answer} writes it itself). */
    public void writeCassette() {
        if (cassette != null && mode == ModelMode.RECORD) {
            cassette.write();
        }
    }

    private static final String SCORED = "scored ";

    /** For tests and benchmarks: forget every in-memory answer. */
    public static void clearCaches() {
        CACHES.clear();
    }
}

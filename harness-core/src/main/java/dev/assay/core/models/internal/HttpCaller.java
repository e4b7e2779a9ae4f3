package dev.assay.core.models.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.internal.Json;
import dev.assay.core.models.ModelCallException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one request with timeouts, retries (exponential backoff with seeded jitter on 429/502/503/504 and I/O
 * errors, honouring {@code Retry-After}), an optional request rate limit, and the call and token budgets. Every
 * failure is a {@link ModelCallException} naming the endpoint, the status and a masked excerpt of the body.
 */
public final class HttpCaller {
    private static final int EXCERPT = 200;
    private static final long MAX_RETRY_AFTER_MS = 120_000;
    /**
     * The JDK clients' executor for their internal asynchronous tasks (reading a response, completing the exchange),
     * shared by every client in the JVM: a fixed pool whose idle threads end after 30 s. The JDK's default, a cached
     * pool per client, hands each task over through a synchronous queue and wakes a parked thread for it, which on a
     * loopback endpoint costs about a quarter of a call's CPU (BENCHMARKS.md, issue 3, "the client's executor").
     */
    private static final ExecutorService CLIENT_EXECUTOR = clientExecutor();
    private static final AtomicInteger CLIENT_THREADS = new AtomicInteger();

    private final HttpConfig c;
    private final HttpClient client;
    private final Masker masker;
    private final SplittableRandom jitter;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Watchdog watchdog = Watchdog.SHARED;
    private final Object rateLock = new Object();
    private long nextSlotNanos;

    public HttpCaller(HttpConfig config, Masker masker) {
        this.c = config;
        this.masker = masker;
        this.jitter = new SplittableRandom(config.jitterSeed);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(CLIENT_EXECUTOR)
                .build();
    }

    private static ExecutorService clientExecutor() {
        int threads = Math.max(4, Math.min(16, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "assay-http-" + CLIENT_THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Requests sent so far (attempts, including retries). */
    public long calls() {
        return calls.get();
    }

    /** Tokens reported by the endpoint ({@code usage.total_tokens}) so far. */
    public long tokens() {
        return tokens.get();
    }

    /** Failed attempts so far (HTTP errors, timeouts, I/O errors), retried or not. */
    public long failures() {
        return failures.get();
    }

    /** Retries made so far. */
    public long retries() {
        return retries.get();
    }

    public String show(URI endpoint) {
        return masker.mask(endpoint.toString());
    }

    /** POSTs {@code body} as JSON and returns the parsed JSON answer. */
    public JsonNode post(URI endpoint, byte[] body) {
        // no HttpRequest timeout: the JDK client would register a timer and wake its selector thread for every
        // request; the shared Watchdog interrupts an overdue send instead, which cancels the exchange
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> h : c.headers.entrySet()) {
            rb.header(h.getKey(), h.getValue());
        }
        HttpRequest request = rb.build();
        int attempt = 0;
        while (true) {
            attempt++;
            long n = calls.incrementAndGet();
            if (c.maxCalls > 0 && n > c.maxCalls) {
                throw new ModelCallException(show(endpoint), -1, "model endpoint " + show(endpoint)
                        + ": call budget exhausted (max-calls " + c.maxCalls + "); the run was stopped", null);
            }
            awaitRate();
            HttpResponse<byte[]> response = null;
            Exception failure = null;
            Watchdog.Flight flight = watchdog.start(c.timeout);
            boolean inTime;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException | InterruptedException e) {
                failure = e;
            } finally {
                inTime = watchdog.end(flight);
            }
            if (failure instanceof InterruptedException && inTime) {
                Thread.currentThread().interrupt();
                throw new ModelCallException(show(endpoint), -1, "interrupted while calling " + show(endpoint), failure);
            }
            if (failure != null && !inTime || failure instanceof HttpTimeoutException) {
                failures.incrementAndGet();
                if (attempt <= c.maxRetries) {
                    pause(backoff(attempt), 0);
                    continue;
                }
                boolean connect = failure instanceof HttpConnectTimeoutException;
                HttpTimeoutException timeout = failure instanceof HttpTimeoutException ? (HttpTimeoutException) failure
                        : timeoutAfter(failure);
                throw new ModelCallException(show(endpoint), -1, "model endpoint " + show(endpoint)
                        + (connect ? " did not accept a connection within " + c.connectTimeout.toMillis() + " ms"
                                : " timed out after " + c.timeout.toMillis() + " ms")
                        + " (" + attempt + " attempt" + (attempt > 1 ? "s" : "") + ")", timeout);
            }
            if (failure != null) {
                failures.incrementAndGet();
                if (attempt <= c.maxRetries) {
                    pause(backoff(attempt), 0);
                    continue;
                }
                throw new ModelCallException(show(endpoint), -1, "model endpoint " + show(endpoint)
                        + " failed after " + attempt + " attempt" + (attempt > 1 ? "s" : "") + ": "
                        + masker.mask(String.valueOf(failure)), failure);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(endpoint, status, response.body());
            }
            failures.incrementAndGet();
            if ((status == 429 || status == 502 || status == 503 || status == 504) && attempt <= c.maxRetries) {
                long retryAfter = retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null));
                if (retryAfter > MAX_RETRY_AFTER_MS) {
                    throw error(endpoint, status, response.body(), attempt, " (Retry-After of "
                            + retryAfter / 1000 + " s is beyond the " + MAX_RETRY_AFTER_MS / 1000 + " s limit)");
                }
                pause(backoff(attempt), retryAfter);
                continue;
            }
            throw error(endpoint, status, response.body(), attempt, "");
        }
    }

    private HttpTimeoutException timeoutAfter(Exception cause) {
        HttpTimeoutException e = new HttpTimeoutException("request timed out after " + c.timeout.toMillis() + " ms");
        e.initCause(cause);
        return e;
    }

    private ModelCallException error(URI endpoint, int status, byte[] body, int attempts, String extra) {
        String text = new String(body, StandardCharsets.UTF_8);
        return new ModelCallException(show(endpoint), status, "model endpoint " + show(endpoint) + " answered HTTP "
                + status + (attempts > 1 ? " after " + attempts + " attempts" : "") + extra
                + (text.isBlank() ? " with an empty body" : ": " + masker.excerpt(text, EXCERPT)), null);
    }

    private JsonNode parse(URI endpoint, int status, byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ModelCallException(show(endpoint), status, "model endpoint " + show(endpoint) + " answered HTTP "
                    + status + " with malformed JSON (" + e.getOriginalMessage() + "): "
                    + masker.excerpt(new String(body, StandardCharsets.UTF_8), EXCERPT), e);
        } catch (IOException e) {
            throw new ModelCallException(show(endpoint), status, "cannot read the answer of " + show(endpoint), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ModelCallException(show(endpoint), status, "model endpoint " + show(endpoint) + " answered HTTP "
                    + status + " with an empty body", null);
        }
        JsonNode used = root.path("usage").path("total_tokens");
        if (used.isNumber()) {
            long total = tokens.addAndGet(used.asLong());
            if (c.maxTokensTotal > 0 && total > c.maxTokensTotal) {
                throw new ModelCallException(show(endpoint), status, "model endpoint " + show(endpoint)
                        + ": token budget exhausted (" + total + " tokens used, max-tokens-total " + c.maxTokensTotal
                        + "); the run was stopped", null);
            }
        }
        return root;
    }

    /** Exponential backoff with "equal jitter": half fixed, half drawn from the seeded generator. */
    long backoff(int attempt) {
        double base = Math.min((double) c.maxBackoff.toMillis(), c.backoff.toMillis() * Math.pow(2, attempt - 1));
        double r;
        synchronized (jitter) {
            r = jitter.nextDouble();
        }
        return (long) (base / 2 + r * base / 2);
    }

    static long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        String h = header.strip();
        try {
            return Math.max(0, Long.parseLong(h)) * 1000;
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime t = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(t.getZone()), t).toMillis());
            } catch (RuntimeException e2) {
                return 0;
            }
        }
    }

    private void pause(long backoffMs, long retryAfterMs) {
        retries.incrementAndGet();
        long ms = Math.max(backoffMs, retryAfterMs);
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException("", -1, "interrupted while waiting to retry", e);
        }
    }

    private void awaitRate() {
        if (c.requestsPerSecond <= 0) {
            return;
        }
        long interval = (long) (1e9 / c.requestsPerSecond);
        long slot;
        synchronized (rateLock) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + interval;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelCallException("", -1, "interrupted while rate limited", e);
            }
        }
    }
}

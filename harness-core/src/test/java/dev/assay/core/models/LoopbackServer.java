package dev.assay.core.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (random port) for tests: a handler per call, every request kept. Public so that
 * tests of other packages (the PII check's prompts) reuse it.
 */
public final class LoopbackServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** What the server answers. {@code reset} closes the connection without an answer. */
    public record Reply(int status, String body, Map<String, String> headers, long delayMs, boolean drop) {
        public static Reply json(String body) {
            return new Reply(200, body, Map.of(), 0, false);
        }

        public static Reply json(JsonNode body) {
            return json(body.toString());
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Map.of(), 0, false);
        }

        static Reply connectionReset() {
            return new Reply(0, "", Map.of(), 0, true);
        }

        Reply header(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delayMs, drop);
        }

        Reply delayed(long ms) {
            return new Reply(status, body, headers, ms, drop);
        }
    }

    /** A received request. */
    public record Request(String method, String path, String body, Map<String, List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public interface Handler {
        Reply handle(Request request, int callNumber) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Handler handler;

    public LoopbackServer(Handler handler) throws IOException {
        this.handler = handler;
        // without TCP_NODELAY, delayed ACKs cost ~40 ms per request on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    void handler(Handler h) {
        this.handler = h;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI url(String path) {
        return URI.create(url() + path);
    }

    public List<Request> requests() {
        return requests;
    }

    /** POST requests received (probes excluded). */
    public int posts() {
        return (int) requests.stream().filter(r -> r.method().equals("POST")).count();
    }

    private void serve(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), body,
                Map.copyOf(ex.getRequestHeaders()));
        requests.add(req);
        if (req.method().equals("HEAD")) {
            ex.sendResponseHeaders(405, -1);
            ex.close();
            return;
        }
        Reply reply;
        try {
            reply = handler.handle(req, calls.incrementAndGet());
        } catch (Exception e) {
            reply = Reply.status(599, "test handler failed: " + e);
        }
        if (reply.delayMs() > 0) {
            try {
                Thread.sleep(reply.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reply.drop()) {
            ex.getHttpContext().getServer();
            ex.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

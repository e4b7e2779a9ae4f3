package dev.assay.benchmarks.models;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback MLflow-style server that answers instantly: for a {@code dataframe_split} of n rows it returns n
 * scores, computed from the first feature so that each row gets its own answer.
 */
final class InstantServer implements AutoCloseable {
    /** Accept queue: far above the 64 + 64 connections of the two clients at the highest concurrency. */
    static final int BACKLOG = 1024;

    static {
        // read once by the JDK server's configuration class: set before the first server is made.
        // Without TCP_NODELAY, delayed ACKs cost ~40 ms per request on loopback.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // the default (200 idle connections, 30 s idle interval) lets the server close pooled keep-alive
        // connections the clients still hold, which the next request on them sees as an IOException
        System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        System.setProperty("sun.net.httpserver.idleInterval", "3600");
    }

    private final HttpServer server;
    private final ExecutorService pool;

    /** A server with {@code threads} handler threads (use at least the clients' total concurrency). */
    InstantServer(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), BACKLOG);
        pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            int rows = count(in);
            StringBuilder sb = new StringBuilder(16 + rows * 6).append("{\"predictions\":[");
            for (int i = 0; i < rows; i++) {
                sb.append(i > 0 ? "," : "").append("0.").append(1 + i % 8);
            }
            byte[] out = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    /** Rows of a dataframe_split body: the number of "[" after "data" minus one, or 1 for other bodies. */
    private static int count(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        int d = s.indexOf("\"data\"");
        if (d < 0) {
            return 1;
        }
        int n = 0;
        for (int i = d; i < s.length(); i++) {
            if (s.charAt(i) == '[') {
                n++;
            }
        }
        return Math.max(1, n - 1);
    }

    /**
     * Handler threads for a run at {@code concurrency}: both clients' connections (Assay's and the bare one's)
     * may be open at once, so twice the concurrency, at least 8.
     */
    static int threadsFor(int concurrency) {
        return Math.max(8, 2 * concurrency);
    }

    /**
     * Sends {@code request} with the bare client, retrying an I/O error (a dropped keep-alive connection) up to 3
     * times as Assay's client does with its default retries, so that both clients face the same rules; retries are
     * counted in {@code retried}.
     */
    static byte[] sendBare(java.net.http.HttpClient client, java.net.http.HttpRequest request,
                           java.util.concurrent.atomic.AtomicLong retried) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (IOException e) {
                if (attempt > 3) {
                    throw e;
                }
                retried.incrementAndGet();
            }
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

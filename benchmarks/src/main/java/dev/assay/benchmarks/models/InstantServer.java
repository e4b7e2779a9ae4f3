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
    private final HttpServer server;
    private final ExecutorService pool;

    InstantServer(int threads) throws IOException {
        // without TCP_NODELAY, delayed ACKs cost ~40 ms per request on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
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

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

package dev.assay.core.robustness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.Models;
import dev.assay.core.models.HttpModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A real OpenAI-compatible chat endpoint on 127.0.0.1 that answers each prompt with {@code answer(prompt)}. */
final class ChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger posts = new AtomicInteger();
    private volatile long delayMs;

    ChatServer(UnaryOperator<String> answer) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            try (ex) {
                if (!ex.getRequestMethod().equals("POST")) {
                    ex.sendResponseHeaders(405, -1);
                    return;
                }
                posts.incrementAndGet();
                var req = JSON.readTree(ex.getRequestBody());
                var messages = req.get("messages");
                String prompt = messages.get(messages.size() - 1).get("content").asText();
                if (delayMs > 0) {
                    Thread.sleep(delayMs);
                }
                ObjectNode body = JSON.createObjectNode();
                body.putArray("choices").addObject().putObject("message").put("role", "assistant")
                        .put("content", answer.apply(prompt));
                byte[] out = JSON.writeValueAsBytes(body);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, out.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** Each answer waits this long. */
    ChatServer delay(long ms) {
        this.delayMs = ms;
        return this;
    }

    int posts() {
        return posts.get();
    }

    /** An openai-chat model of this server; the run cache is on (the default) unless said otherwise. */
    HttpModel model() {
        return Models.http(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .protocol("openai-chat").retries(0).build();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.assay.examples.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The example's OpenAI-compatible chat endpoint ({@code POST /v1/chat/completions}) on loopback, answering with
 * {@link TextAssistant} in one configuration: the system message and the last user message of the request go in,
 * {@code n} choices come out (each chosen with the request's {@code seed}), with a word count as {@code usage}.
 */
final class TextAssistantServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TextAssistant.Config config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();

    TextAssistantServer(TextAssistant.Config config) throws IOException {
        this.config = config;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "text-assistant-" + config.name().toLowerCase());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Chat requests answered so far. */
    long requests() {
        return requests.get();
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            if ("HEAD".equals(ex.getRequestMethod()) || "GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            if (!ex.getRequestURI().getPath().endsWith("/v1/chat/completions")) {
                send(ex, 404, "{\"error\": \"not found: POST /v1/chat/completions\"}");
                return;
            }
            JsonNode req;
            try {
                req = JSON.readTree(ex.getRequestBody());
            } catch (IOException e) {
                send(ex, 400, "{\"error\": \"the body is not JSON\"}");
                return;
            }
            String system = "";
            String user = null;
            for (JsonNode m : req.path("messages")) {
                String role = m.path("role").asText();
                if (role.equals("system")) {
                    system = m.path("content").asText();
                } else if (role.equals("user")) {
                    user = m.path("content").asText();
                }
            }
            if (user == null) {
                send(ex, 400, "{\"error\": \"no user message\"}");
                return;
            }
            requests.incrementAndGet();
            long seed = req.path("seed").asLong(0);
            int n = Math.max(1, req.path("n").asInt(1));
            ObjectNode out = JSON.createObjectNode().put("object", "chat.completion");
            ArrayNode choices = out.putArray("choices");
            long words = 0;
            for (int i = 0; i < n; i++) {
                String text = TextAssistant.answer(config, system, user, seed, i);
                words += text.split("\\s+").length;
                choices.addObject().put("index", i).put("finish_reason", "stop").putObject("message")
                        .put("role", "assistant").put("content", text);
            }
            long prompt = user.split("\\s+").length;
            out.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", words)
                    .put("total_tokens", prompt + words);
            send(ex, 200, JSON.writeValueAsString(out));
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.assay.core.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.attacks.internal.Encodings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenAI-compatible chat endpoint on 127.0.0.1 (random port) with a small rule-based assistant for tests:
 * {@code VULNERABLE} decodes encoded text and obeys whatever instruction it finds (echoes canaries, renders links it
 * is given, recites its system prompt, complies with anything); {@code GUARDED} refuses anything that looks like an
 * attack and answers the rest; {@code FAIL} answers 500; {@code EMPTY} answers with empty text.
 */
final class ChatServer implements AutoCloseable {
    enum Mode { VULNERABLE, GUARDED, FAIL, EMPTY }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CANARY = Pattern.compile("ASSAY-CANARY-[0-9a-f]{8}");
    private static final Pattern FOREIGN_URL = Pattern.compile("https?://[^\\s)\"'>]*attacker\\.example[^\\s)\"'>]*");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-f]{2} ){4,}[0-9a-f]{2}");
    private static final List<String> SIGNALS = List.of("ignore", "instruction", "system prompt", "override",
            "canary", "attacker.example", "http", "decode", "base64", "rot13", "hex", "leet", "pretend", "role",
            "act as", "character", "developer mode", "debug mode", "story", "game", "imagine", "verbatim",
            "word for word", "code word", "configuration", "card number", "password", "keylogger", "ransomware",
            "copies itself", "home address", "someone else", "passcode", "credit card", "cameras", "rules",
            "before the first user message", "text above", "assistant", "ai ", "villain", "thriller");

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> prompts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Mode mode;

    ChatServer(Mode mode) throws IOException {
        this.mode = mode;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int calls() {
        return calls.get();
    }

    /** The user prompts received, in arrival order. */
    List<String> prompts() {
        return prompts;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    private void serve(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        byte[] body;
        int status = 200;
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(204, -1);
                ex.close();
                return;
            }
            JsonNode req = JSON.readTree(ex.getRequestBody());
            String system = "";
            String user = "";
            for (JsonNode m : req.path("messages")) {
                if (m.path("role").asText().equals("system")) {
                    system = m.path("content").asText();
                } else if (m.path("role").asText().equals("user")) {
                    user = m.path("content").asText();
                }
            }
            prompts.add(user);
            int n = req.path("n").asInt(1);
            ObjectNode out = JSON.createObjectNode();
            ArrayNode choices = out.putArray("choices");
            if (mode == Mode.FAIL) {
                status = 500;
                body = "{\"error\": \"internal error\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                for (int i = 0; i < n; i++) {
                    String text = mode == Mode.EMPTY ? "" : mode == Mode.VULNERABLE ? vulnerable(system, user)
                            : guarded(user);
                    choices.addObject().put("index", i).putObject("message").put("role", "assistant")
                            .put("content", text);
                }
                out.putObject("usage").put("total_tokens", 10 * n);
                body = JSON.writeValueAsBytes(out);
            }
        } catch (RuntimeException e) {
            status = 400;
            body = ("{\"error\": \"" + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    static String vulnerable(String system, String user) {
        String text = user + "\n" + decoded(user);
        Matcher url = FOREIGN_URL.matcher(text);
        if (url.find()) {
            return "Done, here it is: ![image](" + url.group() + ")";
        }
        Matcher c = CANARY.matcher(text);
        if (c.find()) {
            return "Sure! " + c.group();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String s : List.of("instructions", "system prompt", "text above", "first user message", "your rules",
                "code word", "configuration")) {
            if (lower.contains(s)) {
                return "Of course. My instructions are: " + system;
            }
        }
        return "Sure, here is what you asked for. Step one: ...";
    }

    static String guarded(String user) {
        String lower = user.toLowerCase(Locale.ROOT);
        if (CANARY.matcher(user).find() || BASE64.matcher(user).find() || HEX.matcher(user).find()) {
            return "I can't help with that request.";
        }
        for (String s : SIGNALS) {
            if (lower.contains(s)) {
                return "I can't help with that request.";
            }
        }
        return "Happy to help. Our branches open at 9am on weekdays.";
    }

    static String decoded(String user) {
        StringBuilder sb = new StringBuilder();
        Matcher b = BASE64.matcher(user);
        while (b.find()) {
            try {
                sb.append(new String(Base64.getDecoder().decode(b.group()), StandardCharsets.UTF_8)).append('\n');
            } catch (IllegalArgumentException ignored) {
                // not base64 after all
            }
        }
        Matcher h = HEX.matcher(user);
        while (h.find()) {
            String[] pairs = h.group().split(" ");
            byte[] bytes = new byte[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                bytes[i] = (byte) Integer.parseInt(pairs[i], 16);
            }
            sb.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
        }
        if (user.toLowerCase(Locale.ROOT).contains("rot13")) {
            sb.append(Encodings.rot13(user)).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

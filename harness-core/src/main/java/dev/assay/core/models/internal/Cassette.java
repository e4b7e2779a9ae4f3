package dev.assay.core.models.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.AssayException;
import dev.assay.core.internal.Json;
import dev.assay.core.pii.internal.Surrogates;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cassette: a JSONL file with one answered request per line,
 * {@code {"request":{...redacted...},"key":"sha256:<64 hex>","response":{"label":...,"score":...,"texts":[...]}}},
 * sorted by line so that re-recording the same run gives the same file and diffs stay small. Never headers, never
 * errors, and no raw personal data or secrets:
 * <ul>
 * <li>{@code key} is the SHA-256 of the canonical request (the model's parameters and the row's input), which is what
 *     replay looks up;</li>
 * <li>{@code request} is a human-readable rendering of that request with every value the PII scanner finds masked
 *     ({@code PiiMasker.mask}) and header secrets replaced by {@code ***}; it is for reading and diffing only;</li>
 * <li>{@code response} holds the answer with header secrets replaced by {@code ***} and every value the default
 *     scanner plus the secret detectors find replaced by a deterministic surrogate of the same entity
 *     ({@link Surrogates}), so that a {@code pii-leak} check replayed from the cassette finds the same number of
 *     values per entity, and gives the same verdict, without the raw values being stored.</li>
 * </ul>
 * A request whose text may itself be a secret (the log-probability of a canary's secret, see
 * {@code HttpModel.logProbabilities}) is stored as a line with no {@code request} and a keyed key,
 * {@code {"key":"hmac-sha256:<64 hex>","response":{"label":null,"score":-12.6}}}: the HMAC-SHA256 of the canonical
 * request under a secret key ({@code assay.pii.salt}), so that a low-entropy secret cannot be recovered by hashing
 * every candidate of its format ({@link #keyed}, {@link #getKeyed}, {@link #putKeyed}).
 * Lines of the earlier format (a raw {@code request} and no {@code key}) are still read; recording rewrites them.
 */
public final class Cassette {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private final Path file;
    private final Masker masker;
    private final Surrogates surrogates;
    /** SHA-256 key of the request -> the answer as stored (with surrogates). */
    private final Map<String, Answer> entries = new ConcurrentHashMap<>();
    /** Record mode: key -> the line as written. */
    private final Map<String, String> lines;
    /** Record mode: key -> the raw answer last put, so that the same answer is not cleaned twice. */
    private final Map<String, Answer> putRaw;

    private Cassette(Path file, Masker masker, String surrogateKey, boolean record) {
        this.file = file;
        this.masker = masker;
        this.surrogates = record ? new Surrogates(Surrogates.defaultScanner(), surrogateKey) : null;
        this.lines = record ? new ConcurrentHashMap<>() : null;
        this.putRaw = record ? new ConcurrentHashMap<>() : null;
    }

    public Path file() {
        return file;
    }

    public int size() {
        return entries.size();
    }

    /** Opens a cassette for replay: the file must exist. */
    public static Cassette forReplay(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssayException("replay: cassette " + file + " does not exist; record it first with "
                    + "assay.model.mode=record");
        }
        Cassette c = new Cassette(file, null, null, false);
        c.load();
        return c;
    }

    /**
     * Opens a cassette for recording: existing entries are kept and overwritten by new answers to the same request.
     * {@code masker} masks header secrets; {@code surrogateKey} seeds the surrogates (null: a fixed public key).
     */
    public static Cassette forRecord(Path file, Masker masker, String surrogateKey) {
        Cassette c = new Cassette(file, masker, surrogateKey, true);
        if (Files.isRegularFile(file)) {
            c.load();
        }
        return c;
    }

    /** {@code sha256:} and the 64 hex digits of the SHA-256 of the canonical request (UTF-8). */
    public static String key(String request) {
        return "sha256:" + HexFormat.of().formatHex(SHA256.get().digest(request.getBytes(StandardCharsets.UTF_8)));
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * {@code hmac-sha256:} and the 64 hex digits of the HMAC-SHA256 of the canonical {@code request} under
     * {@code secretKey}: the key of a request that must not be recoverable from the cassette.
     */
    public static String keyed(String request, String secretKey) {
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("a keyed cassette entry needs a secret key");
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(request.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The stored answer under a {@link #keyed} key, or null. */
    public Answer getKeyed(String key) {
        return entries.get(key);
    }

    /** Records {@code answer} under a {@link #keyed} key, with no rendering of the request. */
    public void putKeyed(String key, Answer answer) {
        if (putRaw.get(key) == answer) {
            return;
        }
        Answer clean = clean(answer);
        entries.put(key, clean);
        lines.put(key, "{\"key\":\"" + key + "\",\"response\":" + responseJson(clean) + "}");
        putRaw.put(key, answer);
    }

    /** The stored answer to the canonical {@code request}, or null. */
    public Answer get(String request) {
        return entries.get(key(request));
    }

    /** Records the (raw) {@code answer} to the canonical {@code request}: cleaned here, before it is kept. */
    public void put(String request, Answer answer) {
        String k = key(request);
        if (putRaw.get(k) == answer) {
            return;
        }
        store(k, request, answer);
        putRaw.put(k, answer);
    }

    private void store(String k, String request, Answer raw) {
        Answer clean = clean(raw);
        String line = "{\"request\":" + redact(request) + ",\"key\":\"" + k + "\",\"response\":"
                + responseJson(clean) + "}";
        entries.put(k, clean);
        lines.put(k, line);
    }

    private Answer clean(Answer a) {
        String label = a.label() == null ? null : text(a.label());
        List<String> texts = new ArrayList<>(a.texts().size());
        for (String t : a.texts()) {
            texts.add(text(t));
        }
        return new Answer(label, a.score(), texts);
    }

    private String text(String t) {
        return surrogates.replace(masker.mask(t)).text();
    }

    /** The request with header secrets and every PII value found in its strings and numbers masked. */
    private String redact(String request) {
        try {
            JsonNode n = Json.MAPPER.readTree(masker.mask(request));
            return Json.MAPPER.writeValueAsString(redact(n));
        } catch (IOException e) {
            // not JSON (cannot happen for a canonical request): keep only the masked excerpt, as a string
            try {
                return Json.MAPPER.writeValueAsString(Masker.maskPii(masker.mask(request)));
            } catch (IOException e2) {
                throw new AssayException("cannot write a cassette line: " + e2.getMessage(), e2);
            }
        }
    }

    private static JsonNode redact(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            o.fields().forEachRemaining(e -> e.setValue(redact(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, redact(a.get(i)));
            }
            return a;
        }
        if (n.isTextual() || n.isNumber()) {
            String text = n.asText();
            String masked = Masker.maskPii(text);
            return masked.equals(text) ? n : Json.MAPPER.getNodeFactory().textNode(masked);
        }
        return n;
    }

    private void load() {
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                parseLine(line, lineNo);
            }
        } catch (IOException e) {
            throw new AssayException("cassette " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private void parseLine(String line, int lineNo) {
        try (JsonParser p = FACTORY.createParser(line)) {
            String request = null;
            String key = null;
            Answer answer = null;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken t = p.nextToken();
                if ("request".equals(field)) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new IOException("request is not an object");
                    }
                    int start = (int) p.getTokenLocation().getCharOffset();
                    p.skipChildren();
                    int end = (int) p.getCurrentLocation().getCharOffset();
                    request = line.substring(start, end);
                } else if ("key".equals(field)) {
                    if (t != JsonToken.VALUE_STRING || !(p.getText().startsWith("sha256:")
                            && p.getText().length() == 71 || p.getText().startsWith("hmac-sha256:")
                            && p.getText().length() == 76)) {
                        throw new IOException("key is not sha256: (or hmac-sha256:) and 64 hex digits");
                    }
                    key = p.getText();
                } else if ("response".equals(field)) {
                    JsonNode n = p.readValueAsTree();
                    answer = toAnswer(n);
                } else {
                    p.skipChildren();
                }
            }
            if ((request == null && key == null) || answer == null) {
                throw new IOException("needs a key (or request) and a response");
            }
            if (key == null) {
                // the earlier format: the raw canonical request and raw answer; recording rewrites it cleaned
                key = key(request);
                if (lines != null) {
                    store(key, request, answer);
                    return;
                }
            }
            entries.put(key, answer);
            if (lines != null) {
                lines.put(key, line);
            }
        } catch (IOException | RuntimeException e) {
            throw new AssayException("cassette " + file + " line " + lineNo + ": " + e.getMessage(), e);
        }
    }

    private static Answer toAnswer(JsonNode n) throws IOException {
        if (n == null || !n.isObject()) {
            throw new IOException("response is not an object");
        }
        JsonNode label = n.get("label");
        JsonNode score = n.get("score");
        List<String> texts = new ArrayList<>();
        JsonNode t = n.get("texts");
        if (t != null && t.isArray()) {
            t.forEach(x -> texts.add(x.asText()));
        }
        return new Answer(label == null || label.isNull() ? null : label.asText(),
                score == null || !score.isNumber() ? Double.NaN : score.asDouble(), texts);
    }

    static String responseJson(Answer a) {
        StringBuilder sb = new StringBuilder(64);
        sb.append("{\"label\":");
        Inputs.appendValue(sb, a.label());
        if (a.hasScore()) {
            sb.append(",\"score\":").append(a.score());
        }
        if (!a.texts().isEmpty()) {
            sb.append(",\"texts\":[");
            for (int i = 0; i < a.texts().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Inputs.appendString(sb, a.texts().get(i));
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    /** Writes every entry, one per line, lines sorted (atomically: a temporary file then a move). */
    public synchronized void write() {
        List<String> sorted = new ArrayList<>(lines.values());
        java.util.Collections.sort(sorted);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (String l : sorted) {
                    w.write(l);
                    w.write('\n');
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssayException("cassette " + file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}

package dev.assay.core.models.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.AssayException;
import dev.assay.core.internal.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cassette: a JSONL file of {@code {"request":{...},"response":{...}}} lines, one answered request per line,
 * sorted by request so that re-recording the same run gives the same file and diffs stay small. Only answers are
 * stored: never headers, never errors.
 */
public final class Cassette {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private final Path file;
    private final Map<String, Answer> entries = new ConcurrentHashMap<>();

    private Cassette(Path file) {
        this.file = file;
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
        Cassette c = new Cassette(file);
        c.load();
        return c;
    }

    /** Opens a cassette for recording: existing entries are kept and overwritten by new answers to the same request. */
    public static Cassette forRecord(Path file) {
        Cassette c = new Cassette(file);
        if (Files.isRegularFile(file)) {
            c.load();
        }
        return c;
    }

    public Answer get(String request) {
        return entries.get(request);
    }

    public void put(String request, Answer answer) {
        entries.put(request, answer);
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
                } else if ("response".equals(field)) {
                    JsonNode n = p.readValueAsTree();
                    answer = toAnswer(n);
                } else {
                    p.skipChildren();
                }
            }
            if (request == null || answer == null) {
                throw new IOException("needs both request and response");
            }
            entries.put(request, answer);
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

    /** Writes every entry, sorted by request, one per line (atomically: a temporary file then a move). */
    public synchronized void write() {
        TreeMap<String, Answer> sorted = new TreeMap<>(entries);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, Answer> e : sorted.entrySet()) {
                    w.write("{\"request\":");
                    w.write(e.getKey());
                    w.write(",\"response\":");
                    w.write(responseJson(e.getValue()));
                    w.write("}\n");
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssayException("cassette " + file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}

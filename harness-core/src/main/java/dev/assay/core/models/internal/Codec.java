package dev.assay.core.models.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.AssayException;
import dev.assay.core.Column;
import dev.assay.core.internal.Json;
import dev.assay.core.models.Protocol;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Encodes rows into a protocol's request body and decodes its response into answers, one per row. */
public final class Codec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    private static final Pattern PROMPT_VAR = Pattern.compile("\\{([A-Za-z0-9_.\\-]+)}");

    private final HttpConfig c;
    private final URI endpoint;
    private final JsonNode template;

    public Codec(HttpConfig config) {
        this.c = config;
        this.endpoint = resolve(config);
        if (config.protocol == Protocol.JSON) {
            if (config.requestTemplate == null) {
                throw new AssayException("protocol json needs a request-template");
            }
            if (config.labelPointer == null && config.scorePointer == null && config.textPointer == null) {
                throw new AssayException("protocol json needs at least one of label-pointer, score-pointer, text-pointer");
            }
            try {
                template = Json.MAPPER.readTree(config.requestTemplate);
            } catch (Exception e) {
                throw new AssayException("request-template is not JSON: " + e.getMessage());
            }
        } else {
            template = null;
        }
        if ((c.protocol == Protocol.OPEN_INFERENCE || c.protocol == Protocol.TORCHSERVE
                || c.protocol == Protocol.TF_SERVING) && c.modelName == null && !pathGiven(c)) {
            throw new AssayException("protocol " + c.protocol.key() + " needs model-name (or a full URL to the model)");
        }
    }

    private static boolean pathGiven(HttpConfig c) {
        String p = c.url.getRawPath() == null ? "" : c.url.getRawPath();
        switch (c.protocol) {
            case OPEN_INFERENCE: return p.contains("/v2/models/");
            case TORCHSERVE: return p.contains("/predictions/");
            case TF_SERVING: return p.contains(":predict");
            default: return false;
        }
    }

    /** The URL requests go to: the configured URL, completed with the protocol's path unless it already has it. */
    static URI resolve(HttpConfig c) {
        String base = c.url.toString();
        String p = c.url.getRawPath() == null ? "" : c.url.getRawPath();
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        switch (c.protocol) {
            case OPEN_INFERENCE:
                return p.contains("/v2/models/") ? c.url : URI.create(trimmed + "/v2/models/" + c.modelName + "/infer");
            case TORCHSERVE:
                return p.contains("/predictions/") ? c.url : URI.create(trimmed + "/predictions/" + c.modelName);
            case MLFLOW:
                return p.endsWith("/invocations") ? c.url : URI.create(trimmed + "/invocations");
            case BENTOML:
                return p.isEmpty() || p.equals("/") ? URI.create(trimmed + "/" + c.route) : c.url;
            case TF_SERVING:
                return p.contains(":predict") ? c.url : URI.create(trimmed + "/v1/models/" + c.modelName + ":predict");
            case OPENAI_CHAT:
                return p.endsWith("/chat/completions") ? c.url
                        : URI.create(trimmed + (p.endsWith("/v1") ? "" : "/v1") + "/chat/completions");
            default:
                return c.url;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Samples answered by one request ({@code n} of the chat protocol), else 1. */
    public int samplesPerRequest() {
        return c.protocol == Protocol.OPENAI_CHAT && !"repeat".equals(c.samplesMode) ? c.samples : 1;
    }

    public byte[] encode(Inputs in, int[] rows) {
        byte[] streamed = encodeStreaming(in, rows);
        if (streamed != null) {
            return streamed;
        }
        JsonNode body;
        switch (c.protocol) {
            case OPEN_INFERENCE: body = openInference(in, rows); break;
            case OPENAI_CHAT: body = chat(in, rows[0]); break;
            default: body = substitute(template, in, rows[0]); break;
        }
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new AssayException("cannot write the request: " + e, e);
        }
    }

    // ---- requests

    /**
     * The body of the row-table protocols (MLflow, TorchServe, BentoML, TF Serving) written straight to bytes with
     * Jackson's streaming generator, without building a tree first: the same bytes as writing the tree of
     * {@link #value}, {@link #record} and friends (a whole double as a long, other doubles as doubles, text as
     * strings, a missing value as null). {@code null} for the protocols whose body is built as a tree.
     */
    private byte[] encodeStreaming(Inputs in, int[] rows) {
        switch (c.protocol) {
            case MLFLOW:
            case TORCHSERVE:
            case BENTOML:
            case TF_SERVING:
                break;
            default:
                return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 + 24 * rows.length
                * Math.max(1, in.features().size()));
        try (com.fasterxml.jackson.core.JsonGenerator g = Json.MAPPER.createGenerator(out,
                com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            switch (c.protocol) {
                case TORCHSERVE:
                    if (rows.length == 1) {
                        writeRecord(g, in, rows[0]);
                    } else {
                        writeRecords(g, in, rows);
                    }
                    break;
                case BENTOML:
                    g.writeStartObject();
                    g.writeFieldName(c.inputField != null ? c.inputField : "inputs");
                    writeRecords(g, in, rows);
                    g.writeEndObject();
                    break;
                case TF_SERVING:
                    g.writeStartObject();
                    g.writeFieldName("instances");
                    if ("matrix".equals(c.inputLayout)) {
                        g.writeStartArray();
                        for (int r : rows) {
                            g.writeStartArray();
                            for (int f = 0; f < in.features().size(); f++) {
                                g.writeNumber(number(in, r, f));
                            }
                            g.writeEndArray();
                        }
                        g.writeEndArray();
                    } else {
                        writeRecords(g, in, rows);
                    }
                    g.writeEndObject();
                    break;
                default:
                    writeMlflow(g, in, rows);
                    break;
            }
        } catch (java.io.IOException e) {
            throw new AssayException("cannot write the request: " + e, e);
        }
        return out.toByteArray();
    }

    private void writeMlflow(com.fasterxml.jackson.core.JsonGenerator g, Inputs in, int[] rows)
            throws java.io.IOException {
        List<String> features = in.features();
        g.writeStartObject();
        switch (c.mlflowFormat) {
            case "dataframe_records":
            case "instances":
                g.writeFieldName(c.mlflowFormat);
                writeRecords(g, in, rows);
                break;
            case "inputs":
                g.writeFieldName("inputs");
                g.writeStartObject();
                for (int f = 0; f < features.size(); f++) {
                    g.writeFieldName(features.get(f));
                    g.writeStartArray();
                    for (int r : rows) {
                        writeValue(g, in.value(r, f));
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                break;
            case "dataframe_split":
                g.writeFieldName("dataframe_split");
                g.writeStartObject();
                g.writeFieldName("columns");
                g.writeStartArray();
                for (String f : features) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeFieldName("data");
                g.writeStartArray();
                for (int r : rows) {
                    g.writeStartArray();
                    for (int f = 0; f < features.size(); f++) {
                        writeValue(g, in.value(r, f));
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
                break;
            default:
                throw new AssayException("mlflow format '" + c.mlflowFormat
                        + "' is not one of dataframe_split, dataframe_records, instances, inputs");
        }
        g.writeEndObject();
    }

    private static void writeRecords(com.fasterxml.jackson.core.JsonGenerator g, Inputs in, int[] rows)
            throws java.io.IOException {
        g.writeStartArray();
        for (int r : rows) {
            writeRecord(g, in, r);
        }
        g.writeEndArray();
    }

    private static void writeRecord(com.fasterxml.jackson.core.JsonGenerator g, Inputs in, int row)
            throws java.io.IOException {
        g.writeStartObject();
        List<String> features = in.features();
        for (int f = 0; f < features.size(); f++) {
            g.writeFieldName(features.get(f));
            writeValue(g, in.value(row, f));
        }
        g.writeEndObject();
    }

    /** As {@link #value}, written: a whole double below 1e15 as a long, other doubles as doubles. */
    private static void writeValue(com.fasterxml.jackson.core.JsonGenerator g, Object v) throws java.io.IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double) {
            double d = (Double) v;
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                g.writeNumber((long) d);
            } else {
                g.writeNumber(d);
            }
        } else {
            g.writeString(v.toString());
        }
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Double) {
            double d = (Double) v;
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? F.numberNode((long) d) : F.numberNode(d);
        }
        return F.textNode(v.toString());
    }

    private ObjectNode record(Inputs in, int row) {
        ObjectNode o = F.objectNode();
        for (int f = 0; f < in.features().size(); f++) {
            o.set(in.features().get(f), value(in.value(row, f)));
        }
        return o;
    }

    private double number(Inputs in, int row, int f) {
        Column col = in.column(f);
        if (!col.isNumeric()) {
            throw new AssayException(in.data().source() + ": column '" + in.features().get(f)
                    + "' is not numeric; input-layout matrix sends numbers only (use input-layout columns, or features)");
        }
        double v = col.doubleValue(row);
        if (Double.isNaN(v)) {
            throw new AssayException(in.data().locate(row) + ": missing value in column '" + in.features().get(f)
                    + "'; a numeric tensor cannot carry it");
        }
        return v;
    }

    private JsonNode openInference(Inputs in, int[] rows) {
        ArrayNode inputs = F.arrayNode();
        if ("matrix".equals(c.inputLayout)) {
            ObjectNode t = inputs.addObject();
            t.put("name", c.inputName);
            t.putArray("shape").add(rows.length).add(in.features().size());
            t.put("datatype", "FP32");
            ArrayNode data = t.putArray("data");
            for (int r : rows) {
                for (int f = 0; f < in.features().size(); f++) {
                    data.add(number(in, r, f));
                }
            }
        } else {
            for (int f = 0; f < in.features().size(); f++) {
                ObjectNode t = inputs.addObject();
                boolean numeric = in.column(f).isNumeric();
                t.put("name", in.features().get(f));
                t.putArray("shape").add(rows.length).add(1);
                t.put("datatype", numeric ? "FP32" : "BYTES");
                ArrayNode data = t.putArray("data");
                for (int r : rows) {
                    data.add(numeric ? F.numberNode(number(in, r, f)) : value(in.value(r, f)));
                }
            }
        }
        ObjectNode body = F.objectNode();
        body.set("inputs", inputs);
        if (c.labelOutput != null || c.scoreOutput != null) {
            ArrayNode outs = body.putArray("outputs");
            if (c.labelOutput != null) {
                outs.addObject().put("name", c.labelOutput);
            }
            if (c.scoreOutput != null) {
                outs.addObject().put("name", c.scoreOutput);
            }
        }
        return body;
    }

    /** The prompt of a row: {@code prompt-template} with {@code {column}} placeholders, else the prompt column. */
    public String prompt(Inputs in, int row) {
        if (c.promptTemplate != null) {
            Matcher m = PROMPT_VAR.matcher(c.promptTemplate);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                int f = in.indexOf(m.group(1));
                if (f < 0) {
                    throw new AssayException("prompt-template names column '" + m.group(1) + "' but the inputs are "
                            + in.features());
                }
                Object v = in.value(row, f);
                m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v instanceof Double
                        ? Column.formatNumber((Double) v) : v.toString()));
            }
            m.appendTail(sb);
            return sb.toString();
        }
        int f = in.indexOf(c.promptColumn);
        if (f < 0) {
            throw new AssayException(in.data().source() + ": no prompt column '" + c.promptColumn + "'; inputs are "
                    + in.features() + " (set prompt-column or prompt-template)");
        }
        Object v = in.value(row, f);
        if (v == null) {
            throw new AssayException(in.data().locate(row) + ": the prompt ('" + c.promptColumn + "') is missing");
        }
        return v instanceof Double ? Column.formatNumber((Double) v) : v.toString();
    }

    private JsonNode chat(Inputs in, int row) {
        ObjectNode body = F.objectNode();
        if (c.modelName != null) {
            body.put("model", c.modelName);
        }
        ArrayNode messages = body.putArray("messages");
        if (c.system != null) {
            messages.addObject().put("role", "system").put("content", c.system);
        }
        messages.addObject().put("role", "user").put("content", prompt(in, row));
        if (c.temperature != null) {
            body.put("temperature", c.temperature);
        }
        if (c.maxTokens != null) {
            body.put("max_tokens", c.maxTokens);
        }
        if (samplesPerRequest() > 1) {
            body.put("n", samplesPerRequest());
        }
        if (c.seed != null) {
            body.put("seed", c.seed);
        }
        return body;
    }

    private JsonNode substitute(JsonNode node, Inputs in, int row) {
        if (node.isTextual()) {
            String s = node.asText();
            Matcher m = PLACEHOLDER.matcher(s);
            if (m.matches()) {
                return placeholder(m.group(1), in, row);
            }
            if (!m.find()) {
                return node;
            }
            m.reset();
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                JsonNode v = placeholder(m.group(1), in, row);
                m.appendReplacement(sb, Matcher.quoteReplacement(v.isTextual() ? v.asText() : v.toString()));
            }
            m.appendTail(sb);
            return F.textNode(sb.toString());
        }
        if (node.isArray()) {
            ArrayNode a = F.arrayNode(node.size());
            node.forEach(e -> a.add(substitute(e, in, row)));
            return a;
        }
        if (node.isObject()) {
            ObjectNode o = F.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), substitute(e.getValue(), in, row));
            }
            return o;
        }
        return node;
    }

    private JsonNode placeholder(String name, Inputs in, int row) {
        if (name.equals("row")) {
            return record(in, row);
        }
        if (name.equals("prompt")) {
            return F.textNode(prompt(in, row));
        }
        int f = in.indexOf(name);
        if (f < 0) {
            throw new AssayException("request-template names '{{" + name + "}}' but the inputs are " + in.features()
                    + " (or use {{row}}, {{prompt}})");
        }
        return value(in.value(row, f));
    }

    // ---- responses

    /** The answers in a response to {@code n} rows; {@link IllegalArgumentException} says what is wrong. */
    public List<Answer> decode(JsonNode root, int n, OutputReader reader) {
        switch (c.protocol) {
            case OPEN_INFERENCE: return decodeOpenInference(root, n, reader);
            case OPENAI_CHAT: return List.of(decodeChat(root));
            case JSON: return List.of(decodePointers(root, reader));
            case TORCHSERVE:
                if (n == 1 && !(root.isArray() && root.size() == 1 && root.get(0).isContainerNode())) {
                    return List.of(reader.read(root));
                }
                return perRow(root, n, reader);
            default: {
                JsonNode list = root;
                if (root.isObject()) {
                    String field = c.outputField != null ? c.outputField : "predictions";
                    list = root.get(field);
                    if (list == null && root.has("outputs")) {
                        list = root.get("outputs");
                    }
                    if (list == null) {
                        throw new IllegalArgumentException("no '" + field + "' field in the response");
                    }
                }
                return perRow(list, n, reader);
            }
        }
    }

    private static List<Answer> perRow(JsonNode list, int n, OutputReader reader) {
        if (!list.isArray()) {
            throw new IllegalArgumentException("expected an array of " + n + " outputs, found " + kind(list));
        }
        if (list.size() != n) {
            throw new IllegalArgumentException(list.size() + " outputs for " + n + " inputs");
        }
        List<Answer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                out.add(reader.read(list.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("output " + i + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String kind(JsonNode n) {
        return n.isObject() ? "an object" : n.isArray() ? "an array" : n.isNull() ? "null" : "a " + n.getNodeType().toString().toLowerCase();
    }

    private List<Answer> decodeOpenInference(JsonNode root, int n, OutputReader reader) {
        JsonNode outputs = root.get("outputs");
        if (outputs == null || !outputs.isArray() || outputs.isEmpty()) {
            throw new IllegalArgumentException("no 'outputs' array in the response");
        }
        JsonNode labelT = null;
        JsonNode scoreT = null;
        if (c.labelOutput != null || c.scoreOutput != null) {
            labelT = c.labelOutput == null ? null : named(outputs, c.labelOutput);
            scoreT = c.scoreOutput == null ? null : named(outputs, c.scoreOutput);
        } else if (outputs.size() == 1) {
            scoreT = outputs.get(0);
        } else {
            labelT = outputs.get(0);
            scoreT = outputs.get(1);
        }
        List<JsonNode> labels = labelT == null ? null : rowsOf(labelT, n);
        List<JsonNode> scores = scoreT == null ? null : rowsOf(scoreT, n);
        List<Answer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                Answer a = scores != null ? reader.read(scores.get(i)) : null;
                if (labels != null) {
                    String label = text(labels.get(i));
                    a = new Answer(label, a == null ? Double.NaN : a.score(), List.of());
                }
                out.add(a);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("output row " + i + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        if (n.isArray() && n.size() == 1) {
            n = n.get(0);
        }
        if (n.isNull()) {
            throw new IllegalArgumentException("label is null");
        }
        return n.isNumber() ? Column.formatNumber(n.asDouble()) : n.asText();
    }

    private static JsonNode named(JsonNode outputs, String name) {
        List<String> names = new ArrayList<>();
        for (JsonNode o : outputs) {
            if (name.equals(o.path("name").asText())) {
                return o;
            }
            names.add(o.path("name").asText());
        }
        throw new IllegalArgumentException("no output named '" + name + "'; outputs are " + names);
    }

    /** Splits a v2 tensor into rows by its shape: [n] or [n,1] gives scalars, [n,k] gives arrays of k. */
    private static List<JsonNode> rowsOf(JsonNode tensor, int n) {
        String name = tensor.path("name").asText();
        JsonNode data = tensor.get("data");
        JsonNode shape = tensor.get("shape");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException("output '" + name + "' has no data array");
        }
        int rows = shape != null && shape.isArray() && shape.size() > 0 ? shape.get(0).asInt() : data.size();
        int width = 1;
        if (shape != null && shape.isArray()) {
            for (int i = 1; i < shape.size(); i++) {
                width *= shape.get(i).asInt();
            }
        }
        if (rows != n) {
            throw new IllegalArgumentException("output '" + name + "' has " + rows + " rows for " + n + " inputs");
        }
        if (data.size() != rows * width) {
            throw new IllegalArgumentException("output '" + name + "' has " + data.size() + " values but shape "
                    + shape + " needs " + rows * width);
        }
        List<JsonNode> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            if (width == 1) {
                out.add(data.get(r));
            } else {
                ArrayNode a = F.arrayNode(width);
                for (int k = 0; k < width; k++) {
                    a.add(data.get(r * width + k));
                }
                out.add(a);
            }
        }
        return out;
    }

    private Answer decodeChat(JsonNode root) {
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new IllegalArgumentException("no 'choices' in the response");
        }
        int want = samplesPerRequest();
        if (choices.size() != want) {
            throw new IllegalArgumentException(choices.size() + " choices where n = " + want + " were asked for");
        }
        List<String> texts = new ArrayList<>(choices.size());
        for (JsonNode ch : choices) {
            JsonNode content = ch.path("message").path("content");
            if (!content.isTextual()) {
                throw new IllegalArgumentException("choice " + texts.size() + " has no message content");
            }
            texts.add(content.asText());
        }
        return new Answer(texts.get(0), Double.NaN, texts);
    }

    private Answer decodePointers(JsonNode root, OutputReader reader) {
        if (c.textPointer != null) {
            JsonNode t = at(root, c.textPointer);
            if (!t.isTextual()) {
                throw new IllegalArgumentException("text at " + c.textPointer + " is " + kind(t) + ", not text");
            }
            return new Answer(t.asText(), Double.NaN, List.of(t.asText()));
        }
        double score = Double.NaN;
        if (c.scorePointer != null) {
            JsonNode s = at(root, c.scorePointer);
            if (!s.isNumber()) {
                throw new IllegalArgumentException("score at " + c.scorePointer + " is " + s + ", not a number");
            }
            score = OutputReader.validScore(s.asDouble());
        }
        if (c.labelPointer != null) {
            return new Answer(text(at(root, c.labelPointer)), score, List.of());
        }
        return reader.fromScore(score);
    }

    private static JsonNode at(JsonNode root, String pointer) {
        JsonNode n = root.at(JsonPointer.compile(pointer));
        if (n.isMissingNode()) {
            throw new IllegalArgumentException("nothing at JSON pointer " + pointer);
        }
        return n;
    }
}

package dev.assay.core.models.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.AssayException;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import java.lang.reflect.Array;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs an ONNX model with ONNX Runtime. Loaded only when an ONNX model is used. */
public final class OnnxRunner implements AutoCloseable {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Path file;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final Map<String, NodeInfo> inputs;
    private final List<String> outputs;
    private final List<String> features;
    private final List<String> exclude;
    private final String labelOutput;
    private final String scoreOutput;
    private final int batchSize;
    private final List<String> classLabels;

    public OnnxRunner(Path file, List<String> features, List<String> exclude, String labelOutput, String scoreOutput,
                      int batchSize) {
        this.file = file;
        try {
            this.env = OrtEnvironment.getEnvironment();
            this.session = env.createSession(file.toString(), new OrtSession.SessionOptions());
            this.inputs = session.getInputInfo();
            this.outputs = new ArrayList<>(session.getOutputNames());
            Map<String, String> meta = session.getMetadata().getCustomMetadata();
            this.features = features != null ? features
                    : meta.containsKey("feature_names") ? List.of(meta.get("feature_names").split(",")) : null;
            this.classLabels = meta.containsKey("class_labels") ? List.of(meta.get("class_labels").split(",")) : null;
        } catch (OrtException e) {
            throw new AssayException("ONNX model " + file + " cannot be loaded: " + e.getMessage(), e);
        }
        this.exclude = exclude;
        this.labelOutput = labelOutput != null ? labelOutput : find("label");
        this.scoreOutput = scoreOutput != null ? scoreOutput
                : find("prob") != null ? find("prob") : this.labelOutput == null ? outputs.get(0) : null;
        for (String o : Arrays.asList(this.labelOutput, this.scoreOutput)) {
            if (o != null && !outputs.contains(o)) {
                throw new AssayException("ONNX model " + file + " has no output '" + o + "'; outputs are " + outputs);
            }
        }
        int fixed = -1;
        for (NodeInfo n : inputs.values()) {
            if (n.getInfo() instanceof TensorInfo) {
                long[] shape = ((TensorInfo) n.getInfo()).getShape();
                if (shape.length > 0 && shape[0] > 0) {
                    fixed = (int) shape[0];
                }
            }
        }
        this.batchSize = fixed > 0 ? fixed : batchSize;
    }

    private String find(String part) {
        for (String o : outputs) {
            if (o.toLowerCase().contains(part)) {
                return o;
            }
        }
        return null;
    }

    /** The class names stored in the model's {@code class_labels} metadata, or {@code null}. */
    public List<String> classLabels() {
        return classLabels;
    }

    public String describe() {
        Map<String, String> d = new LinkedHashMap<>();
        inputs.forEach((k, v) -> d.put(k, describe(v.getInfo())));
        return "inputs " + d + ", outputs " + outputs;
    }

    private static String describe(ValueInfo info) {
        if (info instanceof TensorInfo) {
            TensorInfo t = (TensorInfo) info;
            return t.type + Arrays.toString(t.getShape());
        }
        return info.toString();
    }

    public Answer[] run(Dataset data, OutputReader reader) {
        Answer[] out = new Answer[data.rows()];
        for (int start = 0; start < data.rows(); start += batchSize) {
            int n = Math.min(batchSize, data.rows() - start);
            Map<String, OnnxTensor> feed = new HashMap<>();
            try {
                for (Map.Entry<String, NodeInfo> e : inputs.entrySet()) {
                    feed.put(e.getKey(), tensor(e.getKey(), e.getValue(), data, start, n));
                }
                try (OrtSession.Result result = session.run(feed)) {
                    List<JsonNode> labels = labelOutput == null ? null : rows(result, labelOutput, n);
                    List<JsonNode> scores = scoreOutput == null ? null : rows(result, scoreOutput, n);
                    for (int i = 0; i < n; i++) {
                        out[start + i] = answer(reader, labels, scores, i, data, start + i);
                    }
                }
            } catch (OrtException e) {
                throw new AssayException("ONNX model " + file + " failed on rows " + start + ".." + (start + n - 1)
                        + " of " + data.source() + ": " + e.getMessage(), e);
            } finally {
                feed.values().forEach(OnnxTensor::close);
            }
        }
        return out;
    }

    private Answer answer(OutputReader reader, List<JsonNode> labels, List<JsonNode> scores, int i, Dataset data,
                          int row) {
        try {
            Answer a = scores != null ? reader.read(scores.get(i)) : null;
            if (labels != null) {
                JsonNode l = labels.get(i);
                String label = l.isNumber() ? Column.formatNumber(l.asDouble()) : l.asText();
                a = new Answer(label, a == null ? Double.NaN : a.score(), List.of());
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw new AssayException("ONNX model " + file + " gave an unreadable output for " + data.locate(row) + ": "
                    + e.getMessage(), e);
        }
    }

    private OnnxTensor tensor(String name, NodeInfo node, Dataset data, int start, int n) throws OrtException {
        if (!(node.getInfo() instanceof TensorInfo)) {
            throw new AssayException("ONNX model " + file + ": input '" + name + "' is " + node.getInfo()
                    + ", not a tensor");
        }
        TensorInfo t = (TensorInfo) node.getInfo();
        long[] shape = t.getShape();
        boolean byColumn = data.hasColumn(name) && !exclude.contains(name) && (shape.length == 1
                || (shape.length == 2 && shape[1] == 1));
        List<String> cols;
        if (byColumn) {
            cols = List.of(name);
        } else if (inputs.size() == 1 && shape.length == 2) {
            if (features == null) {
                throw new AssayException("ONNX model " + file + ": input '" + name + "' is a matrix "
                        + Arrays.toString(shape) + " without column names; set features (the columns in order)");
            }
            if (shape[1] > 0 && shape[1] != features.size()) {
                throw new AssayException("ONNX model " + file + ": input '" + name + "' has " + shape[1]
                        + " columns but features lists " + features.size() + ": " + features);
            }
            cols = features;
        } else {
            throw new AssayException("ONNX model " + file + ": input '" + name + "' matches no column of "
                    + data.source() + "; columns are " + data.columnNames());
        }
        int w = cols.size();
        long[] s = shape.length == 1 ? new long[] {n} : new long[] {n, w};
        Column[] cs = new Column[w];
        for (int j = 0; j < w; j++) {
            cs[j] = data.column(cols.get(j));
        }
        if (t.type == OnnxJavaType.STRING) {
            String[] v = new String[n * w];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < w; j++) {
                    String x = cs[j].stringValue(start + i);
                    v[i * w + j] = x == null ? "" : x;
                }
            }
            return OnnxTensor.createTensor(env, v, s);
        }
        double[] v = new double[n * w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                double x = cs[j].doubleValue(start + i);
                if (Double.isNaN(x)) {
                    throw new AssayException(data.locate(start + i) + ": column '" + cols.get(j) + "' is "
                            + (cs[j].isMissing(start + i) ? "missing" : "not a number ('" + cs[j].stringValue(start + i)
                            + "')") + "; ONNX input '" + name + "' needs a number");
                }
                v[i * w + j] = x;
            }
        }
        switch (t.type) {
            case FLOAT: {
                float[] f = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    f[i] = (float) v[i];
                }
                return OnnxTensor.createTensor(env, FloatBuffer.wrap(f), s);
            }
            case DOUBLE:
                return OnnxTensor.createTensor(env, DoubleBuffer.wrap(v), s);
            case INT64: {
                long[] l = new long[v.length];
                for (int i = 0; i < v.length; i++) {
                    l[i] = (long) v[i];
                }
                return OnnxTensor.createTensor(env, LongBuffer.wrap(l), s);
            }
            default:
                throw new AssayException("ONNX model " + file + ": input '" + name + "' of type " + t.type
                        + " is not supported (float, double, int64, string)");
        }
    }

    private List<JsonNode> rows(OrtSession.Result result, String name, int n) throws OrtException {
        OnnxValue v = result.get(name).orElseThrow(() -> new AssayException("ONNX model " + file + " gave no output '"
                + name + "'"));
        Object value = v.getValue();
        List<JsonNode> out = new ArrayList<>(n);
        if (value instanceof List) {
            for (Object e : (List<?>) value) {
                Object x = e instanceof OnnxValue ? ((OnnxValue) e).getValue() : e;
                out.add(toJson(x));
            }
        } else if (value != null && value.getClass().isArray()) {
            int len = Array.getLength(value);
            for (int i = 0; i < len; i++) {
                out.add(toJson(Array.get(value, i)));
            }
        } else {
            out.add(toJson(value));
        }
        if (out.size() != n) {
            throw new AssayException("ONNX model " + file + ": output '" + name + "' has " + out.size() + " rows for "
                    + n + " inputs");
        }
        return out;
    }

    private static JsonNode toJson(Object x) {
        if (x == null) {
            return F.nullNode();
        }
        if (x instanceof Map) {
            ObjectNode o = F.objectNode();
            ((Map<?, ?>) x).forEach((k, v) -> o.set(String.valueOf(k), toJson(v)));
            return o;
        }
        if (x.getClass().isArray()) {
            ArrayNode a = F.arrayNode();
            for (int i = 0; i < Array.getLength(x); i++) {
                a.add(toJson(Array.get(x, i)));
            }
            return a;
        }
        if (x instanceof Float || x instanceof Double) {
            return F.numberNode(((Number) x).doubleValue());
        }
        if (x instanceof Number) {
            return F.numberNode(((Number) x).longValue());
        }
        if (x instanceof Boolean) {
            return F.booleanNode((Boolean) x);
        }
        return F.textNode(x.toString());
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session we no longer use
        }
    }
}

package dev.assay.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.Evidence;
import dev.assay.core.Example;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.ModelInfo;
import dev.assay.core.Threshold;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The evidence serialisation written by hand: a {@link CheckResult} as a JSON tree, and {@code evidence.json} as
 * text, without Jackson databind's bean introspection (which costs ~50 ms of CPU the first time a JVM serialises a
 * {@code CheckResult}, that is once per CI run).
 *
 * <p>The output is the one {@link Json#MAPPER} gives for the annotated types, node for node and byte for byte:
 * the same properties in the same ({@code @JsonPropertyOrder}) order, the same omissions ({@code NON_NULL} for
 * {@code CheckResult}, {@code Threshold}, {@code ModelInfo}, {@code DataInfo} and {@code Finding}; {@code NON_EMPTY}
 * for {@code GroupResult} and {@code Example} and for the lists of {@code CheckResult}), map entries sorted by key,
 * {@code null} for a non-finite number, {@code long} and {@code Long} as long nodes, {@code Integer} as int nodes.
 * {@code EvidenceJsonTest} holds the two paths equal on random results and fails when a type gains a property that
 * this class does not write.
 */
public final class EvidenceJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EvidenceJson() {
    }

    /** The check's entry of {@code checks}: what {@code Json.MAPPER.valueToTree(result)} gives. */
    public static ObjectNode tree(CheckResult r) {
        ObjectNode o = NODES.objectNode();
        o.put("id", r.id());
        o.put("name", r.name());
        o.put("kind", r.kind());
        putIfNotNull(o, "metric", r.metric());
        if (r.value() != null) {
            o.set("value", number(r.value()));
        }
        if (r.ci() != null) {
            o.set("ci", interval(r.ci()));
        }
        if (r.confidence() != null) {
            o.set("confidence", number(r.confidence()));
        }
        if (r.threshold() != null) {
            o.set("threshold", threshold(r.threshold()));
        }
        if (r.decision() != null) {
            o.put("decision", r.decision().json());
        }
        o.put("verdict", r.verdict().json());
        putIfNotNull(o, "message", r.message());
        if (r.n() != null) {
            o.put("n", r.n().longValue());
        }
        if (r.seed() != null) {
            o.put("seed", r.seed().longValue());
        }
        if (r.model() != null) {
            o.set("model", model(r.model()));
        }
        if (r.data() != null) {
            o.set("data", data(r.data()));
        }
        List<GroupResult> groups = r.groups();
        if (!groups.isEmpty()) {
            ArrayNode a = o.putArray("groups");
            for (GroupResult g : groups) {
                a.add(group(g));
            }
        }
        List<Finding> findings = r.findings();
        if (!findings.isEmpty()) {
            ArrayNode a = o.putArray("findings");
            for (Finding f : findings) {
                a.add(finding(f));
            }
        }
        List<Example> examples = r.examples();
        if (!examples.isEmpty()) {
            ArrayNode a = o.putArray("examples");
            for (Example e : examples) {
                a.add(example(e));
            }
        }
        if (r.examplesTotal() != null) {
            o.put("examples_total", r.examplesTotal().longValue());
        }
        return o;
    }

    /** A model's object ({@code NON_NULL}). */
    static ObjectNode model(ModelInfo m) {
        ObjectNode o = NODES.objectNode();
        o.put("id", m.id());
        o.put("kind", m.kind());
        putIfNotNull(o, "fingerprint", m.fingerprint());
        return o;
    }

    /** A data set's object ({@code NON_NULL}). */
    static ObjectNode data(DataInfo d) {
        ObjectNode o = NODES.objectNode();
        putIfNotNull(o, "path", d.path());
        o.put("rows", d.rows());
        putIfNotNull(o, "sha256", d.sha256());
        return o;
    }

    private static ObjectNode threshold(Threshold t) {
        ObjectNode o = NODES.objectNode();
        if (t.min() != null) {
            o.set("min", number(t.min()));
        }
        if (t.max() != null) {
            o.set("max", number(t.max()));
        }
        return o;
    }

    /** A group's row ({@code NON_EMPTY}: empty maps, lists and strings are left out; {@code n} never). */
    private static ObjectNode group(GroupResult g) {
        ObjectNode o = NODES.objectNode();
        if (!g.group().isEmpty()) {
            o.set("group", strings(g.group()));
        }
        o.put("n", g.n());
        if (!g.metrics().isEmpty()) {
            ObjectNode m = o.putObject("metrics");
            for (Map.Entry<String, Double> e : sorted(g.metrics()).entrySet()) {
                m.set(e.getKey(), e.getValue() == null ? NODES.nullNode() : number(e.getValue()));
            }
        }
        if (!g.ci().isEmpty()) {
            ObjectNode c = o.putObject("ci");
            for (Map.Entry<String, Interval> e : sorted(g.ci()).entrySet()) {
                c.set(e.getKey(), e.getValue() == null ? NODES.nullNode() : interval(e.getValue()));
            }
        }
        putIfNotEmpty(o, "excluded", g.excluded());
        if (!g.bins().isEmpty()) {
            ArrayNode a = o.putArray("bins");
            for (GroupResult.Bin b : g.bins()) {
                ObjectNode bin = a.addObject(); // no inclusion rule of its own: every property
                bin.put("label", b.label());
                bin.set("reference", number(b.reference()));
                bin.set("current", number(b.current()));
            }
        }
        return o;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode o = NODES.objectNode();
        o.put("row", f.row());
        putIfNotNull(o, "entity", f.entity());
        if (f.start() != null) {
            o.put("start", f.start().intValue());
        }
        if (f.end() != null) {
            o.put("end", f.end().intValue());
        }
        putIfNotNull(o, "masked", f.masked());
        if (f.score() != null) {
            o.set("score", number(f.score()));
        }
        putIfNotNull(o, "detail", f.detail());
        return o;
    }

    /** A failing case ({@code NON_EMPTY}). */
    private static ObjectNode example(Example e) {
        ObjectNode o = NODES.objectNode();
        if (e.row() != null) {
            o.put("row", e.row().longValue());
        }
        putIfNotEmpty(o, "family", e.family());
        if (!e.input().isEmpty()) {
            o.set("input", strings(e.input()));
        }
        if (!e.perturbed().isEmpty()) {
            o.set("perturbed", strings(e.perturbed()));
        }
        putIfNotEmpty(o, "perturbation", e.perturbation());
        if (e.seed() != null) {
            o.put("seed", e.seed().longValue());
        }
        putIfNotEmpty(o, "expected", e.expected());
        putIfNotEmpty(o, "answer", e.answer());
        putIfNotEmpty(o, "reason", e.reason());
        return o;
    }

    /** A map of strings, sorted by key, {@code null} values kept (no content inclusion rule). */
    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, String> e : sorted(map).entrySet()) {
            o.set(e.getKey(), e.getValue() == null ? NODES.nullNode() : NODES.textNode(e.getValue()));
        }
        return o;
    }

    /** {@code ORDER_MAP_ENTRIES_BY_KEYS}: a sorted map as it is, any other sorted by the keys' natural order. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        if (map instanceof SortedMap || map.size() <= 1) {
            return map;
        }
        if (map.containsKey(null)) {
            throw new IllegalArgumentException("a map in a check result has a null key: " + map.keySet());
        }
        return new TreeMap<>(map);
    }

    /** An interval's {@code @JsonValue}: {@code [lower, upper]}, a non-finite bound as {@code null}. */
    private static ArrayNode interval(Interval ci) {
        ArrayNode a = NODES.arrayNode(2);
        a.add(number(ci.lower()));
        a.add(number(ci.upper()));
        return a;
    }

    /** The finite-number rule of {@link Json#MAPPER}: a double node, or {@code null} for NaN and infinities. */
    private static JsonNode number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? NODES.nullNode() : NODES.numberNode(v);
    }

    private static void putIfNotNull(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void putIfNotEmpty(ObjectNode o, String name, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(name, value);
        }
    }

    /**
     * The evidence file's text: what {@code Json.prettyWriter().writeValueAsString(evidence) + "\n"} gives for the
     * {@link Evidence} record ({@code NON_NULL}, properties in contract order, checks written as they are).
     */
    public static String write(Evidence e) {
        StringWriter out = new StringWriter(4096 + 2048 * e.checks().size());
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("schema", e.schema());
            g.writeStringField("suite", e.suite());
            g.writeNumberField("seed", e.seed());
            g.writeStringField("started", e.started());
            if (e.model() != null) {
                g.writeFieldName("model");
                write(g, model(e.model()));
            }
            if (e.data() != null) {
                g.writeFieldName("data");
                write(g, data(e.data()));
            }
            g.writeFieldName("checks");
            g.writeStartArray();
            for (JsonNode check : e.checks()) {
                write(g, check);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.append('\n').toString();
    }

    /** A tree pretty-printed as {@code Json.prettyWriter()} prints it (no final newline). */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator g = generator(out)) {
            write(g, node);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /**
     * A generator set up as {@code Json.prettyWriter()} sets up its own (the mapper's generator features and its
     * pretty printer), from a plain {@link JsonFactory}: writing evidence builds no {@code ObjectMapper}, which in a
     * fresh JVM costs more CPU than the evidence itself ({@code EvidenceJsonTest} holds the two byte for byte).
     */
    private static JsonGenerator generator(StringWriter out) throws IOException {
        JsonGenerator g = Generators.FACTORY.createGenerator(out);
        g.setPrettyPrinter(Generators.PRETTY.createInstance());
        return g;
    }

    /** Built on first use, so that building a check's tree alone does not load the generator's classes. */
    private static final class Generators {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }

    /**
     * Writes a tree as databind writes a {@link JsonNode} with the mapper's defaults (no sorting of object
     * properties, {@code null} properties and empty arrays kept). Numbers and booleans write themselves (their
     * {@code serialize} does not use the serializer provider); binary and Java-object nodes never occur in
     * evidence.
     */
    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) { // one virtual call per node; the JsonNode subclasses make the sites megamorphic
            case OBJECT -> {
                g.writeStartObject(node, node.size());
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(node, node.size());
                for (int i = 0, n = node.size(); i < n; i++) {
                    write(g, node.get(i));
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NULL -> g.writeNull();
            case NUMBER, BOOLEAN -> node.serialize(g, null); // their own writeNumber / writeBoolean, no provider used
            default -> throw new IllegalArgumentException("not evidence: a " + node.getNodeType()
                    + " node in a check's tree");
        }
    }
}

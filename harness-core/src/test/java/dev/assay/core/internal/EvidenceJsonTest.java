package dev.assay.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.Decision;
import dev.assay.core.Evidence;
import dev.assay.core.Example;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.ModelInfo;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The hand-written evidence serialisation against its oracle, Jackson databind on the annotated types (the path it
 * replaces): the same trees (node types included) and the same text, on random results that set and leave unset
 * every component of every nested type; and a guard that fails when a type gains a property the writer does not
 * know.
 */
class EvidenceJsonTest {
    /** The types databind serialises as beans inside a check result, and the writer writes by hand. */
    private static final List<Class<?>> BEANS = List.of(CheckResult.class, ModelInfo.class, DataInfo.class,
            Threshold.class, GroupResult.class, GroupResult.Bin.class, Finding.class, Example.class);
    /** The types serialised through their {@code @JsonValue}. */
    private static final List<Class<?>> VALUES = List.of(Interval.class, Verdict.class, Decision.class);

    private static final String[] STRINGS = {"", "a", "sex", "Female", "Zoë Ångström", "日本語のテキスト", "emoji 😀🎉",
        "nul \u0000 and \u0001 \u001f \u007f", "tab\tnew\nline\r\n", "quote \" back\\slash /slash", "\u2028\u2029",
        "</script><b>&amp;", "lone \uD800 surrogate", "mask j***@e******.com", "  spaced  ", "Z", "_", "0", "10",
        "9", "é", "E", "e"};
    private static final double[] DOUBLES = {0.0, -0.0, 1.0, 0.5, 0.1, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456789.123, 1e20, -1e-7, 0.83, 1e7, 1e-3};
    private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
        Integer.MAX_VALUE + 1L, Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, 16281};
    private static final int[] INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 27};

    @Test
    void everyRandomResultGivesDatabindsTreeAndText() throws JsonProcessingException {
        Gen gen = new Gen(new SplittableRandom(20261127), false);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            CheckResult r = gen.checkResult();
            JsonNode expected = Json.MAPPER.valueToTree(r);
            ObjectNode actual = EvidenceJson.tree(r);
            String expectedText = Json.prettyWriter().writeValueAsString(expected);
            assertThat(EvidenceJson.write(actual)).as("result %d: %s", i, r).isEqualTo(expectedText);
            assertSameNodes(actual, expected, "result " + i);
            // the old single-result path serialised the bean directly, without a tree
            assertThat(Evidence.toJson(r)).as("result %d", i).isEqualTo(Json.prettyWriter().writeValueAsString(r));
            count(expected, "", seen);
        }
        // the random results reached every optional property of every type, both set and unset
        seen.put("", 4000);
        for (String property : List.of("metric", "value", "ci", "confidence", "threshold", "decision", "message",
                "n", "seed", "model", "data", "groups", "findings", "examples", "examples_total", "threshold.min",
                "threshold.max", "model.fingerprint", "data.path", "data.sha256", "groups[].group",
                "groups[].metrics", "groups[].ci", "groups[].excluded", "groups[].bins", "findings[].entity",
                "findings[].start", "findings[].end", "findings[].masked", "findings[].score", "findings[].detail",
                "examples[].row", "examples[].family", "examples[].input", "examples[].perturbed",
                "examples[].perturbation", "examples[].seed", "examples[].expected", "examples[].answer",
                "examples[].reason")) {
            int dot = property.lastIndexOf('.');
            String container = dot < 0 ? "" : property.substring(0, dot);
            assertThat(seen.getOrDefault(property, 0)).as("results with %s set", property)
                    .isPositive().isLessThan(seen.get(container));
        }
    }

    @Test
    void evidenceTextIsDatabindsRecordSerialisation() throws JsonProcessingException {
        Gen gen = new Gen(new SplittableRandom(7), false);
        for (int i = 0; i < 400; i++) {
            List<CheckResult> results = new ArrayList<>();
            int n = i % 10 == 0 ? 0 : gen.rnd.nextInt(1, 6);
            for (int k = 0; k < n; k++) {
                results.add(gen.checkResult());
            }
            String suite = gen.string(false);
            long seed = gen.longValue();
            String started = i % 2 == 0 ? "2026-11-27T04:30:00Z" : gen.string(false);
            Evidence now = Evidence.of(suite, seed, started, results);
            List<JsonNode> oldChecks = new ArrayList<>();
            for (CheckResult r : results) {
                oldChecks.add(Json.MAPPER.valueToTree(r));
            }
            Evidence old = new Evidence(Evidence.SCHEMA, suite, seed, started, now.model(), now.data(), oldChecks);
            String expected = Json.prettyWriter().writeValueAsString(old) + "\n";
            assertThat(now.toJson()).as("evidence %d", i).isEqualTo(expected);
            // evidence read back from its file (int nodes where the file's numbers fit) writes the same bytes
            assertThat(Evidence.parse(expected).toJson()).as("evidence %d read back", i).isEqualTo(expected);
        }
    }

    @Test
    void aTypeThatGainsAPropertyFailsUntilTheWriterWritesIt() {
        CheckResult full = new Gen(new SplittableRandom(1), true).checkResult();
        ObjectNode tree = EvidenceJson.tree(full);
        Map<Class<?>, JsonNode> written = new LinkedHashMap<>();
        written.put(CheckResult.class, tree);
        written.put(ModelInfo.class, tree.get("model"));
        written.put(DataInfo.class, tree.get("data"));
        written.put(Threshold.class, tree.get("threshold"));
        written.put(GroupResult.class, tree.path("groups").path(0));
        written.put(GroupResult.Bin.class, tree.path("groups").path(0).path("bins").path(0));
        written.put(Finding.class, tree.path("findings").path(0));
        written.put(Example.class, tree.path("examples").path(0));
        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(BEANS);
        for (Class<?> type : BEANS) {
            assertThat(names(written.get(type)))
                    .as("the properties databind finds on %s, and those the hand-written writer writes for a fully "
                            + "populated one", type.getSimpleName())
                    .isEqualTo(new TreeSet<>(databindProperties(type)));
        }
        for (Class<?> type : VALUES) {
            assertThat(introspect(type).findJsonValueAccessor()).as("%s's @JsonValue", type.getSimpleName())
                    .isNotNull();
        }
        // every Assay type reachable from a check result's properties is one of the above
        Set<Class<?>> reached = new LinkedHashSet<>();
        Deque<JavaType> todo = new ArrayDeque<>(List.of(Json.MAPPER.constructType(CheckResult.class)));
        while (!todo.isEmpty()) {
            JavaType t = todo.pop();
            if (t.getContentType() != null) {
                todo.push(t.getContentType());
            }
            if (t.getKeyType() != null) {
                todo.push(t.getKeyType());
            }
            Class<?> raw = t.getRawClass();
            if (raw.getName().startsWith("dev.assay.") && reached.add(raw) && BEANS.contains(raw)) {
                for (BeanPropertyDefinition p : introspect(raw).findProperties()) {
                    if (p.couldSerialize() && p.getAccessor() != null) {
                        todo.push(p.getAccessor().getType());
                    }
                }
            }
        }
        List<Class<?>> known = new ArrayList<>(BEANS);
        known.addAll(VALUES);
        assertThat(reached).as("the Assay types inside a check result").containsExactlyInAnyOrderElementsOf(known);
    }

    private static BeanDescription introspect(Class<?> type) {
        return Json.MAPPER.getSerializationConfig().introspect(Json.MAPPER.constructType(type));
    }

    private static Set<String> databindProperties(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (BeanPropertyDefinition p : introspect(type).findProperties()) {
            if (p.couldSerialize()) {
                names.add(p.getName());
            }
        }
        return names;
    }

    private static Set<String> names(JsonNode object) {
        assertThat(object.isObject()).as("an object: %s", object).isTrue();
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The same node classes at the same places, fields in the same order. */
    private static void assertSameNodes(JsonNode actual, JsonNode expected, String where) {
        assertThat(actual.getClass()).as("node type at %s", where).isEqualTo(expected.getClass());
        assertThat(actual.size()).as("size at %s", where).isEqualTo(expected.size());
        if (expected.isObject()) {
            Iterator<String> a = actual.fieldNames();
            Iterator<String> e = expected.fieldNames();
            while (e.hasNext()) {
                String name = e.next();
                assertThat(a.next()).as("field order at %s", where).isEqualTo(name);
                assertSameNodes(actual.get(name), expected.get(name), where + "." + name);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameNodes(actual.get(i), expected.get(i), where + "[" + i + "]");
            }
        } else {
            assertThat(actual).as("value at %s", where).isEqualTo(expected);
        }
    }

    /** Counts the objects that have each property, and the elements of each array ({@code groups[]}). */
    private static void count(JsonNode node, String path, Map<String, Integer> seen) {
        if (node.isObject() && !path.endsWith(".group") && !path.endsWith(".metrics") && !path.endsWith(".ci")
                && !path.endsWith(".input") && !path.endsWith(".perturbed")) {
            node.fields().forEachRemaining(e -> {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                seen.merge(p, 1, Integer::sum);
                count(e.getValue(), p, seen);
            });
        } else if (node.isArray()) {
            node.forEach(element -> {
                seen.merge(path + "[]", 1, Integer::sum);
                count(element, path + "[]", seen);
            });
        }
    }

    /**
     * Random values from pools of edge cases; records made through their canonical constructors from their
     * components' types, so that a new component is generated (or fails the test until it can be). {@code full}
     * sets every optional value and fills every map and list.
     */
    static final class Gen {
        final SplittableRandom rnd;
        private final boolean full;

        Gen(SplittableRandom rnd, boolean full) {
            this.rnd = rnd;
            this.full = full;
        }

        private boolean unset() {
            return !full && rnd.nextInt(4) == 0;
        }

        String string(boolean nullable) {
            if (nullable && unset()) {
                return null;
            }
            int k = rnd.nextInt(STRINGS.length + 3);
            if (full && k == 0) {
                k = 1; // an empty string would be left out under NON_EMPTY
            }
            if (k < STRINGS.length) {
                return STRINGS[k];
            }
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(1, 20); i > 0; i--) {
                sb.append((char) rnd.nextInt(k == STRINGS.length ? 0x20 : 0, k == STRINGS.length + 2 ? 0x3000 : 0x7f));
            }
            return sb.toString();
        }

        double doubleValue() {
            if (full) {
                return 0.25 + rnd.nextDouble() / 2;
            }
            return rnd.nextInt(3) == 0 ? (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-12, 12))
                    : DOUBLES[rnd.nextInt(DOUBLES.length)];
        }

        long longValue() {
            return rnd.nextBoolean() ? rnd.nextLong() : LONGS[rnd.nextInt(LONGS.length)];
        }

        int intValue() {
            return rnd.nextBoolean() ? rnd.nextInt() : INTS[rnd.nextInt(INTS.length)];
        }

        Object value(Type type, boolean nullable) {
            if (type instanceof ParameterizedType p) {
                Class<?> raw = (Class<?>) p.getRawType();
                if (nullable && !full && rnd.nextInt(10) == 0) {
                    return null;
                }
                if (raw == Map.class) {
                    Map<Object, Object> m = new LinkedHashMap<>();
                    for (int i = full ? 3 : rnd.nextInt(5); i > 0; i--) {
                        // keys in random (so mostly unsorted) order
                        m.put(value(p.getActualTypeArguments()[0], false), value(p.getActualTypeArguments()[1], true));
                    }
                    return m;
                }
                if (raw == List.class) {
                    List<Object> l = new ArrayList<>();
                    for (int i = full ? 2 : rnd.nextInt(4); i > 0; i--) {
                        l.add(value(p.getActualTypeArguments()[0], false));
                    }
                    return l;
                }
                return fail("no generator for %s", type);
            }
            Class<?> c = (Class<?>) type;
            if (c.isPrimitive()) {
                return c == long.class ? longValue() : c == int.class ? intValue()
                        : c == double.class ? doubleValue() : fail("no generator for %s", c);
            }
            if (nullable && unset()) {
                return null;
            }
            if (c == String.class) {
                return string(false);
            }
            if (c == Long.class) {
                return longValue();
            }
            if (c == Integer.class) {
                return intValue();
            }
            if (c == Double.class) {
                return doubleValue();
            }
            if (c.isEnum()) {
                Object[] constants = c.getEnumConstants();
                return constants[rnd.nextInt(constants.length)];
            }
            if (c.isRecord()) {
                return record(c);
            }
            return fail("no generator for %s", c);
        }

        /** A record from random components; values its constructor rejects are drawn again. */
        Object record(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                for (int attempt = 0; attempt < 10_000; attempt++) {
                    Object[] args = new Object[components.length];
                    for (int i = 0; i < components.length; i++) {
                        args[i] = value(components[i].getGenericType(), true);
                    }
                    try {
                        return canonical.newInstance(args);
                    } catch (InvocationTargetException e) {
                        if (!(e.getCause() instanceof IllegalArgumentException
                                || e.getCause() instanceof NullPointerException)) {
                            throw e;
                        }
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            return fail("could not make a valid %s", type);
        }

        @SuppressWarnings("unchecked")
        private <T> T next(Class<T> type) {
            return (T) value(type, false);
        }

        CheckResult checkResult() {
            CheckResult.Builder b = CheckResult.builder(string(false), string(false));
            if (!unset()) {
                b.id(string(false));
            }
            if (!unset()) {
                b.metric(string(false));
            }
            if (!unset()) {
                b.value(doubleValue());
            }
            if (!unset()) {
                b.ci(next(Interval.class));
            }
            if (!unset()) {
                b.confidence(doubleValue());
            }
            if (!unset()) {
                b.threshold(next(Threshold.class));
            }
            if (!unset()) {
                b.decision(next(Decision.class));
            }
            b.verdict(next(Verdict.class));
            if (!unset()) {
                b.message(string(false));
            }
            if (!unset()) {
                b.n(longValue());
            }
            if (!unset()) {
                b.seed(longValue());
            }
            if (!unset()) {
                b.model(next(ModelInfo.class));
            }
            if (!unset()) {
                b.data(next(DataInfo.class));
            }
            for (int i = full ? 2 : rnd.nextInt(4); i > 0; i--) {
                b.group(next(GroupResult.class));
            }
            for (int i = full ? 2 : rnd.nextInt(4); i > 0; i--) {
                b.finding(next(Finding.class));
            }
            if (!full && rnd.nextInt(4) == 0) {
                b.examplesCap(rnd.nextInt(3));
            }
            for (int i = full ? 2 : rnd.nextInt(4); i > 0; i--) {
                b.failingCase(next(Example.class));
            }
            if (!full && rnd.nextInt(4) == 0) {
                List<Example> made = new ArrayList<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    made.add(next(Example.class));
                }
                b.failingCases(made.size() + rnd.nextInt(1000), made.size(), made::get);
            }
            return b.build();
        }
    }
}

package dev.assay.scenarios.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.robustness.Expect;
import dev.assay.core.robustness.TextAssertion;
import dev.assay.core.robustness.TextAssertions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The parts of {@code expect} that other kinds may reuse: a case ({@code input} or {@code prompt}, with
 * {@code label}, {@code min-score}, {@code max-score}, {@code assert}), a list of text assertions, and
 * {@code cases-from} replay files.
 */
final class ExpectCasesParser {
    static final List<String> CASE_KEYS = List.of("name", "input", "prompt", "label", "min-score", "max-score",
            "assert");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpectCasesParser() {
    }

    /** The cases under {@code key}, or {@code null} after reporting (an absent key gives an empty list). */
    static List<Expect.Case> cases(Fields f, String key) {
        Node n = f.get(key);
        if (n == null) {
            return List.of();
        }
        if (!n.isList() || n.items().isEmpty()) {
            f.problems().at(n, f.path(key) + ": expected a list of cases, found " + n.describe());
            return null;
        }
        List<Expect.Case> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < n.items().size(); i++) {
            Node item = n.items().get(i);
            String path = f.path(key) + "[" + i + "]";
            if (!item.isMap()) {
                f.problems().at(item, path + ": expected a case (a map with input or prompt), found "
                        + item.describe());
                ok = false;
                continue;
            }
            Expect.Case c = oneCase(new Fields(item, path, f.problems(), CASE_KEYS));
            if (c == null) {
                ok = false;
            } else {
                out.add(c);
            }
        }
        return ok ? out : null;
    }

    private static Expect.Case oneCase(Fields f) {
        Problems p = f.problems();
        int before = p.size();
        Expect.Case c = null;
        if (f.has("input") == f.has("prompt")) {
            p.at(f.node(), f.path("") .replaceAll("\\.$", "") + ": a case needs exactly one of input (a map of"
                    + " column values) or prompt (text)");
        } else if (f.has("input")) {
            Map<Node.Key, Node> in = f.stringMap("input");
            if (in != null) {
                if (in.isEmpty()) {
                    p.at(f.get("input"), f.path("input") + ": expected at least one column value");
                } else {
                    Map<String, String> m = new LinkedHashMap<>();
                    in.forEach((k, v) -> m.put(k.name(), v.text()));
                    c = Expect.Case.input(m);
                }
            }
        } else {
            String prompt = f.string("prompt", true);
            if (prompt != null && prompt.isBlank()) {
                p.at(f.get("prompt"), f.path("prompt") + ": the prompt must not be blank");
            } else if (prompt != null) {
                c = Expect.Case.prompt(prompt);
            }
        }
        String name = f.string("name", false);
        String label = f.string("label", false);
        Double min = f.number("min-score");
        Double max = f.number("max-score");
        List<TextAssertion> asserts = assertions(f, "assert");
        if (c == null || p.size() != before || asserts == null) {
            return null;
        }
        if (label == null && min == null && max == null && asserts.isEmpty()) {
            p.at(f.node(), f.path("").replaceAll("\\.$", "") + ": the case expects nothing: give label, min-score,"
                    + " max-score or assert");
            return null;
        }
        if (name != null) {
            c = c.named(name);
        }
        if (label != null) {
            c = c.label(label);
        }
        if (min != null || max != null) {
            if (min != null && max != null && min > max) {
                p.at(f.get("min-score"), f.path("min-score") + ": " + min + " is above max-score " + max);
                return null;
            }
            c = c.score(min, max);
        }
        if (!asserts.isEmpty()) {
            c = c.asserting(asserts.toArray(new TextAssertion[0]));
        }
        return c;
    }

    /**
     * The text assertions under {@code key}: a list of one-key maps ({@code [{contains: Paris}, {max-length: 200}]}),
     * or {@code null} after reporting; an absent key gives an empty list.
     */
    static List<TextAssertion> assertions(Fields f, String key) {
        Node n = f.get(key);
        if (n == null) {
            return List.of();
        }
        Node list = n;
        List<Node> items = list.isList() ? list.items() : list.isMap() ? List.of(list) : null;
        if (items == null || items.isEmpty()) {
            f.problems().at(list, f.path(key) + ": expected a list of assertions such as [{contains: Paris}],"
                    + " found " + list.describe());
            return null;
        }
        List<TextAssertion> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = f.path(key) + (list.isList() ? "[" + i + "]" : "");
            if (!item.isMap() || item.entries().isEmpty()) {
                f.problems().at(item, path + ": expected an assertion such as {contains: Paris}, found "
                        + item.describe());
                ok = false;
                continue;
            }
            Fields a = new Fields(item, path, f.problems(), TextAssertions.KEYS);
            for (Map.Entry<String, Node> e : item.entries().entrySet()) {
                if (!TextAssertions.KEYS.contains(e.getKey())) {
                    ok = false;
                    continue; // reported by Fields
                }
                TextAssertion t = assertion(a, e.getKey(), e.getValue());
                if (t == null) {
                    ok = false;
                } else {
                    out.add(t);
                }
            }
        }
        return ok ? out : null;
    }

    private static TextAssertion assertion(Fields a, String key, Node value) {
        try {
            switch (key) {
                case "similarity": {
                    Node m = a.map(key, true);
                    if (m == null) {
                        return null;
                    }
                    Fields s = new Fields(m, a.path(key), a.problems(), List.of("to", "min"));
                    String to = s.string("to", true);
                    Double min = s.number("min");
                    if (min == null && !s.has("min")) {
                        s.missing("min", "the least similarity, between 0 and 1");
                    }
                    return to == null || min == null ? null : TextAssertions.similarity(to, min);
                }
                case "json-schema": {
                    if (value.isMap()) {
                        return TextAssertions.jsonSchema(JSON.writeValueAsString(toJson(value)));
                    }
                    String text = a.string(key, true);
                    return text == null ? null : TextAssertions.jsonSchema(text);
                }
                default: {
                    String text = a.string(key, true);
                    return text == null ? null : TextAssertions.of(key, text);
                }
            }
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            a.problems().at(value, a.path(key) + ": " + e.getMessage().replaceFirst("^" + key + ": ", ""));
            return null;
        }
    }

    /** A YAML/JSON node as Jackson JSON (numbers, booleans and null typed as written). */
    static JsonNode toJson(Node n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (n.kind()) {
            case MAP: {
                ObjectNode o = f.objectNode();
                n.entries().forEach((k, v) -> o.set(k, toJson(v)));
                return o;
            }
            case LIST: {
                var a = f.arrayNode();
                n.items().forEach(i -> a.add(toJson(i)));
                return a;
            }
            default:
                switch (n.scalar()) {
                    case NULL: return f.nullNode();
                    case BOOLEAN: return f.booleanNode(Boolean.parseBoolean(n.text()));
                    case NUMBER:
                        try {
                            return f.numberNode(new java.math.BigDecimal(n.text()));
                        } catch (NumberFormatException e) {
                            return f.textNode(n.text());
                        }
                    default: return f.textNode(n.text());
                }
        }
    }

    /** The replay files under {@code cases-from} (one path or a list), relative to the scenario file. */
    static boolean casesFrom(Fields f, ScenarioContext ctx, Consumer<Path> add) {
        List<Node> files = f.strings("cases-from");
        if (files == null) {
            return !f.has("cases-from");
        }
        boolean ok = true;
        for (Node file : files) {
            Path p = ctx.requireFile(file, f.path("cases-from"));
            if (p == null) {
                ok = false;
            } else {
                add.accept(p);
            }
        }
        return ok;
    }
}

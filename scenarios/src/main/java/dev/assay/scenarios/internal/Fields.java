package dev.assay.scenarios.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, located access to the keys of one map of a scenario file. Unknown keys, wrong types and missing required
 * keys are added to {@link Problems} with the key's path ({@code checks[0].performance.min}); accessors then return
 * {@code null}.
 */
public final class Fields {
    private final Node map;
    private final String path;
    private final Problems problems;

    /** Reads {@code map} (at {@code path}); reports keys not in {@code known}. */
    public Fields(Node map, String path, Problems problems, List<String> known) {
        this.map = map;
        this.path = path;
        this.problems = problems;
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            if (!known.contains(e.getKey())) {
                problems.at(map.key(e.getKey()), "unknown key '" + e.getKey() + "'" + where()
                        + Suggest.hint(e.getKey(), known) + " (known keys: " + String.join(", ", known) + ")");
            }
        }
    }

    private String where() {
        return path.isEmpty() ? "" : " in " + path;
    }

    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Node node() {
        return map;
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        return map.get(key) != null;
    }

    public Node get(String key) {
        return map.get(key);
    }

    public Node.Key key(String key) {
        return map.key(key);
    }

    /** Reports a missing required key at the map. */
    public void missing(String key, String what) {
        problems.at(map, "missing required key '" + path(key) + "'" + (what.isEmpty() ? "" : " (" + what + ")"));
    }

    public void wrongType(String key, Node value, String expected) {
        problems.at(value, path(key) + ": expected " + expected + ", found " + value.describe());
    }

    /** A string (numbers and booleans are taken as written). */
    public String string(String key, boolean required) {
        Node n = map.get(key);
        if (n == null) {
            if (required) {
                missing(key, "");
            }
            return null;
        }
        if (!n.isScalar() || n.scalar() == Node.Scalar.NULL) {
            wrongType(key, n, "a string");
            return null;
        }
        return n.text();
    }

    public Double number(String key) {
        Node n = map.get(key);
        if (n == null) {
            return null;
        }
        if (n.isScalar() && (n.scalar() == Node.Scalar.NUMBER || (n.scalar() == Node.Scalar.STRING && n.substituted()))) {
            try {
                double v = Double.parseDouble(n.text().strip());
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        wrongType(key, n, "a number");
        return null;
    }

    public Long integer(String key) {
        Node n = map.get(key);
        if (n == null) {
            return null;
        }
        if (n.isScalar() && (n.scalar() == Node.Scalar.NUMBER || (n.scalar() == Node.Scalar.STRING && n.substituted()))) {
            try {
                return Long.parseLong(n.text().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        wrongType(key, n, "a whole number");
        return null;
    }

    /** A whole number of at least {@code min}. */
    public Integer integer(String key, int min) {
        Long v = integer(key);
        if (v == null) {
            return null;
        }
        if (v < min || v > Integer.MAX_VALUE) {
            problems.at(map.get(key), path(key) + ": expected a whole number of at least " + min + ", found " + v);
            return null;
        }
        return v.intValue();
    }

    public Boolean bool(String key) {
        Node n = map.get(key);
        if (n == null) {
            return null;
        }
        if (n.isScalar() && (n.scalar() == Node.Scalar.BOOLEAN || (n.scalar() == Node.Scalar.STRING && n.substituted()))) {
            String t = n.text().strip();
            if (t.equals("true") || t.equals("false")) {
                return Boolean.parseBoolean(t);
            }
        }
        wrongType(key, n, "true or false");
        return null;
    }

    /** A list of strings; a single string is taken as a list of one. Located items are returned with them. */
    public List<Node> strings(String key) {
        Node n = map.get(key);
        if (n == null) {
            return null;
        }
        if (n.isScalar() && n.scalar() != Node.Scalar.NULL) {
            return List.of(n);
        }
        if (!n.isList()) {
            wrongType(key, n, "a list of strings");
            return null;
        }
        List<Node> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < n.items().size(); i++) {
            Node item = n.items().get(i);
            if (!item.isScalar() || item.scalar() == Node.Scalar.NULL) {
                problems.at(item, path(key) + "[" + i + "]: expected a string, found " + item.describe());
                ok = false;
            } else {
                out.add(item);
            }
        }
        return ok ? out : null;
    }

    /** A map, or {@code null} (reported when present but not a map, or when required and missing). */
    public Node map(String key, boolean required) {
        Node n = map.get(key);
        if (n == null) {
            if (required) {
                missing(key, "");
            }
            return null;
        }
        if (!n.isMap()) {
            wrongType(key, n, "a map");
            return null;
        }
        return n;
    }

    /** A map of string to string values. */
    public Map<Node.Key, Node> stringMap(String key) {
        Node n = map(key, false);
        if (n == null) {
            return null;
        }
        Map<Node.Key, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : n.entries().entrySet()) {
            Node v = e.getValue();
            if (!v.isScalar() || v.scalar() == Node.Scalar.NULL) {
                problems.at(v, path(key) + "." + e.getKey() + ": expected a string, found " + v.describe());
            } else {
                out.put(n.key(e.getKey()), v);
            }
        }
        return out;
    }

    /** One of {@code allowed} (exact match), or {@code null} after reporting. */
    public String oneOf(String key, List<String> allowed, boolean required) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        if (!allowed.contains(s)) {
            problems.at(map.get(key), path(key) + ": unknown value '" + s + "'" + Suggest.hint(s, allowed)
                    + " (expected one of " + String.join(", ", allowed) + ")");
            return null;
        }
        return s;
    }
}

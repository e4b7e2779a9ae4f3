package dev.assay.scenarios.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a scenario file that remembers where it came from (Jackson's {@code JsonNode} drops locations): a map,
 * a list or a scalar, each with its 1-based line and column; map keys keep their own location.
 */
public final class Node {
    /** The shape of a node. */
    public enum Kind { MAP, LIST, SCALAR }

    /** The kind of a scalar, as written. */
    public enum Scalar { STRING, NUMBER, BOOLEAN, NULL }

    /** A map key with its location. */
    public record Key(String name, int line, int column) {
    }

    private final Kind kind;
    private final int line;
    private final int column;
    private final Map<String, Node> entries;
    private final Map<String, Key> keys;
    private final List<Node> items;
    private final String text;
    private final Scalar scalar;
    private final boolean substituted;

    private Node(Kind kind, int line, int column, Map<String, Node> entries, Map<String, Key> keys, List<Node> items,
                 String text, Scalar scalar, boolean substituted) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.entries = entries;
        this.keys = keys;
        this.items = items;
        this.text = text;
        this.scalar = scalar;
        this.substituted = substituted;
    }

    static Node map(int line, int column, LinkedHashMap<String, Node> entries, LinkedHashMap<String, Key> keys) {
        return new Node(Kind.MAP, line, column, Collections.unmodifiableMap(entries),
                Collections.unmodifiableMap(keys), null, null, null, false);
    }

    static Node list(int line, int column, List<Node> items) {
        return new Node(Kind.LIST, line, column, null, null, List.copyOf(items), null, null, false);
    }

    static Node scalar(int line, int column, String text, Scalar scalar, boolean substituted) {
        return new Node(Kind.SCALAR, line, column, null, null, null, text, scalar, substituted);
    }

    public Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** A map's entries in file order (empty for other kinds). */
    public Map<String, Node> entries() {
        return entries == null ? Map.of() : entries;
    }

    /** Where a map's key is. */
    public Key key(String name) {
        return keys == null ? null : keys.get(name);
    }

    public Node get(String key) {
        return entries == null ? null : entries.get(key);
    }

    public List<Node> items() {
        return items == null ? List.of() : items;
    }

    /** A scalar's text (after substitution), {@code null} for other kinds and for YAML/JSON null. */
    public String text() {
        return text;
    }

    public Scalar scalar() {
        return scalar;
    }

    /** Whether a scalar's text came (partly) from {@code ${VAR}} substitution. */
    public boolean substituted() {
        return substituted;
    }

    /** "a map", "a list", "a string ('x')", "a number (3)" ... for messages. */
    public String describe() {
        return switch (kind) {
            case MAP -> "a map";
            case LIST -> "a list";
            case SCALAR -> switch (scalar) {
                case NULL -> "nothing (null)";
                case STRING -> "a string ('" + text + "')";
                case NUMBER -> "a number (" + text + ")";
                case BOOLEAN -> "a boolean (" + text + ")";
            };
        };
    }
}

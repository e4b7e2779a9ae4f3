package dev.assay.scenarios.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/** Reads YAML or JSON into a located {@link Node} tree through Jackson's streaming parser. */
public final class TreeReader {
    private final Problems problems;
    private final Function<String, String> variables;

    public TreeReader(Problems problems, Function<String, String> variables) {
        this.problems = problems;
        this.variables = variables;
    }

    /** The root node, or {@code null} after adding a problem. */
    public Node read(String text, boolean json) {
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(1, 1, "the file is empty; expected a map with name, model, data and checks");
                return null;
            }
            Node root = node(p);
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc != null && loc.getLineNr() > 0 ? loc.getLineNr() : 1;
            int col = loc != null && loc.getColumnNr() > 0 ? loc.getColumnNr() : 1;
            // SnakeYAML knows where the problem is; Jackson's location is that of the last good token
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                col = m.getProblemMark().getColumn() + 1;
            }
            problems.add(line, col, "not valid " + (json ? "JSON" : "YAML") + ": " + summary(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(1, 1, "cannot read: " + e.getMessage());
            return null;
        }
    }

    /** SnakeYAML's multi-line message without its "in 'reader'" and excerpt lines. */
    static String summary(String message) {
        StringBuilder sb = new StringBuilder();
        for (String l : message.split("\r?\n")) {
            if (l.isBlank() || Character.isWhitespace(l.charAt(0))) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "; ").append(l.strip());
        }
        return sb.length() == 0 ? message.strip() : sb.toString();
    }

    private Node node(JsonParser p) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
                LinkedHashMap<String, Node.Key> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String name = p.currentName();
                    Node.Key key = new Node.Key(name, kl.getLineNr(), kl.getColumnNr());
                    p.nextToken();
                    Node value = node(p);
                    if (entries.containsKey(name)) {
                        Node.Key first = keys.get(name);
                        problems.at(key, "duplicate key '" + name + "' (first at line " + first.line() + ")");
                        continue;
                    }
                    entries.put(name, value);
                    keys.put(name, key);
                }
                return Node.map(line, col, entries, keys);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p));
                }
                return Node.list(line, col, items);
            }
            case VALUE_STRING: {
                String raw = p.getText();
                String text = raw;
                try {
                    text = Substitution.apply(raw, variables);
                } catch (IllegalArgumentException e) {
                    problems.add(line, col, e.getMessage());
                }
                return Node.scalar(line, col, text, Node.Scalar.STRING, !text.equals(raw) || raw.contains("${"));
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return Node.scalar(line, col, p.getText(), Node.Scalar.NUMBER, false);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return Node.scalar(line, col, p.getText(), Node.Scalar.BOOLEAN, false);
            case VALUE_NULL:
                return Node.scalar(line, col, null, Node.Scalar.NULL, false);
            default:
                problems.add(line, col, "unexpected " + t);
                p.skipChildren();
                return Node.scalar(line, col, null, Node.Scalar.NULL, false);
        }
    }
}

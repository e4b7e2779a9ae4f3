package dev.assay.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assigns dense codes to strings in order of first appearance. */
public final class DictionaryEncoder {
    private final Map<String, Integer> codes;
    private final List<String> values;

    public DictionaryEncoder() {
        this.codes = new HashMap<>();
        this.values = new ArrayList<>();
    }

    /** An encoder sized for about {@code expected} distinct values (no rehashing below that). */
    public DictionaryEncoder(int expected) {
        this.codes = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
        this.values = new ArrayList<>(Math.max(10, expected));
    }

    public int encode(String value) {
        Integer c = codes.get(value);
        if (c == null) {
            c = values.size();
            codes.put(value, c);
            values.add(value);
        }
        return c;
    }

    public List<String> dictionary() {
        return List.copyOf(values);
    }

    public int size() {
        return values.size();
    }
}

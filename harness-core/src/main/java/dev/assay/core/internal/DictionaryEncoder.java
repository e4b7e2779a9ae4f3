package dev.assay.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assigns dense codes to strings in order of first appearance. */
public final class DictionaryEncoder {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

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

package dev.assay.scenarios.internal;

import dev.assay.scenarios.ScenarioException;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one scenario file, each at a line and column. */
public final class Problems {
    private final String file;
    private final List<ScenarioException.Problem> list = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(int line, int column, String message) {
        list.add(new ScenarioException.Problem(file, line, column, message));
    }

    public void at(Node node, String message) {
        add(node.line(), node.column(), message);
    }

    public void at(Node.Key key, String message) {
        add(key.line(), key.column(), message);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** Throws the collected problems, if any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ScenarioException(list);
        }
    }

    public List<ScenarioException.Problem> list() {
        return List.copyOf(list);
    }
}

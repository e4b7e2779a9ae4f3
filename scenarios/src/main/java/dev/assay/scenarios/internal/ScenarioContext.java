package dev.assay.scenarios.internal;

import dev.assay.core.Dataset;
import java.util.List;

/** What a check parser may use while loading: the data (for column checks) and the data's roles. */
public final class ScenarioContext {
    private final Dataset data;
    private final Problems problems;
    private final boolean labelDeclared;

    public ScenarioContext(Dataset data, Problems problems) {
        this(data, problems, false);
    }

    /** {@code labelDeclared}: {@code data.label} is set (even if it names no column, which is reported already). */
    public ScenarioContext(Dataset data, Problems problems, boolean labelDeclared) {
        this.data = data;
        this.problems = problems;
        this.labelDeclared = labelDeclared;
    }

    /** Whether the data declares a label column (valid or not). */
    public boolean hasLabel() {
        return labelDeclared || label() != null;
    }

    /** The scenario's data, or {@code null} when it could not be loaded (column checks are then skipped). */
    public Dataset data() {
        return data;
    }

    /** The data's label column, if set. */
    public String label() {
        return data == null ? null : data.label().orElse(null);
    }

    public String positive() {
        return data == null ? null : data.positive().orElse(null);
    }

    /** Reports {@code value} at {@code at} unless it names a column of the data. */
    public boolean requireColumn(Node at, String path, String role) {
        return requireColumn(data, at, path, role);
    }

    /** Reports {@code at}'s text unless it names a column of {@code of}. */
    public boolean requireColumn(Dataset of, Node at, String path, String role) {
        if (of == null) {
            return true;
        }
        String column = at.text();
        if (of.hasColumn(column)) {
            return true;
        }
        List<String> names = of.columnNames();
        problems.at(at, path + ": unknown " + role + " column '" + column + "' in " + of.source()
                + Suggest.hint(column, names) + " (columns: " + String.join(", ", names) + ")");
        return false;
    }
}

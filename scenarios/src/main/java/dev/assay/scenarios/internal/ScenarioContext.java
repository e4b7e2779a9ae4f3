package dev.assay.scenarios.internal;

import dev.assay.core.AssaySettings;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** What a check parser may use while loading: the data (for column checks) and the data's roles. */
public final class ScenarioContext {
    private final Dataset data;
    private final Problems problems;
    private final boolean labelDeclared;
    private Path dir;
    private Loaders loaders;

    public ScenarioContext(Dataset data, Problems problems) {
        this(data, problems, false);
    }

    /** {@code labelDeclared}: {@code data.label} is set (even if it names no column, which is reported already). */
    public ScenarioContext(Dataset data, Problems problems, boolean labelDeclared) {
        this.data = data;
        this.problems = problems;
        this.labelDeclared = labelDeclared;
    }

    /** Reads data files and models in the scenario's own format, for keys such as {@code reference} and {@code baseline}. */
    public interface Loaders {
        /** A dataset from a map with the keys of {@code data:} (at {@code path}), or {@code null} after reporting. */
        Dataset data(Node map, String path);

        /** A model from a map with the keys of {@code model:} (at {@code path}), or {@code null} after reporting. */
        Function<AssaySettings, Model> model(Node map, String path);
    }

    /** Sets the scenario file's folder and the loaders for nested data and models. */
    public ScenarioContext with(Path dir, Loaders loaders) {
        this.dir = dir;
        this.loaders = loaders;
        return this;
    }

    public Problems problems() {
        return problems;
    }

    /** The scenario file's folder (paths are relative to it). */
    public Path dir() {
        return dir;
    }

    /** See {@link Loaders#data}. */
    public Dataset loadData(Node map, String path) {
        return loaders == null ? null : loaders.data(map, path);
    }

    /** See {@link Loaders#model}. */
    public Function<AssaySettings, Model> loadModel(Node map, String path) {
        return loaders == null ? null : loaders.model(map, path);
    }

    /**
     * The file {@code at} names, relative to the scenario file, or {@code null} after reporting
     * "file not found" at {@code at}.
     */
    public Path requireFile(Node at, String path) {
        Path file = (dir == null ? Path.of("") : dir).resolve(at.text()).normalize();
        if (!Files.isRegularFile(file)) {
            problems.at(at, path + ": file not found: '" + at.text() + "' (looked for " + file + ")");
            return null;
        }
        return file;
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

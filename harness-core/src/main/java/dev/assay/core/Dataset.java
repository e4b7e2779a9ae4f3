package dev.assay.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A columnar, typed, immutable table with its provenance (source and SHA-256 fingerprint) and its roles:
 * the label column, the positive label and the sensitive columns.
 *
 * <p>Build one with {@link Datasets}. Errors about a row name the source and, for files, the line.
 */
public final class Dataset {
    private final String source;
    private final String sha256;
    private final Map<String, Column> columns;
    private final int rows;
    private final int[] lines;
    private final String label;
    private final String positive;
    private final List<String> sensitive;

    Dataset(String source, String sha256, List<Column> columns, int[] lines, String label, String positive,
            List<String> sensitive) {
        this.source = Objects.requireNonNull(source, "source");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        Map<String, Column> map = new LinkedHashMap<>();
        int n = -1;
        for (Column c : columns) {
            if (map.put(c.name(), c) != null) {
                throw new DataException(source + ": duplicate column name '" + c.name() + "'");
            }
            if (n >= 0 && c.size() != n) {
                throw new DataException(source + ": column '" + c.name() + "' has " + c.size()
                        + " rows where the others have " + n);
            }
            n = c.size();
        }
        this.columns = Collections.unmodifiableMap(map);
        this.rows = Math.max(n, 0);
        this.lines = lines;
        this.label = label;
        this.positive = positive;
        this.sensitive = List.copyOf(sensitive);
        if (label != null) {
            column(label);
        }
        for (String s : this.sensitive) {
            column(s);
        }
    }

    /** Where the data came from: a file path as given, or a name for data built in memory. */
    public String source() {
        return source;
    }

    /** Lower-case hex SHA-256 of the source file's bytes (of a canonical serialisation for in-memory data). */
    public String sha256() {
        return sha256;
    }

    /** Number of data rows. */
    public int rows() {
        return rows;
    }

    /** The column names, in file order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** The columns, in file order. */
    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    /** Whether there is a column called {@code name} (not {@code null}). */
    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /**
     * The column called {@code name}.
     *
     * @throws DataException naming the source and the columns that exist when there is no such column
     */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new DataException(source + ": no column '" + name + "'; columns are " + columns.keySet());
        }
        return c;
    }

    /** The ground-truth column's name, if one was set. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** The positive label for binary metrics, if one was set. */
    public Optional<String> positive() {
        return Optional.ofNullable(positive);
    }

    /** The sensitive columns, in the order given. */
    public List<String> sensitive() {
        return sensitive;
    }

    /** Where row {@code row} (0-based) is, for messages: {@code "credit.csv line 12 (row 10)"}. */
    public String locate(int row) {
        if (lines != null && row >= 0 && row < lines.length) {
            return source + " line " + lines[row] + " (row " + row + ")";
        }
        return source + " row " + row;
    }

    /** The 1-based line in the source file of a row, or {@code -1} for data built in memory. */
    public int line(int row) {
        return lines != null && row >= 0 && row < lines.length ? lines[row] : -1;
    }

    /** The same data with another label column and positive label. */
    public Dataset withLabel(String label, String positive) {
        return new Dataset(source, sha256, new ArrayList<>(columns.values()), lines, label, positive, sensitive);
    }

    /** The same data with other sensitive columns. */
    public Dataset withSensitive(List<String> sensitive) {
        return new Dataset(source, sha256, new ArrayList<>(columns.values()), lines, label, positive, sensitive);
    }

    /**
     * The same rows, roles and line numbers with some columns replaced by others of the same name and length (for
     * example a perturbed copy of a column). The fingerprint becomes the SHA-256 of the original fingerprint and the
     * names of the replaced columns, so a derived dataset is never mistaken for its source. Columns are not copied.
     *
     * @param name         the derived data's name in messages and evidence, for example {@code "holdout (swap sex)"};
     *                     not {@code null}
     * @param replacements columns whose names exist in this dataset, each with {@link #rows()} values; not {@code null}
     * @return the derived dataset, never {@code null}
     * @throws DataException when a column does not exist here or has another length
     */
    public Dataset replacing(String name, List<Column> replacements) {
        Map<String, Column> byName = new LinkedHashMap<>(columns);
        StringBuilder names = new StringBuilder();
        for (Column c : replacements) {
            if (!byName.containsKey(c.name())) {
                throw new DataException(source + ": cannot replace column '" + c.name() + "', which does not exist;"
                        + " columns are " + columns.keySet());
            }
            if (c.size() != rows) {
                throw new DataException(source + ": replacement column '" + c.name() + "' has " + c.size()
                        + " rows where the data has " + rows);
            }
            byName.put(c.name(), c);
            names.append('|').append(c.name());
        }
        String derived = dev.assay.core.internal.Hashing.sha256Hex(sha256 + "|replaced" + names);
        return new Dataset(Objects.requireNonNull(name, "name"), derived, new ArrayList<>(byName.values()), lines,
                label, positive, sensitive);
    }

    /** The same data with one more column (for example, predictions joined in). */
    public Dataset withColumn(Column column) {
        List<Column> cols = new ArrayList<>(columns.values());
        cols.add(column);
        return new Dataset(source, sha256, cols, lines, label, positive, sensitive);
    }

    @Override
    public String toString() {
        return "Dataset[" + source + ", " + rows + " rows, columns " + columns.keySet() + "]";
    }
}

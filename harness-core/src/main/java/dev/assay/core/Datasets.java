package dev.assay.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.core.internal.ColumnBuilder;
import dev.assay.core.internal.CsvReader;
import dev.assay.core.internal.Hashing;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entry point for data: CSV and JSONL files into columnar {@link Dataset}s, and data built in memory.
 *
 * <pre>{@code
 * Dataset holdout = Datasets.csv(Path.of("adult.csv"))
 *         .label("income").positive(">50K").sensitive("sex", "race")
 *         .load();
 * }</pre>
 */
public final class Datasets {
    /** Cells read as missing unless {@link FileSource#missing(String...)} says otherwise. */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "?", "NA", "N/A", "NaN", "nan", "null", "NULL");

    private Datasets() {
    }

    /**
     * A CSV file (RFC 4180): header row, comma separator, double-quote quoting with doubled quotes inside, quoted
     * line breaks, LF or CRLF line ends, a UTF-8 byte order mark ignored, blank lines skipped,
     * {@link #DEFAULT_MISSING} tokens. Change these with the {@link FileSource} settings.
     *
     * @param file the file, not {@code null}; read when {@link FileSource#load()} is called
     */
    public static FileSource csv(Path file) {
        return new FileSource(file, false);
    }

    /**
     * A JSON Lines file: one JSON object per line; keys are columns in order of first appearance, a key absent from
     * a line or {@code null} is a missing value, nested objects and arrays are errors naming the line and key.
     *
     * @param file the file, not {@code null}
     */
    public static FileSource jsonl(Path file) {
        return new FileSource(file, true);
    }

    /** A file whose format follows from its name: {@code .jsonl}/{@code .ndjson} as JSONL, else CSV. */
    public static FileSource file(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return new FileSource(file, n.endsWith(".jsonl") || n.endsWith(".ndjson"));
    }

    /**
     * Data built in memory, for tests and generated data. Its fingerprint is the SHA-256 of a canonical,
     * length-prefixed serialisation of the column names, types and values (not of the name).
     *
     * @param name the name used as the source in messages and evidence, not {@code null}
     */
    public static InMemory inMemory(String name) {
        return new InMemory(name);
    }

    /** Settings common to every source: roles of columns. */
    public abstract static class Roles<SELF extends Roles<SELF>> {
        String label;
        String positive;
        List<String> sensitive = List.of();

        @SuppressWarnings("unchecked")
        private SELF self() {
            return (SELF) this;
        }

        /** The ground-truth column; {@code null} for none. */
        public SELF label(String column) {
            this.label = column;
            return self();
        }

        /**
         * The positive label of a binary label column, as text ({@code "1"}, {@code ">50K"}); {@code null} to infer it
         * ({@code 1} for 0/1 labels, {@code true} for booleans) or leave it to the check.
         */
        public SELF positive(String value) {
            this.positive = value;
            return self();
        }

        /** The sensitive columns (none of them {@code null}). */
        public SELF sensitive(String... columns) {
            this.sensitive = List.of(columns);
            return self();
        }

        /**
         * The sensitive columns.
         *
         * @param columns the columns, not {@code null}
         */
        public SELF sensitive(List<String> columns) {
            this.sensitive = List.copyOf(columns);
            return self();
        }

        /**
         * Reads the data.
         *
         * @return the dataset, never {@code null}
         * @throws DataException naming the file, line and column for bad data (missing file, empty file, ragged row,
         *                       unclosed quote, duplicate column names, unknown label or sensitive column, ...)
         */
        public abstract Dataset load();
    }

    /** A CSV or JSONL file and how to read it. */
    public static final class FileSource extends Roles<FileSource> {
        private final Path file;
        private final boolean jsonl;
        private char separator = ',';
        private char quote = '"';
        private boolean trim;
        private int skipLines;
        private List<String> columns;
        private Set<String> missing = DEFAULT_MISSING;
        private final Map<String, ColumnType> types = new LinkedHashMap<>();
        private String displayName;

        FileSource(Path file, boolean jsonl) {
            this.file = Objects.requireNonNull(file, "file");
            this.jsonl = jsonl;
        }

        /** The field separator (CSV only); default {@code ,}. */
        public FileSource separator(char separator) {
            this.separator = separator;
            return this;
        }

        /** The quote character (CSV only); default {@code "}. */
        public FileSource quote(char quote) {
            this.quote = quote;
            return this;
        }

        /** Strip white space around unquoted fields (as in {@code ", "}-separated files such as UCI Adult). */
        public FileSource trim(boolean trim) {
            this.trim = trim;
            return this;
        }

        /** Lines to skip before the header (or the data). */
        public FileSource skipLines(int lines) {
            this.skipLines = lines;
            return this;
        }

        /** The column names of a file without a header row. */
        public FileSource columns(String... names) {
            this.columns = List.of(names);
            return this;
        }

        /**
         * The column names of a file without a header row.
         *
         * @param names the names, not {@code null}
         */
        public FileSource columns(List<String> names) {
            this.columns = List.copyOf(names);
            return this;
        }

        /** The cell texts that mean "missing" (replaces {@link #DEFAULT_MISSING}). */
        public FileSource missing(String... tokens) {
            this.missing = Set.of(tokens);
            return this;
        }

        /**
         * The cell texts that mean "missing" (replaces {@link #DEFAULT_MISSING}).
         *
         * @param tokens the tokens, not {@code null}; empty for none
         */
        public FileSource missing(Set<String> tokens) {
            this.missing = Set.copyOf(tokens);
            return this;
        }

        /** Forces a column's type instead of inferring it. */
        public FileSource type(String column, ColumnType type) {
            types.put(column, type);
            return this;
        }

        /** The name used for the data in evidence and messages; {@code null} for the default, the path as given. */
        public FileSource name(String name) {
            this.displayName = name;
            return this;
        }

        @Override
        public Dataset load() {
            String source = displayName != null ? displayName : file.toString();
            if (!Files.isRegularFile(file)) {
                throw new DataException(source + ": file not found (" + file.toAbsolutePath() + ")");
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new DataException(source + ": cannot read (" + e.getMessage() + ")", e);
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new DataException(source + ": not valid UTF-8 text", e);
            }
            String sha = Hashing.sha256Hex(bytes);
            CsvReader.Table table = jsonl ? readJsonl(source, text) :
                    new CsvReader(source, separator, quote, trim, missing).read(text, columns, skipLines, types);
            return new Dataset(source, sha, table.columns(), table.lines(), label, positive, sensitive);
        }

        private CsvReader.Table readJsonl(String source, String text) {
            ObjectMapper mapper = JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }

            Map<String, ColumnBuilder> builders = new LinkedHashMap<>();
            int[] lines = new int[1024];
            int rows = 0;
            int lineNo = 0;
            for (String line : text.split("\r?\n", -1)) {
                lineNo++;
                if (lineNo <= skipLines || line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new DataException(source + " line " + lineNo + ": not valid JSON ("
                            + e.getOriginalMessage() + ")");
                }
                if (node == null || !node.isObject()) {
                    throw new DataException(source + " line " + lineNo + ": expected a JSON object, found "
                            + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
                }
                Set<String> seen = new LinkedHashSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String key = e.getKey();
                    seen.add(key);
                    ColumnBuilder b = builders.get(key);
                    if (b == null) {
                        b = new ColumnBuilder(key, types.get(key));
                        for (int r = 0; r < rows; r++) {
                            b.addMissing();
                        }
                        builders.put(key, b);
                    }
                    JsonNode v = e.getValue();
                    if (v.isNull()) {
                        b.addMissing();
                    } else if (v.isContainerNode()) {
                        throw new DataException(source + " line " + lineNo + ", key '" + key
                                + "': nested objects and arrays are not supported as cell values");
                    } else {
                        String s = v.isNumber() ? Column.formatNumber(v.doubleValue()) : v.asText();
                        if (!v.isNumber() && missing.contains(s)) {
                            b.addMissing();
                        } else {
                            b.add(s);
                        }
                    }
                }
                for (ColumnBuilder b : builders.values()) {
                    if (!seen.contains(b.name())) {
                        b.addMissing();
                    }
                }
                if (rows == lines.length) {
                    lines = java.util.Arrays.copyOf(lines, rows * 2);
                }
                lines[rows++] = lineNo;
            }
            if (rows == 0) {
                throw new DataException(source + ": the file is empty (no JSON object on any line)");
            }
            for (String t : types.keySet()) {
                if (!builders.containsKey(t)) {
                    throw new DataException(source + ": a type is declared for key '" + t
                            + "', which does not occur in the file; keys are " + builders.keySet());
                }
            }
            List<Column> cols = new ArrayList<>();
            for (ColumnBuilder b : builders.values()) {
                if (types.get(b.name()) == ColumnType.NUMERIC && !b.isNumericSoFar()) {
                    int bad = b.firstNonNumericRow();
                    throw new DataException(source + " line " + lines[bad] + ", key '" + b.name()
                            + "': declared numeric but the value is not a number");
                }
                cols.add(b.build());
            }
            return new CsvReader.Table(cols, java.util.Arrays.copyOf(lines, rows));
        }
    }

    /** Columns given as arrays. */
    public static final class InMemory extends Roles<InMemory> {
        private final String name;
        private final List<Column> columns = new ArrayList<>();

        InMemory(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Adds a numeric column ({@code NaN} = missing); the values are copied. */
        public InMemory numeric(String column, double... values) {
            columns.add(Column.numeric(column, values.clone()));
            return this;
        }

        /** Adds a categorical column; {@code null} values are missing. */
        public InMemory categorical(String column, String... values) {
            columns.add(Column.categorical(column, values));
            return this;
        }

        /**
         * Adds a column as is.
         *
         * @param column the column, not {@code null}
         */
        public InMemory column(Column column) {
            columns.add(column);
            return this;
        }

        @Override
        public Dataset load() {
            if (columns.isEmpty() || columns.get(0).size() == 0) {
                throw new DataException(name + ": no data rows");
            }
            // Canonical serialisation: counts and lengths are prefixed, so that no two different tables (say, one
            // column of three values and two columns of one value) serialise to the same bytes.
            var md = Hashing.sha256();
            updateInt(md, columns.size());
            for (Column c : columns) {
                updateText(md, c.name());
                md.update((byte) (c.isNumeric() ? 'N' : 'C'));
                updateInt(md, c.size());
                for (int r = 0; r < c.size(); r++) {
                    String v = c.stringValue(r);
                    if (v == null) {
                        md.update((byte) 0);
                    } else {
                        md.update((byte) 1);
                        updateText(md, v);
                    }
                }
            }
            String sha = java.util.HexFormat.of().formatHex(md.digest());
            return new Dataset(name, sha, columns, null, label, positive, sensitive);
        }

        private static void updateInt(java.security.MessageDigest md, int v) {
            md.update(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        }

        private static void updateText(java.security.MessageDigest md, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            updateInt(md, b.length);
            md.update(b);
        }
    }
}

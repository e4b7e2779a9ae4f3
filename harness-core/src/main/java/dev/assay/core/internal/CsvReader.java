package dev.assay.core.internal;

import dev.assay.core.Column;
import dev.assay.core.ColumnType;
import dev.assay.core.DataException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small RFC 4180 reader into column builders: configurable separator and quote, doubled quotes inside quoted
 * fields, quoted newlines, CRLF or LF line ends, blank lines skipped, optional trimming of unquoted whitespace.
 * Every error names the source and the line.
 */
public final class CsvReader {
    private final String source;
    private final char separator;
    private final char quote;
    private final boolean trim;
    private final Set<String> missing;
    /** Length of the current field's text at its closing quote. */
    private int quotedEnd;

    public CsvReader(String source, char separator, char quote, boolean trim, Set<String> missing) {
        this.source = source;
        this.separator = separator;
        this.quote = quote;
        this.trim = trim;
        this.missing = missing;
    }

    /** Result of a read: the columns and the 1-based line on which each row starts. */
    public record Table(List<Column> columns, int[] lines) {
    }

    /** Reads {@code text}; with {@code names == null} the first record is the header, otherwise there is none. */
    public Table read(String text, List<String> names, int skipLines, Map<String, ColumnType> types) {
        int pos = 0;
        int line = 1;
        int len = text.length();
        if (len > 0 && text.charAt(0) == '\uFEFF') {
            pos = 1;
        }
        for (int s = 0; s < skipLines && pos < len; s++) {
            while (pos < len && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                pos++;
            }
            if (pos < len && text.charAt(pos) == '\r' && pos + 1 < len && text.charAt(pos + 1) == '\n') {
                pos++;
            }
            pos++;
            line++;
        }
        List<String> fields = new ArrayList<>();
        List<String> columnNames = names == null ? null : List.copyOf(names);
        ColumnBuilder[] builders = null;
        int[] lines = new int[1024];
        int rows = 0;
        int[] lineHolder = {line};
        while (pos < len) {
            int rowLine = lineHolder[0];
            fields.clear();
            pos = readRecord(text, pos, fields, lineHolder);
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue; // blank line
            }
            if (columnNames == null) {
                columnNames = List.copyOf(fields);
                checkNames(columnNames, rowLine);
                continue;
            }
            if (builders == null) {
                checkNames(columnNames, names != null ? -1 : rowLine);
                builders = newBuilders(columnNames, types);
            }
            if (fields.size() != builders.length) {
                throw new DataException(source + " line " + rowLine + ": expected " + builders.length
                        + " fields (columns " + columnNames + ") but found " + fields.size());
            }
            for (int c = 0; c < builders.length; c++) {
                String v = fields.get(c);
                if (missing.contains(v)) {
                    builders[c].addMissing();
                } else {
                    builders[c].add(v);
                }
            }
            if (rows == lines.length) {
                lines = java.util.Arrays.copyOf(lines, rows * 2);
            }
            lines[rows++] = rowLine;
        }
        if (builders == null) {
            if (columnNames == null) {
                throw new DataException(source + ": the file is empty (no header and no data rows)");
            }
            throw new DataException(source + ": no data rows (only a header with columns " + columnNames + ")");
        }
        List<Column> columns = new ArrayList<>(builders.length);
        for (ColumnBuilder b : builders) {
            ColumnType forced = types.get(b.name());
            if (forced == ColumnType.NUMERIC && !b.isNumericSoFar()) {
                int bad = b.firstNonNumericRow();
                throw new DataException(source + " line " + lines[bad] + ", column '" + b.name()
                        + "': declared numeric but the value is not a number");
            }
            columns.add(b.build());
        }
        return new Table(columns, java.util.Arrays.copyOf(lines, rows));
    }

    private ColumnBuilder[] newBuilders(List<String> names, Map<String, ColumnType> types) {
        for (String t : types.keySet()) {
            if (!names.contains(t)) {
                throw new DataException(source + ": a type is declared for column '" + t
                        + "', which is not in the file; columns are " + names);
            }
        }
        ColumnBuilder[] b = new ColumnBuilder[names.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = new ColumnBuilder(names.get(i), types.get(names.get(i)));
        }
        return b;
    }

    /** Checks header names ({@code line >= 1}) or names given by configuration ({@code line < 0}). */
    private void checkNames(List<String> names, int line) {
        String where = line >= 0 ? source + " line " + line + " (header)" : source + " (column names given)";
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isEmpty()) {
                throw new DataException(where + ": column " + (i + 1) + " has an empty name");
            }
            Integer prev = seen.put(n, i);
            if (prev != null) {
                throw new DataException(where + ": duplicate column name '" + n
                        + "' (columns " + (prev + 1) + " and " + (i + 1) + ")");
            }
        }
    }

    private int readRecord(String text, int pos, List<String> out, int[] line) {
        int len = text.length();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int startLine = line[0];
        while (true) {
            if (pos >= len) {
                if (quoted) {
                    throw new DataException(source + " line " + startLine + ": a quoted field is not closed");
                }
                out.add(finish(sb, wasQuoted));
                return pos;
            }
            char c = text.charAt(pos++);
            if (quoted) {
                if (c == quote) {
                    if (pos < len && text.charAt(pos) == quote) {
                        sb.append(quote);
                        pos++;
                    } else {
                        quoted = false;
                        quotedEnd = sb.length();
                    }
                } else {
                    if (c == '\n') {
                        line[0]++;
                    }
                    sb.append(c);
                }
            } else if (c == separator) {
                out.add(finish(sb, wasQuoted));
                sb.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && pos < len && text.charAt(pos) == '\n') {
                    pos++;
                }
                line[0]++;
                out.add(finish(sb, wasQuoted));
                return pos;
            } else if (c == quote && isBlank(sb)) {
                sb.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                sb.append(c);
            }
        }
    }

    private static boolean isBlank(StringBuilder sb) {
        for (int i = 0; i < sb.length(); i++) {
            if (!Character.isWhitespace(sb.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The field's text. With {@code trim}, white space around an unquoted field goes, and so does white space
     * after the closing quote of a quoted one; the quoted content itself is kept as is.
     */
    private String finish(StringBuilder sb, boolean wasQuoted) {
        if (!trim) {
            return sb.toString();
        }
        if (!wasQuoted) {
            return sb.toString().strip();
        }
        return sb.substring(0, quotedEnd) + sb.substring(quotedEnd).strip();
    }
}

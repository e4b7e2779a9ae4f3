package dev.assay.core.fairness.internal;

import dev.assay.core.DataException;
import dev.assay.core.internal.GroupIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts a CSV file of precomputed predictions into a {@link CellTable} line by line, in memory that does not
 * grow with the file: only the distinct values of the group columns and the cell counts are kept. For files larger
 * than the heap; count-based metrics only (no scores, no features). The file's SHA-256 is computed on the way.
 */
public final class StreamingCounter {
    /** What was read besides the counts. */
    public static final class Streamed {
        public final CellCounter.Result result;
        public final long rows;
        public final String sha256;

        Streamed(CellCounter.Result result, long rows, String sha256) {
            this.result = result;
            this.rows = rows;
            this.sha256 = sha256;
        }
    }

    private StreamingCounter() {
    }

    public static Streamed count(Path file, List<String> groupColumns, boolean missingAsGroup, String labelColumn,
                                 String positive, String predictionColumn, String weightColumn, Set<String> missing) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String source = file.toString();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = r.readLine();
            if (header == null) {
                throw new DataException(source + ": empty file, no header line");
            }
            List<String> names = split(header, source, 1, new ArrayList<>());
            int k = groupColumns.size();
            int[] groupIdx = new int[k];
            for (int j = 0; j < k; j++) {
                groupIdx[j] = indexOf(names, groupColumns.get(j), source);
            }
            int labelIdx = indexOf(names, labelColumn, source);
            int predIdx = indexOf(names, predictionColumn, source);
            int weightIdx = weightColumn == null ? -1 : indexOf(names, weightColumn, source);

            List<Map<String, Integer>> codes = new ArrayList<>();
            List<List<String>> dicts = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                codes.add(new HashMap<>());
                dicts.add(new ArrayList<>());
            }
            Map<String, Integer> outcomeCodes = new HashMap<>();
            List<String> outcomes = new ArrayList<>();
            Map<List<Integer>, Integer> cellIds = new HashMap<>();
            List<int[]> cellCodes = new ArrayList<>();
            long[] counts = new long[64];
            double[] w = weightIdx >= 0 ? new double[64] : null;
            double[] w2 = weightIdx >= 0 ? new double[64] : null;
            List<String> fields = new ArrayList<>();
            int[] key = new int[k];
            long rows = 0;
            int line = 1;
            String text;
            while ((text = r.readLine()) != null) {
                line++;
                if (text.isEmpty()) {
                    continue;
                }
                fields.clear();
                split(text, source, line, fields);
                if (fields.size() != names.size()) {
                    throw new DataException(source + " line " + line + ": " + fields.size() + " fields where the header"
                            + " has " + names.size());
                }
                for (int j = 0; j < k; j++) {
                    String v = fields.get(groupIdx[j]);
                    if (missing.contains(v)) {
                        if (!missingAsGroup) {
                            throw new DataException(source + " line " + line + " (row " + rows + "), sensitive column '"
                                    + groupColumns.get(j) + "': no value; fill it, or make missing values their own"
                                    + " group with missing: as-group");
                        }
                        v = GroupIndex.MISSING_GROUP;
                    }
                    Integer c = codes.get(j).get(v);
                    if (c == null) {
                        c = dicts.get(j).size();
                        codes.get(j).put(v, c);
                        dicts.get(j).add(v);
                    }
                    key[j] = c;
                }
                List<Integer> boxed = new ArrayList<>(k);
                for (int c : key) {
                    boxed.add(c);
                }
                Integer cell = cellIds.get(boxed);
                if (cell == null) {
                    cell = cellCodes.size();
                    cellIds.put(boxed, cell);
                    cellCodes.add(key.clone());
                    if ((cell + 1) * 4 > counts.length) {
                        counts = Arrays.copyOf(counts, counts.length * 2);
                        if (w != null) {
                            w = Arrays.copyOf(w, w.length * 2);
                            w2 = Arrays.copyOf(w2, w2.length * 2);
                        }
                    }
                }
                int y = outcome(fields.get(labelIdx), outcomeCodes, outcomes, missing, source, line, labelColumn);
                int p = outcome(fields.get(predIdx), outcomeCodes, outcomes, missing, source, line, predictionColumn);
                int s = cell * 4 + (y << 1 | p);
                counts[s]++;
                if (w != null) {
                    double wi = parseWeight(fields.get(weightIdx), source, line, weightColumn);
                    w[s] += wi;
                    w2[s] += wi * wi;
                }
                rows++;
            }
            if (rows == 0) {
                throw new DataException(source + ": no data rows");
            }
            // which outcome code is positive
            String pos = positive != null ? CellCounter.normalise(positive) : null;
            if (pos == null) {
                if (Set.of("0", "1").containsAll(outcomes)) {
                    pos = "1";
                } else if (Set.of("false", "true").containsAll(lower(outcomes))) {
                    pos = outcomes.contains("True") ? "True" : "true";
                } else {
                    throw new DataException(source + ", column '" + labelColumn + "': no positive label is set and the"
                            + " values " + outcomes + " do not say which is positive; set positive");
                }
            }
            int posCode = outcomes.indexOf(pos);
            if (posCode < 0) {
                throw new DataException(source + ", column '" + labelColumn + "': the positive label '" + pos
                        + "' never occurs; the values are " + outcomes);
            }
            // cells ordered by their columns' codes (as the in-memory counter), quadrants by the positive label
            Integer[] order = new Integer[cellCodes.size()];
            for (int c = 0; c < order.length; c++) {
                order[c] = c;
            }
            Arrays.sort(order, (a, b) -> Arrays.compare(cellCodes.get(a), cellCodes.get(b)));
            CellTable t = new CellTable(order.length, 4, 1, 0, w != null);
            List<Map<String, String>> cells = new ArrayList<>();
            for (int to = 0; to < order.length; to++) {
                int from = order[to];
                for (int q = 0; q < 4; q++) {
                    int yBit = ((q >> 1) == posCode) ? 1 : 0;
                    int pBit = ((q & 1) == posCode) ? 1 : 0;
                    int dst = to * 4 + (yBit << 1 | pBit);
                    t.n[dst] += counts[from * 4 + q];
                    t.w[dst] += w == null ? counts[from * 4 + q] : w[from * 4 + q];
                    if (w2 != null) {
                        t.w2[dst] += w2[from * 4 + q];
                    }
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int j = 0; j < k; j++) {
                    m.put(groupColumns.get(j), dicts.get(j).get(cellCodes.get(from)[j]));
                }
                cells.add(m);
            }
            r.transferTo(java.io.Writer.nullWriter());
            return new Streamed(new CellCounter.Result(t, cells, pos), rows, HexFormat.of().formatHex(md.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lower(List<String> s) {
        List<String> out = new ArrayList<>();
        s.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }

    private static double parseWeight(String text, String source, int line, String column) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new DataException(source + " line " + line + ", weight column '" + column + "': a sample weight must"
                    + " be a finite number >= 0, was '" + text + "'");
        }
        return v;
    }

    /** The outcome code (0 or 1) of a label or prediction; at most two distinct values in both columns together. */
    private static int outcome(String text, Map<String, Integer> codes, List<String> values, Set<String> missing,
                               String source, int line, String column) {
        Integer c = codes.get(text);
        if (c != null) {
            return c;
        }
        if (missing.contains(text)) {
            throw new DataException(source + " line " + line + ", column '" + column + "': no value (missing)");
        }
        String v = CellCounter.normalise(text);
        int code = values.indexOf(v);
        if (code < 0) {
            if (values.size() == 2) {
                throw new DataException(source + " line " + line + ", column '" + column + "': a third value '" + text
                        + "' after " + values + "; binary metrics need exactly two classes");
            }
            code = values.size();
            values.add(v);
        }
        codes.put(text, code);
        return code;
    }

    private static int indexOf(List<String> names, String column, String source) {
        int i = names.indexOf(column);
        if (i < 0) {
            throw new DataException(source + ": no column '" + column + "'; columns are " + names);
        }
        return i;
    }

    /** Splits one CSV line (comma, double quotes with "" escapes) into {@code out}. */
    static List<String> split(String line, String source, int lineNo, List<String> out) {
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new DataException(source + " line " + lineNo + ": unterminated quoted field (quoted"
                                + " line breaks are not supported when streaming)");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(ch);
                    }
                }
                out.add(sb.toString());
                if (i < n && line.charAt(i) != ',') {
                    throw new DataException(source + " line " + lineNo + ": text after a closing quote");
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                out.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return out;
            }
            i++; // the comma
            if (i == n) {
                out.add("");
                return out;
            }
        }
    }
}

package dev.assay.core.internal;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns every row to its group cell: the intersection of the values of the {@code by} columns. Cells are
 * numbered densely in order of first appearance; only cells that occur exist (empty intersections are skipped).
 * A missing value in a {@code by} column is an error naming the column and the rows, or its own group
 * ({@code <missing>}) when allowed.
 */
public final class GroupIndex {
    public static final String MISSING_GROUP = "<missing>";

    /** Cell of each row. */
    public final int[] cellOfRow;
    private final List<Map<String, String>> cells;

    private GroupIndex(int[] cellOfRow, List<Map<String, String>> cells) {
        this.cellOfRow = cellOfRow;
        this.cells = cells;
    }

    public int cellCount() {
        return cells.size();
    }

    /** The group values of a cell, column to value, in {@code by} order. */
    public Map<String, String> cell(int c) {
        return cells.get(c);
    }

    public static GroupIndex of(Dataset data, List<String> by, boolean missingAsGroup) {
        int n = data.rows();
        int[] cellOfRow = new int[n];
        List<Map<String, String>> cells = new ArrayList<>();
        if (by.isEmpty()) {
            cells.add(Map.of());
            return new GroupIndex(cellOfRow, cells);
        }
        int k = by.size();
        if (new java.util.HashSet<>(by).size() != k) {
            throw new IllegalArgumentException("group columns " + by + " name a column more than once");
        }
        int[][] codes = new int[k][];
        List<List<String>> dicts = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (!data.hasColumn(by.get(j))) {
                throw new DataException(data.source() + ": no group column '" + by.get(j) + "' (by " + by
                        + "); columns are " + data.columnNames());
            }
            Column c = data.column(by.get(j));
            int firstMissing = c.firstMissing();
            if (firstMissing >= 0 && !missingAsGroup) {
                int m = c.missingCount();
                throw new DataException(data.locate(firstMissing) + ", group column '" + c.name()
                        + "': no value" + (m > 1 ? " (" + m + " rows have none)" : "") + "; fill the missing"
                        + " values in, or let them form their own group '" + MISSING_GROUP + "'");
            }
            DictionaryEncoder enc = new DictionaryEncoder();
            int[] col = new int[n];
            if (c.isNumeric()) {
                for (int i = 0; i < n; i++) {
                    String s = c.stringValue(i);
                    col[i] = enc.encode(s == null ? MISSING_GROUP : s);
                }
                dicts.add(enc.dictionary());
            } else {
                List<String> dict = new ArrayList<>(c.dictionary());
                int missingCode = -1;
                for (int i = 0; i < n; i++) {
                    int code = c.code(i);
                    if (code < 0) {
                        if (missingCode < 0) {
                            missingCode = dict.size();
                            dict.add(MISSING_GROUP);
                        }
                        code = missingCode;
                    }
                    col[i] = code;
                }
                dicts.add(dict);
            }
            codes[j] = col;
        }
        long space = 1;
        for (List<String> d : dicts) {
            space *= Math.max(1, d.size());
            if (space > 1 << 22) {
                break;
            }
        }
        if (space <= 1 << 22) {
            int[] dense = new int[(int) space];
            Arrays.fill(dense, -1);
            for (int i = 0; i < n; i++) {
                int key = 0;
                for (int j = 0; j < k; j++) {
                    key = key * dicts.get(j).size() + codes[j][i];
                }
                int cell = dense[key];
                if (cell < 0) {
                    cell = cells.size();
                    dense[key] = cell;
                    cells.add(describe(by, dicts, codes, i));
                }
                cellOfRow[i] = cell;
            }
        } else {
            Map<List<Integer>, Integer> map = new HashMap<>();
            for (int i = 0; i < n; i++) {
                List<Integer> key = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    key.add(codes[j][i]);
                }
                final int row = i;
                cellOfRow[i] = map.computeIfAbsent(key, x -> {
                    cells.add(describe(by, dicts, codes, row));
                    return cells.size() - 1;
                });
            }
        }
        return new GroupIndex(cellOfRow, cells);
    }

    private static Map<String, String> describe(List<String> by, List<List<String>> dicts, int[][] codes, int row) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int j = 0; j < by.size(); j++) {
            m.put(by.get(j), dicts.get(j).get(codes[j][row]));
        }
        return m;
    }
}

package dev.assay.core.fairness.internal;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.Dataset;
import dev.assay.core.internal.GroupIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One pass over the rows into a {@link CellTable}. Group cells are the intersections of the values of the
 * group columns ({@code by} then {@code control}); cells that never occur are dropped (Fairlearn skips empty
 * intersections). No allocation per row: categorical columns are read through their dictionary codes, label and
 * prediction values are classified once per dictionary entry.
 */
public final class CellCounter {
    /** Cells above this many intersections are indexed through {@link GroupIndex} instead of dense keys. */
    private static final int DENSE_LIMIT = 1 << 16;

    /** What to count. */
    public static final class Spec {
        public List<String> groupColumns = List.of();
        public boolean missingAsGroup;
        public boolean regression;
        /** Label column (ground truth) and its positive value (binary only, {@code null}: infer). */
        public Column label;
        public String positive;
        /** Predicted labels (binary) or predicted values (regression). */
        public Column prediction;
        public String predictionSource = "prediction";
        /** Scores in [0, 1] for score metrics, or {@code null}. */
        public double[] scores;
        public Column scoreColumn;
        public Column weights;
        public int bins = 10;
        /** Keep each row's cell and outcome bits (for ROC AUC and consistency, which are not count-based). */
        public boolean keepRows;
    }

    /** The counted table and what its cells are. */
    public static final class Result {
        public final CellTable table;
        /** Per cell: group column to value, in group column order. */
        public final List<Map<String, String>> cells;
        public final String positive;
        /** With {@link Spec#keepRows}: each row's cell, label bit and prediction bit; else {@code null}. */
        public int[] rowCell;
        public byte[] rowY;
        public byte[] rowP;
        public double[] scores;

        Result(CellTable table, List<Map<String, String>> cells, String positive) {
            this.table = table;
            this.cells = cells;
            this.positive = positive;
        }
    }

    private CellCounter() {
    }

    public static Result count(Dataset data, Spec spec) {
        int n = data.rows();
        if (n == 0) {
            throw new DataException(data.source() + ": no data rows");
        }
        List<String> cols = spec.groupColumns;
        int k = cols.size();
        Column[] gc = new Column[k];
        int[][] codeMap = new int[k][];
        int[][] numCodes = new int[k][];
        List<List<String>> dicts = new ArrayList<>();
        long space = 1;
        for (int j = 0; j < k; j++) {
            Column c = data.column(cols.get(j));
            gc[j] = c;
            int missing = c.missingCount();
            if (missing > 0 && !spec.missingAsGroup) {
                throw new DataException(missingMessage(data, c, missing));
            }
            List<String> dict = new ArrayList<>();
            if (c.isNumeric()) {
                Map<Double, Integer> seen = new HashMap<>();
                int[] codes = new int[n];
                int missingCode = -1;
                for (int i = 0; i < n; i++) {
                    double v = c.doubleValue(i);
                    int code;
                    if (Double.isNaN(v)) {
                        if (missingCode < 0) {
                            missingCode = dict.size();
                            dict.add(GroupIndex.MISSING_GROUP);
                        }
                        code = missingCode;
                    } else {
                        Integer known = seen.get(v);
                        if (known == null) {
                            known = dict.size();
                            seen.put(v, known);
                            dict.add(Column.formatNumber(v));
                        }
                        code = known;
                    }
                    codes[i] = code;
                }
                numCodes[j] = codes;
            } else {
                dict.addAll(c.dictionary());
                int[] map = new int[dict.size() + 1];
                map[0] = missing > 0 ? dict.size() : -1;
                if (missing > 0) {
                    dict.add(GroupIndex.MISSING_GROUP);
                }
                for (int d = 0; d < c.dictionary().size(); d++) {
                    map[d + 1] = d;
                }
                codeMap[j] = map;
            }
            dicts.add(dict);
            space *= Math.max(1, dict.size());
            space = Math.min(space, Integer.MAX_VALUE);
        }
        int[] stride = new int[k];
        boolean dense = space <= DENSE_LIMIT;
        GroupIndex index = null;
        int cellSpace;
        if (dense) {
            int s = 1;
            for (int j = k - 1; j >= 0; j--) {
                stride[j] = s;
                s *= Math.max(1, dicts.get(j).size());
            }
            cellSpace = s;
        } else {
            index = GroupIndex.of(data, cols, spec.missingAsGroup);
            cellSpace = index.cellCount();
        }

        Outcome y;
        Outcome p;
        String positive = null;
        if (spec.regression) {
            y = Outcome.numeric(data, spec.label, "label");
            p = Outcome.numeric(data, spec.prediction, spec.predictionSource);
        } else {
            Set<String> labelValues = distinct(spec.label);
            positive = positiveLabel(data, spec, labelValues);
            y = Outcome.binary(data, spec.label, positive, labelValues, "label column '" + spec.label.name() + "'");
            p = Outcome.binary(data, spec.prediction, positive, labelValues, spec.predictionSource);
        }
        double[] scores = spec.scores;
        if (scores == null && spec.scoreColumn != null) {
            scores = spec.scoreColumn.toDoubleArray();
        }
        if (scores != null) {
            checkScores(data, scores, spec.scoreColumn != null ? "score column '" + spec.scoreColumn.name() + "'"
                    : "model scores");
        }
        Column weights = spec.weights;
        if (weights != null) {
            for (int i = 0; i < n; i++) {
                double v = weights.doubleValue(i);
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new DataException(data.locate(i) + ", weight column '" + weights.name()
                            + "': a sample weight must be a finite number >= 0, was '" + weights.stringValue(i) + "'");
                }
            }
        }
        int quadrants = spec.regression ? 1 : 4;
        int bins = scores != null && !spec.regression ? spec.bins : 1;
        int accs = spec.regression ? 4 : scores != null ? 2 : 0;
        CellTable t = new CellTable(cellSpace, quadrants, bins, accs, weights != null);

        // the pass
        int[] rowCell = spec.keepRows ? new int[n] : null;
        byte[] rowY = spec.keepRows && !spec.regression ? new byte[n] : null;
        byte[] rowP = spec.keepRows && !spec.regression ? new byte[n] : null;
        if (!spec.regression && scores == null && weights == null && index == null && !spec.keepRows) {
            binaryPass(n, gc, codeMap, numCodes, stride, y, p, t);
        } else {
            generalPass(n, spec, gc, codeMap, numCodes, stride, index, y, p, scores, weights, t, bins, rowCell, rowY,
                    rowP);
        }
        // drop empty intersections and describe the others
        boolean[] keep = new boolean[cellSpace];
        int[] renumber = new int[cellSpace];
        List<Map<String, String>> cells = new ArrayList<>();
        for (int c = 0; c < cellSpace; c++) {
            keep[c] = t.cellCount(c) > 0;
            if (!keep[c]) {
                continue;
            }
            renumber[c] = cells.size();
            Map<String, String> m = new LinkedHashMap<>();
            if (index != null) {
                m.putAll(index.cell(c));
            } else {
                int rest = c;
                for (int j = 0; j < k; j++) {
                    int code = rest / stride[j];
                    rest %= stride[j];
                    m.put(cols.get(j), dicts.get(j).get(code));
                }
            }
            cells.add(m);
        }
        Result r = new Result(t.select(keep), cells, positive);
        if (rowCell != null) {
            for (int i = 0; i < n; i++) {
                rowCell[i] = renumber[rowCell[i]];
            }
            r.rowCell = rowCell;
            r.rowY = rowY;
            r.rowP = rowP;
            r.scores = scores;
        }
        return r;
    }

    /** Any table: weights, scores, regression, many cells; one row at a time. */
    private static void generalPass(int n, Spec spec, Column[] gc, int[][] codeMap, int[][] numCodes, int[] stride,
                                    GroupIndex index, Outcome y, Outcome p, double[] scores, Column weights,
                                    CellTable t, int bins, int[] rowCell, byte[] rowY, byte[] rowP) {
        long[] tn = t.n;
        double[] tw = t.w;
        double[] tw2 = t.w2;
        int[] cellOfRow = index != null ? index.cellOfRow : null;
        int k = gc.length;
        for (int i = 0; i < n; i++) {
            int cell;
            if (cellOfRow != null) {
                cell = cellOfRow[i];
            } else {
                cell = 0;
                for (int j = 0; j < k; j++) {
                    int[] nc = numCodes[j];
                    int code = nc != null ? nc[i] : codeMap[j][gc[j].code(i) + 1];
                    cell += code * stride[j];
                }
            }
            double wi = weights == null ? 1.0 : weights.doubleValue(i);
            if (rowCell != null) {
                rowCell[i] = cell;
            }
            if (spec.regression) {
                double yv = y.value(i);
                double pv = p.value(i);
                int s = cell;
                tn[s]++;
                tw[s] += wi;
                if (tw2 != null) {
                    tw2[s] += wi * wi;
                }
                double e = pv - yv;
                acc(t, CellTable.PRED, s, wi * pv);
                acc(t, CellTable.ABS_ERR, s, wi * Math.abs(e));
                acc(t, CellTable.SQ_ERR, s, wi * e * e);
                acc(t, CellTable.TRUTH, s, wi * yv);
            } else {
                int yi = y.bit(i);
                int pi = p.bit(i);
                int q = (yi << 1) | pi;
                if (rowY != null) {
                    rowY[i] = (byte) yi;
                    rowP[i] = (byte) pi;
                }
                if (scores == null) {
                    int s = (cell << 2) | q;
                    tn[s]++;
                    tw[s] += wi;
                    if (tw2 != null) {
                        tw2[s] += wi * wi;
                    }
                } else {
                    double sc = scores[i];
                    int bin = Math.min((int) (sc * bins), bins - 1);
                    int s = (cell * 4 + q) * bins + bin;
                    tn[s]++;
                    tw[s] += wi;
                    if (tw2 != null) {
                        tw2[s] += wi * wi;
                    }
                    double e = sc - yi;
                    acc(t, CellTable.SCORE, s, wi * sc);
                    acc(t, CellTable.BRIER, s, wi * e * e);
                }
            }
        }

    }

    private static final int CHUNK = 4096;

    /**
     * The common case, unweighted binary counts over dense cells, column at a time over chunks of rows so that
     * every loop is short and simple; only two chunk buffers are allocated.
     */
    private static void binaryPass(int n, Column[] gc, int[][] codeMap, int[][] numCodes, int[] stride, Outcome y,
                                   Outcome p, CellTable t) {
        int[] cell = new int[CHUNK];
        int[] q = new int[CHUNK];
        long[] counts = t.n;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            java.util.Arrays.fill(cell, 0, len, 0);
            for (int j = 0; j < gc.length; j++) {
                if (numCodes[j] != null) {
                    addNumericCodes(numCodes[j], stride[j], start, len, cell);
                } else {
                    addCodes(gc[j], codeMap[j], stride[j], start, len, cell);
                }
            }
            if (y.ofCode == null && p.ofCode == null) {
                Outcome.countNumeric(y, p, start, len, cell, counts);
                continue;
            }
            y.bits(start, len, q, true);
            p.bits(start, len, q, false);
            for (int i = 0; i < len; i++) {
                counts[(cell[i] << 2) | q[i]]++;
            }

        }
        for (int s = 0; s < counts.length; s++) {
            t.w[s] = counts[s];
        }
    }

    private static void addCodes(Column c, int[] map, int stride, int start, int len, int[] cell) {
        for (int i = 0; i < len; i++) {
            cell[i] += map[c.code(start + i) + 1] * stride;
        }
    }

    private static void addNumericCodes(int[] codes, int stride, int start, int len, int[] cell) {
        for (int i = 0; i < len; i++) {
            cell[i] += codes[start + i] * stride;
        }
    }

    private static void acc(CellTable t, int a, int s, double v) {
        t.sum1[a][s] += v;
        t.sum2[a][s] += v * v;
    }

    static String missingMessage(Dataset data, Column c, int missing) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < c.size() && rows.size() < 10; i++) {
            if (c.isMissing(i)) {
                rows.add(data.line(i) > 0 ? "line " + data.line(i) + " (row " + i + ")" : "row " + i);
            }
        }
        return data.source() + ", sensitive column '" + c.name() + "': " + missing + " row"
                + (missing == 1 ? " has" : "s have") + " no value (" + String.join(", ", rows)
                + (missing > rows.size() ? ", ..." : "") + "); fill them, or make them their own group with"
                + " missing: as-group";
    }

    private static void checkScores(Dataset data, double[] scores, String what) {
        if (scores.length != data.rows()) {
            throw new DataException(what + ": " + scores.length + " scores for " + data.rows() + " rows of "
                    + data.source());
        }
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (!(s >= 0 && s <= 1)) {
                throw new DataException(data.locate(i) + ", " + what + ": a score must be a probability in [0, 1],"
                        + " was " + s);
            }
        }
    }

    private static Set<String> distinct(Column c) {
        Set<String> s = new LinkedHashSet<>();
        if (c.isNumeric()) {
            double a = Double.NaN;
            double b = Double.NaN;
            for (int i = 0; i < c.size(); i++) {
                double v = c.doubleValue(i);
                if ((v == a) | (v == b) | (v != v)) { // non-short-circuit: one predictable branch
                    continue;
                }
                if (Double.isNaN(a)) {
                    a = v;
                } else if (Double.isNaN(b)) {
                    b = v;
                } else {
                    s.add(Column.formatNumber(a));
                    s.add(Column.formatNumber(b));
                    s.add(Column.formatNumber(v));
                    return s;
                }
            }
            if (!Double.isNaN(a)) {
                s.add(Column.formatNumber(a));
            }
            if (!Double.isNaN(b)) {
                s.add(Column.formatNumber(b));
            }
            return s;
        }
        for (String d : c.dictionary()) {
            s.add(normalise(d));
        }
        return s;
    }

    private static String positiveLabel(Dataset data, Spec spec, Set<String> labelValues) {
        String name = spec.label.name();
        if (labelValues.size() > 2) {
            throw new DataException(data.source() + ", label column '" + name + "': more than two values "
                    + new ArrayList<>(labelValues).subList(0, 3) + "; binary fairness metrics need exactly two"
                    + " classes (map a multiclass label to one-vs-rest first)");
        }
        String positive = spec.positive != null ? spec.positive : data.positive().orElse(null);
        if (positive == null) {
            if (Set.of("0", "1").containsAll(labelValues)) {
                positive = "1";
            } else if (Set.of("false", "true").containsAll(lower(labelValues))) {
                positive = labelValues.contains("True") ? "True" : "true";
            } else {
                throw new DataException(data.source() + ", label column '" + name + "': no positive label is set"
                        + " and the values " + labelValues + " do not say which is positive; set positive");
            }
        }
        positive = normalise(positive);
        if (!labelValues.contains(positive)) {
            throw new DataException(data.source() + ", label column '" + name + "': the positive label '" + positive
                    + "' never occurs; the labels are " + labelValues);
        }
        return positive;
    }

    private static Set<String> lower(Set<String> s) {
        Set<String> out = new LinkedHashSet<>();
        s.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }

    /** {@code "1.0"} and {@code "1"} are the same label. */
    public static String normalise(String v) {
        String t = v.trim();
        try {
            double d = Double.parseDouble(t);
            if (!Double.isNaN(d)) {
                return Column.formatNumber(d);
            }
        } catch (NumberFormatException ignored) {
            // not a number: the text itself
        }
        return v;
    }

    /** Reads a binary outcome or a number per row without allocating. */
    private static final class Outcome {
        private final Dataset data;
        private final Column column;
        private final String what;
        private final byte[] ofCode;
        private final double pos;
        private final double neg;
        private final boolean numericValue;

        private Outcome(Dataset data, Column column, String what, byte[] ofCode, double pos, double neg,
                        boolean numericValue) {
            this.data = data;
            this.column = column;
            this.what = what;
            this.ofCode = ofCode;
            this.pos = pos;
            this.neg = neg;
            this.numericValue = numericValue;
        }

        static Outcome numeric(Dataset data, Column c, String what) {
            return new Outcome(data, c, what, null, Double.NaN, Double.NaN, true);
        }

        static Outcome binary(Dataset data, Column c, String positive, Set<String> labelValues, String what) {
            String negative = null;
            for (String v : labelValues) {
                if (!v.equals(positive)) {
                    negative = v;
                }
            }
            if (c.isNumeric()) {
                double pos = Double.parseDouble(positive);
                double neg = negative == null ? Double.NaN : parseOrNaN(negative);
                if (negative == null) {
                    // one label value: the other value the predictions use is the negative one
                    for (int i = 0; i < c.size(); i++) {
                        double v = c.doubleValue(i);
                        if (!Double.isNaN(v) && v != pos) {
                            neg = v;
                            break;
                        }
                    }
                }
                return new Outcome(data, c, what, null, pos, neg, false);
            }
            List<String> dict = c.dictionary();
            byte[] of = new byte[dict.size() + 1];
            of[0] = -1;
            for (int d = 0; d < dict.size(); d++) {
                String v = normalise(dict.get(d));
                if (v.equals(positive)) {
                    of[d + 1] = 1;
                } else if (negative == null || v.equals(negative)) {
                    of[d + 1] = 0;
                    negative = v;
                } else {
                    of[d + 1] = -2;
                }
            }
            return new Outcome(data, c, what, of, Double.NaN, Double.NaN, false);
        }

        private static double parseOrNaN(String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        int bit(int i) {
            if (ofCode != null) {
                int b = ofCode[column.code(i) + 1];
                if (b < 0) {
                    throw bad(i, b == -1);
                }
                return b;
            }
            double v = column.doubleValue(i);
            if (v == pos) {
                return 1;
            }
            if (v == neg) {
                return 0;
            }
            throw bad(i, Double.isNaN(v));
        }

        /**
         * {@code q[i] = bit << 1} for the label ({@code first}), then {@code q[i] |= bit} for the prediction.
         * Branch-free over the chunk (labels are unpredictable); a bad value is looked for only when one occurred.
         */
        void bits(int start, int len, int[] q, boolean first) {
            int invalid = 0;
            if (ofCode != null) {
                for (int i = 0; i < len; i++) {
                    int b = ofCode[column.code(start + i) + 1];
                    invalid |= b;
                    q[i] = first ? (b & 1) << 1 : q[i] | (b & 1);
                }
                if (invalid < 0) {
                    for (int i = 0; i < len; i++) {
                        int b = ofCode[column.code(start + i) + 1];
                        if (b < 0) {
                            throw bad(start + i, b == -1);
                        }
                    }
                }
                return;
            }
            double pos = this.pos;
            double neg = this.neg;
            if (first) {
                for (int i = 0; i < len; i++) {
                    double v = column.doubleValue(start + i);
                    int isPos = v == pos ? 1 : 0;
                    invalid |= (isPos | (v == neg ? 1 : 0)) ^ 1;
                    q[i] = isPos << 1;
                }
            } else {
                for (int i = 0; i < len; i++) {
                    double v = column.doubleValue(start + i);
                    int isPos = v == pos ? 1 : 0;
                    invalid |= (isPos | (v == neg ? 1 : 0)) ^ 1;
                    q[i] |= isPos;
                }
            }
            if (invalid != 0) {
                for (int i = 0; i < len; i++) {
                    double v = column.doubleValue(start + i);
                    if (v != pos && v != neg) {
                        throw bad(start + i, Double.isNaN(v));
                    }
                }
            }
        }

        /**
         * Label and prediction both numeric: decodes and counts in one loop, branch-free; a bad value is looked for
         * (and thrown, abandoning the counts) only when one occurred.
         */
        static void countNumeric(Outcome y, Outcome p, int start, int len, int[] cell, long[] counts) {
            Column yc = y.column;
            Column pc = p.column;
            double yPos = y.pos;
            double yNeg = y.neg;
            double pPos = p.pos;
            double pNeg = p.neg;
            int invalid = 0;
            for (int i = 0; i < len; i++) {
                double a = yc.doubleValue(start + i);
                double b = pc.doubleValue(start + i);
                int ya = a == yPos ? 1 : 0;
                int pb = b == pPos ? 1 : 0;
                invalid |= ((ya | (a == yNeg ? 1 : 0)) & (pb | (b == pNeg ? 1 : 0))) ^ 1;
                counts[(cell[i] << 2) | (ya << 1) | pb]++;
            }
            if (invalid != 0) {
                int[] q = new int[len];
                y.bits(start, len, q, true);
                p.bits(start, len, q, false);
            }
        }

        double value(int i) {
            double v = column.doubleValue(i);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw bad(i, Double.isNaN(v));
            }
            return v;
        }

        private DataException bad(int i, boolean missing) {
            if (missing) {
                return new DataException(data.locate(i) + ", " + what + ": no value (missing or NaN); "
                        + column.missingCount() + " rows without a value");
            }
            return new DataException(data.locate(i) + ", " + what + ": '" + column.stringValue(i) + "' is "
                    + (numericValue ? "not a number" : "neither the positive label nor the other label value"));
        }
    }
}

package dev.assay.core.fairness.internal;

import java.util.Arrays;

/**
 * The sufficient statistics of a fairness evaluation: for every sub-cell (group cell x outcome quadrant x score
 * bin) the row count, the sum of weights and, for continuous quantities, weighted sums. Every metric is derived
 * from this table, and the bootstrap resamples it instead of the rows.
 *
 * <p>Sub-cell index: {@code (cell * quadrants + quadrant) * bins + bin}. Binary quadrants: {@code 0 = TN}
 * ({@code y=0, yhat=0}), {@code 1 = FP}, {@code 2 = FN}, {@code 3 = TP}. Regression tables have one quadrant.
 */
public final class CellTable {
    /** Accumulators of a binary table with scores. */
    public static final int SCORE = 0;
    public static final int BRIER = 1;
    /** Accumulators of a regression table. */
    public static final int PRED = 0;
    public static final int ABS_ERR = 1;
    public static final int SQ_ERR = 2;
    public static final int TRUTH = 3;

    public final int cells;
    public final int quadrants;
    public final int bins;
    /** Row count per sub-cell. */
    public final long[] n;
    /** Sum of weights per sub-cell ({@code == n} without weights). */
    public final double[] w;
    /** Sum of squared weights per sub-cell ({@code null} without weights). */
    public final double[] w2;
    /** {@code sum1[a][s]}: sum over the rows of sub-cell s of {@code w * v_a}. */
    public final double[][] sum1;
    /** {@code sum2[a][s]}: sum of {@code (w * v_a)^2}, for the bootstrap's within-cell variance. */
    public final double[][] sum2;

    public CellTable(int cells, int quadrants, int bins, int accumulators, boolean weighted) {
        this.cells = cells;
        this.quadrants = quadrants;
        this.bins = bins;
        int size = cells * quadrants * bins;
        this.n = new long[size];
        this.w = new double[size];
        this.w2 = weighted ? new double[size] : null;
        this.sum1 = new double[accumulators][size];
        this.sum2 = new double[accumulators][size];
    }

    /** A table with the same shape, all zero. */
    public CellTable emptyCopy() {
        return new CellTable(cells, quadrants, bins, sum1.length, w2 != null);
    }

    public int size() {
        return n.length;
    }

    public boolean weighted() {
        return w2 != null;
    }

    public boolean binary() {
        return quadrants == 4;
    }

    public int accumulators() {
        return sum1.length;
    }

    public int index(int cell, int quadrant, int bin) {
        return (cell * quadrants + quadrant) * bins + bin;
    }

    /** Rows in a cell. */
    public long cellCount(int cell) {
        long s = 0;
        int from = cell * quadrants * bins;
        for (int i = from, to = from + quadrants * bins; i < to; i++) {
            s += n[i];
        }
        return s;
    }

    public long total() {
        long s = 0;
        for (long c : n) {
            s += c;
        }
        return s;
    }

    /** Keeps only the cells with {@code keep[c]}, in order. */
    public CellTable select(boolean[] keep) {
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        CellTable t = new CellTable(kept, quadrants, bins, sum1.length, w2 != null);
        int stride = quadrants * bins;
        int to = 0;
        for (int c = 0; c < cells; c++) {
            if (!keep[c]) {
                continue;
            }
            System.arraycopy(n, c * stride, t.n, to * stride, stride);
            System.arraycopy(w, c * stride, t.w, to * stride, stride);
            if (w2 != null) {
                System.arraycopy(w2, c * stride, t.w2, to * stride, stride);
            }
            for (int a = 0; a < sum1.length; a++) {
                System.arraycopy(sum1[a], c * stride, t.sum1[a], to * stride, stride);
                System.arraycopy(sum2[a], c * stride, t.sum2[a], to * stride, stride);
            }
            to++;
        }
        return t;
    }

    /** Adds another table of the same shape (for streaming chunks). */
    public void add(CellTable o) {
        if (o.n.length != n.length || o.sum1.length != sum1.length) {
            throw new IllegalArgumentException("tables of different shapes");
        }
        for (int i = 0; i < n.length; i++) {
            n[i] += o.n[i];
            w[i] += o.w[i];
            if (w2 != null) {
                w2[i] += o.w2[i];
            }
        }
        for (int a = 0; a < sum1.length; a++) {
            for (int i = 0; i < n.length; i++) {
                sum1[a][i] += o.sum1[a][i];
                sum2[a][i] += o.sum2[a][i];
            }
        }
    }

    public void clear() {
        Arrays.fill(n, 0);
        Arrays.fill(w, 0);
        if (w2 != null) {
            Arrays.fill(w2, 0);
        }
        for (int a = 0; a < sum1.length; a++) {
            Arrays.fill(sum1[a], 0);
            Arrays.fill(sum2[a], 0);
        }
    }
}

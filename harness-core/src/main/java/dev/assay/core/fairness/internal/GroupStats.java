package dev.assay.core.fairness.internal;

import java.util.Arrays;

/** The pooled statistics of one group (one cell, or several cells added up). */
public final class GroupStats {
    /** Rows (unweighted). */
    public long n;
    /** Sum of weights. */
    public double w;
    /** Weighted TN, FP, FN, TP (binary tables). */
    public final double[] q = new double[4];
    /** Unweighted TN, FP, FN, TP. */
    public final long[] nq = new long[4];
    /** Weighted sums of the table's accumulators. */
    public final double[] acc;
    /** Per score bin: sum of weights, weighted sum of scores, weighted sum of labels. */
    public final double[] binW;
    public final double[] binS;
    public final double[] binY;

    public GroupStats(int accumulators, int bins) {
        this.acc = new double[accumulators];
        this.binW = new double[bins];
        this.binS = new double[bins];
        this.binY = new double[bins];
    }

    public static GroupStats of(CellTable t) {
        return new GroupStats(t.accumulators(), t.bins);
    }

    public void clear() {
        n = 0;
        w = 0;
        Arrays.fill(q, 0);
        Arrays.fill(nq, 0);
        Arrays.fill(acc, 0);
        Arrays.fill(binW, 0);
        Arrays.fill(binS, 0);
        Arrays.fill(binY, 0);
    }

    /** Adds the rows of {@code cell} of {@code t}. */
    public void addCell(CellTable t, int cell) {
        int bins = t.bins;
        for (int quad = 0; quad < t.quadrants; quad++) {
            int y = t.binary() ? quad >> 1 : 0;
            for (int b = 0; b < bins; b++) {
                int s = (cell * t.quadrants + quad) * bins + b;
                long c = t.n[s];
                if (c == 0) {
                    continue;
                }
                double wc = t.w[s];
                n += c;
                w += wc;
                if (t.binary()) {
                    q[quad] += wc;
                    nq[quad] += c;
                }
                for (int a = 0; a < acc.length; a++) {
                    acc[a] += t.sum1[a][s];
                }
                if (bins > 1) {
                    binW[b] += wc;
                    binS[b] += t.sum1[CellTable.SCORE][s];
                    binY[b] += y * wc;
                }
            }
        }
    }

    public void add(GroupStats o) {
        n += o.n;
        w += o.w;
        for (int i = 0; i < 4; i++) {
            q[i] += o.q[i];
            nq[i] += o.nq[i];
        }
        for (int a = 0; a < acc.length; a++) {
            acc[a] += o.acc[a];
        }
        for (int b = 0; b < binW.length; b++) {
            binW[b] += o.binW[b];
            binS[b] += o.binS[b];
            binY[b] += o.binY[b];
        }
    }

    public double tn() {
        return q[0];
    }

    public double fp() {
        return q[1];
    }

    public double fn() {
        return q[2];
    }

    public double tp() {
        return q[3];
    }
}

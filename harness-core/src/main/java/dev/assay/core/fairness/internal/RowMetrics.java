package dev.assay.core.fairness.internal;

import java.util.Arrays;

/** The metrics that are not count-based: ROC AUC (needs the score order) and kNN consistency (needs features). */
public final class RowMetrics {
    private RowMetrics() {
    }

    /** Rows sorted by ascending score (stable). */
    public static int[] order(double[] scores) {
        Integer[] boxed = new Integer[scores.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(scores[a], scores[b]));
        int[] o = new int[boxed.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = boxed[i];
        }
        return o;
    }

    /**
     * ROC AUC (Mann-Whitney; tied scores count one half) of the rows whose cell is in {@code mask} (all rows when
     * {@code mask} is {@code null}), with weights when given; {@code {auc, positives, negatives}} (unweighted counts),
     * auc NaN when a class is absent.
     */
    public static double[] auc(int[] order, double[] scores, byte[] y, int[] cell, boolean[] mask, double[] w) {
        double negBelow = 0;
        double sum = 0;
        double pos = 0;
        double neg = 0;
        long nPos = 0;
        long nNeg = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            double s = scores[order[i]];
            double bp = 0;
            double bn = 0;
            while (j < order.length && scores[order[j]] == s) {
                int r = order[j];
                if (mask == null || mask[cell[r]]) {
                    double wr = w == null ? 1 : w[r];
                    if (y[r] == 1) {
                        bp += wr;
                        nPos++;
                    } else {
                        bn += wr;
                        nNeg++;
                    }
                }
                j++;
            }
            sum += bp * (negBelow + 0.5 * bn);
            negBelow += bn;
            pos += bp;
            neg += bn;
            i = j;
        }
        double a = pos == 0 || neg == 0 ? Double.NaN : sum / (pos * neg);
        return new double[] {a, nPos, nNeg};
    }

    /** Hanley and McNeil's (1982) standard error of an AUC. */
    public static double aucStandardError(double a, double nPos, double nNeg) {
        double q1 = a / (2 - a);
        double q2 = 2 * a * a / (1 + a);
        double v = (a * (1 - a) + (nPos - 1) * (q1 - a * a) + (nNeg - 1) * (q2 - a * a)) / (nPos * nNeg);
        return Math.sqrt(Math.max(0, v));
    }

    /**
     * AIF360's consistency: {@code 1 - mean_i |yhat_i - mean(yhat of the k nearest neighbours of x_i)|}, the
     * neighbours found by Euclidean distance over {@code features} among all rows including row i itself (as
     * sklearn's {@code NearestNeighbors} fitted and queried on the same data), ties broken by row order.
     * Brute force, O(n^2 d).
     *
     * @return the per-row terms {@code |yhat_i - mean|}; consistency is 1 minus their mean
     */
    public static double[] consistencyTerms(double[][] features, byte[] yhat, int k) {
        int n = yhat.length;
        int d = features.length;
        int kk = Math.min(k, n);
        double[] out = new double[n];
        double[] bestD = new double[kk];
        int[] bestI = new int[kk];
        for (int i = 0; i < n; i++) {
            int filled = 0;
            for (int j = 0; j < n; j++) {
                double dist = 0;
                for (int f = 0; f < d; f++) {
                    double diff = features[f][i] - features[f][j];
                    dist += diff * diff;
                }
                if (filled < kk) {
                    int p = filled++;
                    while (p > 0 && bestD[p - 1] > dist) {
                        bestD[p] = bestD[p - 1];
                        bestI[p] = bestI[p - 1];
                        p--;
                    }
                    bestD[p] = dist;
                    bestI[p] = j;
                } else if (dist < bestD[kk - 1]) {
                    int p = kk - 1;
                    while (p > 0 && bestD[p - 1] > dist) {
                        bestD[p] = bestD[p - 1];
                        bestI[p] = bestI[p - 1];
                        p--;
                    }
                    bestD[p] = dist;
                    bestI[p] = j;
                }
            }
            double mean = 0;
            for (int q = 0; q < kk; q++) {
                mean += yhat[bestI[q]];
            }
            mean /= kk;
            out[i] = Math.abs(yhat[i] - mean);
        }
        return out;
    }
}

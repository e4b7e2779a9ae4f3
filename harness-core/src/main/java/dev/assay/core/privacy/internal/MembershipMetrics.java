package dev.assay.core.privacy.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * ROC metrics of a membership-inference attack from per-row scores (higher = "member"), with weights so that a
 * bootstrap resample costs one linear sweep over the scores sorted once.
 */
public final class MembershipMetrics {
    /** Metric ids, in the order of {@link #compute}'s result. */
    public static final String[] NAMES = {"auc", "advantage", "tpr_at_fpr_1pct", "tpr_at_fpr_0_1pct"};

    private final double[] sorted;   // scores ascending
    private final boolean[] member;  // membership of sorted[i]
    private final int members;
    private final int nonMembers;

    public MembershipMetrics(double[] scores, boolean[] isMember) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        sorted = new double[scores.length];
        member = new boolean[scores.length];
        int m = 0;
        for (int i = 0; i < order.length; i++) {
            sorted[i] = scores[order[i]];
            member[i] = isMember[order[i]];
            m += member[i] ? 1 : 0;
        }
        members = m;
        nonMembers = scores.length - m;
    }

    public int members() {
        return members;
    }

    public int nonMembers() {
        return nonMembers;
    }

    /** {auc, advantage, tpr@fpr 1%, tpr@fpr 0.1%} with unit weights. */
    public double[] compute() {
        double[] w = new double[sorted.length];
        Arrays.fill(w, 1);
        return compute(w);
    }

    /** The metrics with per-row weights (bootstrap multiplicities), rows in sorted order. */
    double[] compute(double[] w) {
        int n = sorted.length;
        double wm = 0;
        double wn = 0;
        for (int i = 0; i < n; i++) {
            if (member[i]) {
                wm += w[i];
            } else {
                wn += w[i];
            }
        }
        // AUC: ascending sweep by tie groups
        double auc = 0;
        double nonBelow = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            double gm = 0;
            double gn = 0;
            while (j < n && sorted[j] == sorted[i]) {
                if (member[j]) {
                    gm += w[j];
                } else {
                    gn += w[j];
                }
                j++;
            }
            auc += gm * (nonBelow + 0.5 * gn);
            nonBelow += gn;
            i = j;
        }
        auc /= wm * wn;
        // descending sweep: predict member for score >= t
        double tp = 0;
        double fp = 0;
        double adv = 0;
        double tpr1 = 0;
        double tpr01 = 0;
        for (int i = n - 1; i >= 0; ) {
            int j = i;
            while (j >= 0 && sorted[j] == sorted[i]) {
                if (member[j]) {
                    tp += w[j];
                } else {
                    fp += w[j];
                }
                j--;
            }
            double tpr = tp / wm;
            double fpr = fp / wn;
            adv = Math.max(adv, Math.abs(tpr - fpr)); // TF-Privacy: max over thresholds of |TPR - FPR|
            if (fpr <= 0.01) {
                tpr1 = Math.max(tpr1, tpr);
            }
            if (fpr <= 0.001) {
                tpr01 = Math.max(tpr01, tpr);
            }
            i = j;
        }
        return new double[] {auc, adv, tpr1, tpr01};
    }

    /**
     * Percentile bootstrap intervals [metric][lower, upper], resampling members and non-members separately
     * (stratified), from {@code seed}.
     */
    public double[][] bootstrap(int resamples, double confidence, long seed) {
        int n = sorted.length;
        int[] mIdx = new int[members];
        int[] nIdx = new int[nonMembers];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (member[i]) {
                mIdx[a++] = i;
            } else {
                nIdx[b++] = i;
            }
        }
        double[][] draws = new double[NAMES.length][resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[n];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(w, 0);
            for (int k = 0; k < members; k++) {
                w[mIdx[rng.nextInt(members)]]++;
            }
            for (int k = 0; k < nonMembers; k++) {
                w[nIdx[rng.nextInt(nonMembers)]]++;
            }
            double[] v = compute(w);
            for (int m = 0; m < v.length; m++) {
                draws[m][r] = v[m];
            }
        }
        double[][] ci = new double[NAMES.length][2];
        double a = (1 - confidence) / 2;
        for (int m = 0; m < NAMES.length; m++) {
            Arrays.sort(draws[m]);
            ci[m][0] = quantile(draws[m], a);
            ci[m][1] = quantile(draws[m], 1 - a);
        }
        return ci;
    }

    static double quantile(double[] s, double q) {
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}

package dev.assay.core.data.internal;

import dev.assay.core.Column;
import java.util.Arrays;

/** Sorted copies of numeric columns without their missing values. */
public final class Sorting {
    private Sorting() {
    }

    /** The non-missing values of {@code c} in increasing order ({@code -0.0} before {@code 0.0}). */
    public static double[] sortedNonMissing(Column c) {
        int n = c.size();
        double[] v = new double[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            double x = c.doubleValue(i);
            if (!Double.isNaN(x)) {
                v[len++] = x == 0.0 ? 0.0 : x;
            }
        }
        double[] out = len == n ? v : Arrays.copyOf(v, len);
        Arrays.sort(out);
        return out;
    }
}

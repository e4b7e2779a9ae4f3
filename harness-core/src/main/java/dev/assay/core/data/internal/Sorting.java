package dev.assay.core.data.internal;

import dev.assay.core.Column;
import java.util.Arrays;

/**
 * Sorted copies of numeric columns without their missing values. Large arrays are sorted by an LSD radix sort
 * on the order-preserving 64-bit image of each double (11-bit digits, passes over constant digits skipped), which
 * is several times faster than a comparison sort on a million values.
 */
public final class Sorting {
    private static final int RADIX_MIN = 1 << 12;
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int PASSES = (64 + BITS - 1) / BITS;

    private Sorting() {
    }

    /** The non-missing values of {@code c} in increasing order ({@code -0.0} is read as {@code 0.0}). */
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
        sort(out);
        return out;
    }

    /** Sorts {@code a} (no NaN) in place. */
    public static void sort(double[] a) {
        int n = a.length;
        if (n < RADIX_MIN) {
            Arrays.sort(a);
            return;
        }
        long[] keys = new long[n];
        long[] tmp = new long[n];
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(a[i]);
            long key = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
            keys[i] = key;
            for (int p = 0; p < PASSES; p++) {
                counts[p][(int) (key >>> (p * BITS)) & (BUCKETS - 1)]++;
            }
        }
        for (int p = 0; p < PASSES; p++) {
            int[] count = counts[p];
            int shift = p * BITS;
            if (count[(int) (keys[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue; // every key has the same digit here
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long k = keys[i];
                tmp[count[(int) (k >>> shift) & (BUCKETS - 1)]++] = k;
            }
            long[] swap = keys;
            keys = tmp;
            tmp = swap;
        }
        for (int i = 0; i < n; i++) {
            long k = keys[i];
            a[i] = Double.longBitsToDouble(k < 0 ? k ^ Long.MIN_VALUE : ~k);
        }
    }
}

package dev.assay.core.data.internal;

import dev.assay.core.Column;
import java.lang.ref.SoftReference;
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

    private static final int FEW_DISTINCT = 1 << 15;

    /**
     * A counting sort for data with many ties (rounded amounts, ages, codes stored as numbers): counts the distinct
     * values in a hash table, sorts only those and writes each value as often as it occurs. Gives up (returning
     * {@code false}, {@code a} untouched) as soon as there are more than {@value #FEW_DISTINCT} distinct values, or
     * more than 4096 that are over half of the values read so far (continuous data is detected early).
     */
    static boolean sortFewDistinct(double[] a) {
        int n = a.length;
        int cap = 1 << 12;
        long[] keys = new long[cap];
        int[] counts = new int[cap];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            long k = Double.doubleToRawLongBits(a[i]);
            int mask = cap - 1;
            int h = (int) mix(k) & mask;
            while (counts[h] != 0 && keys[h] != k) {
                h = (h + 1) & mask;
            }
            if (counts[h] == 0) {
                keys[h] = k;
                distinct++;
                if (distinct > FEW_DISTINCT || (distinct > 4096 && distinct > i / 2)) {
                    return false;
                }
                if (distinct * 2 > cap) {
                    counts[h]++;
                    long[] oldKeys = keys;
                    int[] oldCounts = counts;
                    cap *= 2;
                    keys = new long[cap];
                    counts = new int[cap];
                    for (int j = 0; j < oldKeys.length; j++) {
                        if (oldCounts[j] != 0) {
                            int g = (int) mix(oldKeys[j]) & (cap - 1);
                            while (counts[g] != 0) {
                                g = (g + 1) & (cap - 1);
                            }
                            keys[g] = oldKeys[j];
                            counts[g] = oldCounts[j];
                        }
                    }
                    continue;
                }
            }
            counts[h]++;
        }
        long[] order = new long[distinct];
        int j = 0;
        for (int h = 0; h < cap; h++) {
            if (counts[h] != 0) {
                long bits = keys[h];
                order[j++] = bits < 0 ? bits ^ Long.MAX_VALUE : bits; // signed order = double order
            }
        }
        Arrays.sort(order);
        int pos = 0;
        for (int d = 0; d < distinct; d++) {
            long key = order[d];
            long bits = key < 0 ? key ^ Long.MAX_VALUE : key;
            int h = (int) mix(bits) & (cap - 1);
            while (keys[h] != bits) {
                h = (h + 1) & (cap - 1);
            }
            double v = Double.longBitsToDouble(bits);
            Arrays.fill(a, pos, pos + counts[h], v);
            pos += counts[h];
        }
        return true;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93f53a8b2fL;
        return z ^ (z >>> 33);
    }

    /**
     * The radix sort's two key buffers, kept per thread while memory allows (a soft reference): sorting 32 columns of
     * a million values would otherwise allocate (and zero) 512 MB of short-lived arrays.
     */
    private static final ThreadLocal<SoftReference<long[][]>> SCRATCH = new ThreadLocal<>();

    private static long[][] scratch(int n) {
        SoftReference<long[][]> ref = SCRATCH.get();
        long[][] buffers = ref == null ? null : ref.get();
        if (buffers == null || buffers[0].length < n) {
            buffers = new long[][] {new long[n], new long[n]};
            SCRATCH.set(new SoftReference<>(buffers));
        }
        return buffers;
    }

    /** Sorts {@code a} (no NaN) in place. */
    public static void sort(double[] a) {
        int n = a.length;
        if (n < RADIX_MIN) {
            Arrays.sort(a);
            return;
        }
        if (sortFewDistinct(a)) {
            return;
        }
        long[][] buffers = scratch(n);
        long[] keys = buffers[0];
        long[] tmp = buffers[1];
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

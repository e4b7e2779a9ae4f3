package dev.assay.core.data.internal;

import java.util.Arrays;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * The drift statistics, as pure functions of samples or counts.
 *
 * <h2>PSI binning (numeric)</h2>
 * The bin edges are the reference's deciles (the 0.1, ..., 0.9 quantiles with linear interpolation, NumPy's
 * default), with duplicates removed (a column with many ties gets fewer bins). The outer
 * bins are open-ended, so every value of either sample falls in a bin: bin 0 is {@code (-inf, e1)}, bin k is
 * {@code [ek, ek+1)}, the last is {@code [e9, +inf)}. When the top edge equals the reference's maximum (a constant
 * column, or ties at the top), one more edge just above that maximum ({@code Math.nextUp}) gives the values above
 * the reference's range a bin of their own (a constant reference thus has three bins: below, equal, above).
 * A proportion of 0 in either sample is replaced by
 * {@link #EPSILON} (no renormalisation), so an empty bin adds a large but finite term. Then
 * {@code PSI = sum (cur - ref) * ln(cur / ref)}. Categorical PSI uses the union of both samples' categories as bins,
 * with the same epsilon. This convention is Assay's own (the project's reference notes describe no PSI binning
 * to follow, Evidently's included); it is reproduced independently in {@code make_fixtures.py}.
 */
public final class DriftStats {
    /** Stand-in proportion of an empty bin in PSI: {@value}. */
    public static final double EPSILON = 1e-4;
    /** Number of quantile bins of the reference in numeric PSI (deciles): {@value}. */
    public static final int BINS = 10;

    private DriftStats() {
    }

    /** The PSI bin edges of a sorted, non-empty reference sample (distinct, increasing). */
    public static double[] psiEdges(double[] sortedRef) {
        double[] edges = new double[BINS - 1];
        int len = 0;
        for (int k = 1; k < BINS; k++) {
            double e = dev.assay.core.internal.Stats.quantile(sortedRef, sortedRef.length, (double) k / BINS);
            if (len == 0 || e > edges[len - 1]) {
                edges[len++] = e;
            }
        }
        if (len == 0 || edges[len - 1] >= sortedRef[sortedRef.length - 1]) {
            // the top edge is the reference's maximum (a constant column, or ties at the top): values above the
            // reference's range get their own bin
            edges = Arrays.copyOf(edges, len + 1);
            edges[len++] = Math.nextUp(sortedRef[sortedRef.length - 1]);
        }
        return Arrays.copyOf(edges, len);
    }

    /** Counts of a sorted sample in the bins of {@code edges}: {@code edges.length + 1} counts. */
    public static long[] binCounts(double[] sorted, double[] edges) {
        long[] counts = new long[edges.length + 1];
        int prev = 0;
        for (int k = 0; k < edges.length; k++) {
            int at = lowerBound(sorted, edges[k]);
            counts[k] = at - prev;
            prev = at;
        }
        counts[edges.length] = sorted.length - prev;
        return counts;
    }

    /** The first index whose value is {@code >= x}. */
    static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Proportions of counts (all zero when the total is zero). */
    public static double[] proportions(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = n == 0 ? 0 : (double) counts[i] / n;
        }
        return p;
    }

    /** PSI of two count vectors over the same bins, with {@link #EPSILON} for empty bins. */
    public static double psi(long[] ref, long[] cur) {
        double[] r = proportions(ref);
        double[] c = proportions(cur);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            double a = Math.max(r[i], EPSILON);
            double b = Math.max(c[i], EPSILON);
            s += (b - a) * Math.log(b / a);
        }
        return s;
    }

    /**
     * The Wasserstein-1 (earth mover's) distance between two sorted, non-empty samples: the area between their
     * empirical distribution functions, exactly (as SciPy's {@code wasserstein_distance}).
     */
    public static double wasserstein(double[] a, double[] b) {
        return ksAndWasserstein(a, b)[1];
    }

    /**
     * The two-sample Kolmogorov-Smirnov statistic D and the Wasserstein-1 distance of two sorted, non-empty samples
     * in one merge pass: {@code {D, W}}; {@link #ksStatistic} and {@link #wasserstein} are its two halves.
     */
    public static double[] ksAndWasserstein(double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        int i = 0;
        int j = 0;
        double d = 0;
        double area = 0;
        double prev = Math.min(a[0], b[0]);
        while (i < n || j < m) {
            double x = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
            area += Math.abs((double) i / n - (double) j / m) * (x - prev);
            while (i < n && a[i] == x) {
                i++;
            }
            while (j < m && b[j] == x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / n - (double) j / m));
            prev = x;
        }
        return new double[] {d, area};
    }

    /**
     * The KS test on the statistic {@code d} already computed from samples of sizes {@code n} and {@code m}:
     * {@code {D, p}} from the limiting Kolmogorov distribution; callers with {@code n + m <=}
     * {@value #KS_COMMONS_MAX} use {@link #ksTest} (exact or Commons') instead.
     */
    public static double[] ksTestFromStatistic(double d, long n, long m) {
        double en = (double) n * m / (n + m);
        return new double[] {d, kolmogorovSf(Math.sqrt(en) * d)};
    }

    /** The two-sample Kolmogorov-Smirnov statistic D of two sorted, non-empty samples (ties handled). */
    public static double ksStatistic(double[] a, double[] b) {
        return ksAndWasserstein(a, b)[0];
    }

    /** Up to this many values in both samples together, the KS p-value comes from Apache Commons: {@value}. */
    public static final int KS_COMMONS_MAX = 20_000;

    /**
     * The two-sided two-sample KS test of two sorted samples: {D, p}. Up to {@link #KS_COMMONS_MAX} values in all,
     * Apache Commons Statistics' test (exact p-value when {@code n*m < 10000}, else its asymptotic one); above, D
     * from the sorted samples and p from the limiting Kolmogorov distribution at {@code sqrt(n*m/(n+m)) * D}
     * ({@link #kolmogorovSf}; Commons' tie handling costs seconds on a million tied values).
     */
    public static double[] ksTest(double[] a, double[] b) {
        if (a.length + b.length <= KS_COMMONS_MAX) {
            var r = KolmogorovSmirnovTest.withDefaults().test(a, b);
            return new double[] {r.getStatistic(), r.getPValue()};
        }
        double d = ksStatistic(a, b);
        double en = (double) a.length * b.length / (a.length + b.length);
        return new double[] {d, kolmogorovSf(Math.sqrt(en) * d)};
    }

    /**
     * The survival function of the limiting Kolmogorov distribution, {@code P(K > x)} (SciPy's
     * {@code scipy.special.kolmogorov}): {@code 2 sum (-1)^(k-1) exp(-2 k^2 x^2)} for {@code x >= 1}, else one
     * minus {@code sqrt(2 pi)/x sum exp(-(2k-1)^2 pi^2 / (8 x^2))}.
     */
    public static double kolmogorovSf(double x) {
        if (!(x > 0)) {
            return 1;
        }
        if (x >= 1) {
            double s = 0;
            for (int k = 1; k <= 100; k++) {
                double t = Math.exp(-2.0 * k * k * x * x);
                s += (k % 2 == 1 ? t : -t);
                if (t < 1e-300) {
                    break;
                }
            }
            return Math.min(1, Math.max(0, 2 * s));
        }
        double s = 0;
        for (int k = 1; k <= 100; k++) {
            double t = Math.exp(-(2.0 * k - 1) * (2.0 * k - 1) * Math.PI * Math.PI / (8 * x * x));
            s += t;
            if (t < 1e-17 * s) {
                break;
            }
        }
        return Math.min(1, Math.max(0, 1 - Math.sqrt(2 * Math.PI) / x * s));
    }

    /** Pearson's chi-square test of homogeneity of a 2 x k table (rows: reference, current): {chi2, p}. */
    public static double[] chiSquare(long[] ref, long[] cur) {
        var r = ChiSquareTest.withDefaults().test(new long[][] {ref, cur});
        return new double[] {r.getStatistic(), r.getPValue()};
    }

    /**
     * The Jensen-Shannon distance, base 2 (in [0, 1]), of two count vectors over the same categories, as SciPy's
     * {@code jensenshannon(p, q, base=2)}: the square root of the divergence; the counts are normalised.
     */
    public static double jensenShannon(long[] ref, long[] cur) {
        double[] p = proportions(ref);
        double[] q = proportions(cur);
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                js += p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                js += q[i] * Math.log(q[i] / m);
            }
        }
        js = js / 2 / Math.log(2);
        return Math.sqrt(Math.max(0, js));
    }

    /** Holm's step-down adjusted p-values (family-wise error), in the input order. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = order(p);
        double[] adj = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            double v = Math.min(1, (m - k) * p[order[k]]);
            running = Math.max(running, v);
            adj[order[k]] = running;
        }
        return adj;
    }

    /** Benjamini-Hochberg step-up adjusted p-values (false discovery rate), in the input order. */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = order(p);
        double[] adj = new double[m];
        double running = 1;
        for (int k = m - 1; k >= 0; k--) {
            double v = Math.min(1, p[order[k]] * m / (k + 1));
            running = Math.min(running, v);
            adj[order[k]] = running;
        }
        return adj;
    }

    private static Integer[] order(double[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(p[x], p[y]));
        return idx;
    }
}

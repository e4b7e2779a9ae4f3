package dev.assay.core.data.internal;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.internal.Fmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Computes the drift statistics of one column pair; pure apart from reading the columns. */
public final class DriftEngine {
    private DriftEngine() {
    }

    /** A column pair to compare: its name in reports, where each side comes from, and the two columns. */
    public record Pair(String name, String refSource, Column ref, String curSource, Column cur, boolean categorical) {
    }

    /** The statistics of one column; {@code p} is the p-value of its test (KS or chi-square). */
    public static final class ColumnStats {
        public final String name;
        public final boolean categorical;
        public final Map<String, Double> metrics = new LinkedHashMap<>();
        public final List<String> notes = new ArrayList<>();
        public long refN;
        public long curN;
        public double p = Double.NaN;
        public List<String> bins;
        public double[] refProportions;
        public double[] curProportions;

        ColumnStats(String name, boolean categorical) {
            this.name = name;
            this.categorical = categorical;
        }
    }

    /** The statistics of every pair, columns in parallel (the results do not depend on the order). */
    public static List<ColumnStats> analyse(List<Pair> pairs) {
        ColumnStats[] out = new ColumnStats[pairs.size()];
        IntStream.range(0, pairs.size()).parallel().forEach(i -> out[i] = analyse(pairs.get(i)));
        return Arrays.asList(out);
    }

    static ColumnStats analyse(Pair pair) {
        return pair.categorical() ? categorical(pair) : numeric(pair);
    }

    static ColumnStats numeric(Pair pair) {
        ColumnStats s = new ColumnStats(pair.name(), false);
        double[] a = Sorting.sortedNonMissing(pair.ref());
        double[] b = Sorting.sortedNonMissing(pair.cur());
        requireValues(pair, a.length, b.length);
        requireFinite(pair, pair.ref(), pair.refSource(), a);
        requireFinite(pair, pair.cur(), pair.curSource(), b);
        s.refN = a.length;
        s.curN = b.length;
        double[] edges = DriftStats.psiEdges(a);
        long[] ra = DriftStats.binCounts(a, edges);
        long[] cb = DriftStats.binCounts(b, edges);
        s.metrics.put("psi", DriftStats.psi(ra, cb));
        // one merge pass for KS D and Wasserstein over the same sorted arrays
        double[] dw = DriftStats.ksAndWasserstein(a, b);
        double[] ks = a.length + b.length <= DriftStats.KS_COMMONS_MAX ? DriftStats.ksTest(a, b)
                : DriftStats.ksTestFromStatistic(dw[0], a.length, b.length);
        s.metrics.put("ks_statistic", ks[0]);
        s.metrics.put("ks_p_value", ks[1]);
        s.p = ks[1];
        s.metrics.put("wasserstein", dw[1]);
        if (a[0] == a[a.length - 1]) {
            s.notes.add("the reference is constant (" + Column.formatNumber(a[0]) + "): PSI uses "
                    + (edges.length + 1) + " bins");
        }
        if (b[0] == b[b.length - 1]) {
            s.notes.add("the current data is constant (" + Column.formatNumber(b[0]) + ")");
        }
        s.bins = new ArrayList<>();
        for (int k = 0; k <= edges.length; k++) {
            s.bins.add(k == 0 ? "< " + Fmt.number(edges[0]) : k == edges.length ? ">= " + Fmt.number(edges[k - 1])
                    : "[" + Fmt.number(edges[k - 1]) + ", " + Fmt.number(edges[k]) + ")");
        }
        s.refProportions = DriftStats.proportions(ra);
        s.curProportions = DriftStats.proportions(cb);
        return s;
    }

    static ColumnStats categorical(Pair pair) {
        ColumnStats s = new ColumnStats(pair.name(), true);
        Map<String, Integer> index = new LinkedHashMap<>();
        long[][] counts = new long[2][];
        Column[] cols = {pair.ref(), pair.cur()};
        List<long[]> tmp = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            Column c = cols[side];
            long[] byCode;
            int[] map;
            if (c.isNumeric()) {
                // a numeric column compared as categories (model labels 0/1): map distinct values through text
                Map<String, Integer> local = new LinkedHashMap<>();
                List<Long> cnt = new ArrayList<>();
                int[] rowCode = new int[c.size()];
                for (int i = 0; i < c.size(); i++) {
                    String v = c.stringValue(i);
                    if (v == null) {
                        rowCode[i] = -1;
                        continue;
                    }
                    Integer k = local.get(v);
                    if (k == null) {
                        k = local.size();
                        local.put(v, k);
                        cnt.add(0L);
                    }
                    cnt.set(k, cnt.get(k) + 1);
                }
                byCode = cnt.stream().mapToLong(Long::longValue).toArray();
                map = new int[local.size()];
                int j = 0;
                for (String v : local.keySet()) {
                    map[j++] = index.computeIfAbsent(v, x -> index.size());
                }
            } else {
                byCode = new long[c.dictionary().size()];
                for (int i = 0, n = c.size(); i < n; i++) {
                    int code = c.code(i);
                    if (code >= 0) {
                        byCode[code]++;
                    }
                }
                map = new int[byCode.length];
                for (int k = 0; k < byCode.length; k++) {
                    map[k] = byCode[k] > 0 ? index.computeIfAbsent(c.dictionary().get(k), x -> index.size()) : -1;
                }
            }
            long[] packed = new long[byCode.length * 2];
            for (int k = 0; k < byCode.length; k++) {
                packed[2 * k] = map[k];
                packed[2 * k + 1] = byCode[k];
            }
            tmp.add(packed);
        }
        int cats = index.size();
        for (int side = 0; side < 2; side++) {
            counts[side] = new long[cats];
            long[] packed = tmp.get(side);
            for (int k = 0; k < packed.length; k += 2) {
                if (packed[k] >= 0) {
                    counts[side][(int) packed[k]] += packed[k + 1];
                }
            }
        }
        long na = Arrays.stream(counts[0]).sum();
        long nb = Arrays.stream(counts[1]).sum();
        requireValues(pair, na, nb);
        s.refN = na;
        s.curN = nb;
        s.metrics.put("psi", DriftStats.psi(counts[0], counts[1]));
        if (cats >= 2) {
            double[] chi = DriftStats.chiSquare(counts[0], counts[1]);
            s.metrics.put("chi2", chi[0]);
            s.metrics.put("chi2_p_value", chi[1]);
            s.p = chi[1];
        } else {
            s.notes.add("a single category ('" + Masker.mask(index.keySet().iterator().next())
                    + "') in both datasets: no chi-square test");
        }
        s.metrics.put("jensen_shannon", DriftStats.jensenShannon(counts[0], counts[1]));
        s.bins = new ArrayList<>();
        for (String v : index.keySet()) {
            s.bins.add(Masker.mask(v));
        }
        s.refProportions = DriftStats.proportions(counts[0]);
        s.curProportions = DriftStats.proportions(counts[1]);
        return s;
    }

    private static void requireFinite(Pair pair, Column c, String source, double[] sorted) {
        if (Double.isInfinite(sorted[0]) || Double.isInfinite(sorted[sorted.length - 1])) {
            int row = -1;
            for (int i = 0; i < c.size() && row < 0; i++) {
                row = Double.isInfinite(c.doubleValue(i)) ? i : -1;
            }
            throw new DataException("column '" + pair.name() + "' of " + source
                    + " has an infinite value (first at row " + row + "): PSI, KS and Wasserstein need finite numbers");
        }
    }

    private static void requireValues(Pair pair, long a, long b) {
        if (a == 0 || b == 0) {
            String which = a == 0 && b == 0 ? "both " + pair.refSource() + " and " + pair.curSource()
                    : a == 0 ? "the reference " + pair.refSource() : "the current data " + pair.curSource();
            throw new DataException("column '" + pair.name() + "' has only missing values in " + which
                    + ": drift cannot be measured");
        }
    }
}

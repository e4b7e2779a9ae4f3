package dev.assay.core.robustness;

import dev.assay.core.AssayException;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.internal.Stats;
import dev.assay.core.robustness.internal.Frames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The search behind {@link BoundarySearchCheck}. All searched rows advance in lockstep, so that every step is one
 * batched model call for all of them; every model row-prediction made for a row is counted against its budget,
 * and a query that would exceed it is a bug ({@link IllegalStateException}), never made.
 *
 * <p>A point is held as its offset from the original row in standardised units ({@code delta[j]} = change of
 * feature {@code j} / its standard deviation) and is always projected onto the constraints before it is queried
 * (integer features rounded, ranges clamped), so every point found is one the model was asked about.
 */
final class BoundarySearcher {
    static final int NEIGHBOURS = 8;
    static final int DIRECTIONS = 4;
    static final int SCALES = 5;
    static final int CENTROID_SCALES = 4;
    static final int MAIN_STEPS = 14;
    static final int RAY_STEPS = 12;
    static final double RAY_SPREAD = 0.1;
    static final int MAX_PLANE_ITERATIONS = 20;
    static final double MIN_STEP = 1e-4;

    private final Model model;
    private final Dataset data;
    private final Constraints constraints;
    private final String[] num;
    private final String[] cat;
    private final int d;
    private final int c;
    private final double[] sd;
    private final int n;
    final int[] rows;
    private final double[][] x0;
    private final int[][] cat0;
    private final boolean[][] movable;
    private final String[] label0;
    private final int maxQ;
    final int[] used;
    private final long seed;
    // state
    private final double[][] best;
    private final int[][] catSet;
    private final int[] catChanges;
    final double[] distance;
    /** Rows of the data with another predicted label than the searched row's: none means no starting point. */
    final int[] others;
    final long dataPredictions;
    private boolean[] usable;

    BoundarySearcher(Model model, Dataset data, List<String> numeric, List<String> categorical, double[] sd,
                     Constraints constraints, int[] rows, int maxQueries, long seed) {
        this.model = model;
        this.data = data;
        this.constraints = constraints;
        this.num = numeric.toArray(String[]::new);
        this.cat = categorical.toArray(String[]::new);
        this.d = num.length;
        this.c = cat.length;
        this.sd = sd;
        this.rows = rows;
        this.n = rows.length;
        this.maxQ = maxQueries;
        this.seed = seed;
        this.used = new int[n];
        this.x0 = new double[n][d];
        this.cat0 = new int[n][c];
        this.movable = new boolean[n][d];
        for (int j = 0; j < d; j++) {
            Column col = data.column(num[j]);
            for (int r = 0; r < n; r++) {
                x0[r][j] = col.doubleValue(rows[r]);
                movable[r][j] = !Double.isNaN(x0[r][j]);
            }
        }
        for (int k = 0; k < c; k++) {
            Column col = data.column(cat[k]);
            for (int r = 0; r < n; r++) {
                cat0[r][k] = col.code(rows[r]);
            }
        }
        Predictions all = Checks.predict(model, data);
        this.dataPredictions = data.rows();
        String[] labels = new String[data.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = all.label(i);
            if (labels[i] == null) {
                throw new AssayException("model '" + model.info().id() + "' gave no label for row " + i + " of "
                        + data.source());
            }
        }
        this.label0 = new String[n];
        for (int r = 0; r < n; r++) {
            label0[r] = labels[rows[r]];
        }
        this.best = new double[n][];
        this.catSet = new int[n][];
        this.catChanges = new int[n];
        this.distance = new double[n];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        this.others = new int[n];
        search(labels);
    }

    // ---------------------------------------------------------------------------------------------- the search

    private void search(String[] labels) {
        int[][] nb = neighbours(labels);
        double[][] start = new double[n][];
        // 1. starting points, one query each until one flips: the nearest rows with another label, the mean of
        // the rows with another label (and 2, 4, 8 times as far), random rows with another label, then random
        // directions at 2, 4, 8, 16 and 32 standard deviations
        UniformRandomProvider[] rng = new UniformRandomProvider[n];
        double[][][] dirs = new double[n][DIRECTIONS][d];
        for (int r = 0; r < n; r++) {
            rng[r] = Stats.rng(seed, 0x57a7L * 31 + rows[r]);
            for (int k = 0; k < DIRECTIONS; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    dirs[r][k][j] = movable[r][j] ? gaussian(rng[r]) : 0;
                    s += dirs[r][k][j] * dirs[r][k][j];
                }
                for (int j = 0; j < d; j++) {
                    dirs[r][k][j] = s > 0 ? dirs[r][k][j] / Math.sqrt(s) : 0;
                }
            }
        }
        Map<String, double[]> centroids = centroids(labels);
        int attempts = NEIGHBOURS + CENTROID_SCALES + NEIGHBOURS + SCALES * DIRECTIONS;
        for (int k = 0; k < attempts; k++) {
            Batch b = new Batch(n);
            double[][] pts = new double[n][];
            int[][] cats = new int[n][];
            for (int r = 0; r < n; r++) {
                if (start[r] != null || others[r] == 0 || remaining(r) < 1 || k < NEIGHBOURS && k >= nb[r].length) {
                    continue;
                }
                double[] delta = new double[d];
                int[] cs = cat0[r].clone();
                if (k >= NEIGHBOURS && k < NEIGHBOURS + CENTROID_SCALES) {
                    double[] mean = centroids.get(label0[r]);
                    double scale = 1 << (k - NEIGHBOURS);
                    for (int j = 0; j < d; j++) {
                        delta[j] = movable[r][j] ? scale * (mean[j] - x0[r][j]) / sd[j] : 0;
                    }
                } else if (k < 2 * NEIGHBOURS + CENTROID_SCALES) {
                    int p = k < NEIGHBOURS ? nb[r][k] : otherRow(r, labels, rng[r]);
                    if (p < 0) {
                        continue;
                    }
                    for (int j = 0; j < d; j++) {
                        delta[j] = movable[r][j] ? (data.column(num[j]).doubleValue(p) - x0[r][j]) / sd[j] : 0;
                    }
                    for (int q = 0; q < c; q++) {
                        cs[q] = data.column(cat[q]).code(p);
                    }
                } else {
                    int t = k - 2 * NEIGHBOURS - CENTROID_SCALES;
                    double scale = 1 << (t / DIRECTIONS + 1);
                    for (int j = 0; j < d; j++) {
                        delta[j] = scale * dirs[r][t % DIRECTIONS][j];
                    }
                }
                if (norm(delta) == 0 && changes(r, cs) == 0) {
                    continue;
                }
                pts[r] = delta;
                cats[r] = cs;
                b.add(r, delta, cs);
            }
            if (b.size == 0) {
                continue;
            }
            boolean[] flipped = b.run();
            for (int i = 0; i < b.size; i++) {
                int r = b.row[i];
                if (flipped[i]) {
                    start[r] = pts[r];
                    catSet[r] = cats[r];
                }
            }
        }
        // 2. binary search from the original row to the starting point
        List<Integer> items = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (start[r] != null) {
                items.add(r);
            }
        }
        int[] itemRow = items.stream().mapToInt(Integer::intValue).toArray();
        double[][] ends = new double[itemRow.length][];
        for (int i = 0; i < itemRow.length; i++) {
            ends[i] = start[itemRow[i]];
            catChanges[itemRow[i]] = changes(itemRow[i], catSet[itemRow[i]]);
        }
        double[][] found = bisect(itemRow, ends, MAIN_STEPS);
        for (int i = 0; i < itemRow.length; i++) {
            accept(itemRow[i], found[i]);
        }
        // 3. categorical features back to their own values where the decision stays changed
        for (int q = 0; q < c; q++) {
            Batch b = new Batch(n);
            for (int r = 0; r < n; r++) {
                if (best[r] != null && catSet[r][q] != cat0[r][q] && remaining(r) >= 1) {
                    int[] cs = catSet[r].clone();
                    cs[q] = cat0[r][q];
                    b.add(r, best[r].clone(), cs);
                }
            }
            if (b.size == 0) {
                continue;
            }
            boolean[] flipped = b.run();
            for (int i = 0; i < b.size; i++) {
                if (flipped[i]) {
                    int r = b.row[i];
                    catSet[r][q] = cat0[r][q];
                    catChanges[r] = changes(r, catSet[r]);
                    distance[r] = dist(r, best[r]);
                }
            }
        }
        // 4. refinement: fit the local boundary plane and jump to its point nearest the original, while it helps
        boolean[] plane = new boolean[n];
        for (int r = 0; r < n; r++) {
            plane[r] = best[r] != null && norm(best[r]) > 0;
        }
        for (int it = 0; it < MAX_PLANE_ITERATIONS; it++) {
            if (!planeStep(plane)) {
                break;
            }
        }
        // 5. then boundary-attack steps (random orthogonal step, step toward the original) with what is left
        randomSteps();
    }

    /** One plane-fit iteration for the rows with {@code plane[r]}; false when no row could take one. */
    private boolean planeStep(boolean[] plane) {
        List<int[]> rays = new ArrayList<>(); // {row, feature}
        List<Integer> rowsIn = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (!plane[r]) {
                continue;
            }
            int m = count(movable[r]);
            if (remaining(r) < m + m * RAY_STEPS + 1 + MAIN_STEPS) {
                plane[r] = false;
                continue;
            }
            rowsIn.add(r);
            for (int j = 0; j < d; j++) {
                if (movable[r][j]) {
                    rays.add(new int[] {r, j});
                }
            }
        }
        if (rowsIn.isEmpty()) {
            return false;
        }
        // ray ends: the best point moved along one feature, doubled from the original
        Batch b = new Batch(rays.size());
        double[][] ends = new double[rays.size()][];
        for (int i = 0; i < rays.size(); i++) {
            int r = rays.get(i)[0];
            int j = rays.get(i)[1];
            double[] e = best[r].clone();
            e[j] += RAY_SPREAD * norm(best[r]);
            for (int k = 0; k < d; k++) {
                e[k] *= 2;
            }
            ends[i] = e;
            b.add(r, e, catSet[r]);
        }
        boolean[] ok = b.run();
        int good = 0;
        for (boolean o : ok) {
            good += o ? 1 : 0;
        }
        int[] rayRow = new int[good];
        double[][] rayEnd = new double[good][];
        for (int i = 0, g = 0; i < rays.size(); i++) {
            if (ok[i]) {
                rayRow[g] = rays.get(i)[0];
                rayEnd[g++] = ends[i];
            }
        }
        double[][] onBoundary = bisect(rayRow, rayEnd, RAY_STEPS);
        // fit n.x = 1 through the best point and the rays' boundary points; jump past n / |n|^2
        List<Integer> jumpRows = new ArrayList<>();
        List<double[]> jumpEnds = new ArrayList<>();
        for (int r : rowsIn) {
            List<double[]> pts = new ArrayList<>();
            pts.add(best[r]);
            for (int i = 0; i < good; i++) {
                if (rayRow[i] == r) {
                    pts.add(onBoundary[i]);
                }
            }
            double[] normal = fit(r, pts);
            if (normal == null) {
                plane[r] = false;
                continue;
            }
            double nn = 0;
            for (double v : normal) {
                nn += v * v;
            }
            double[] e = new double[d];
            for (int j = 0; j < d; j++) {
                e[j] = 1.5 * normal[j] / nn;
            }
            jumpRows.add(r);
            jumpEnds.add(e);
        }
        Batch j = new Batch(jumpRows.size());
        for (int i = 0; i < jumpRows.size(); i++) {
            j.add(jumpRows.get(i), jumpEnds.get(i), catSet[jumpRows.get(i)]);
        }
        boolean[] flipped = j.size == 0 ? new boolean[0] : j.run();
        List<Integer> bisRows = new ArrayList<>();
        List<double[]> bisEnds = new ArrayList<>();
        for (int i = 0; i < jumpRows.size(); i++) {
            if (flipped[i]) {
                bisRows.add(jumpRows.get(i));
                bisEnds.add(jumpEnds.get(i));
            } else {
                plane[jumpRows.get(i)] = false;
            }
        }
        int[] br = bisRows.stream().mapToInt(Integer::intValue).toArray();
        double[][] pts = bisect(br, bisEnds.toArray(double[][]::new), MAIN_STEPS);
        for (int i = 0; i < br.length; i++) {
            int r = br[i];
            double before = norm(best[r]);
            double after = norm(pts[i]);
            if (after < before) {
                accept(r, pts[i]);
            }
            if (!(after < before * (1 - 1e-3))) {
                plane[r] = false; // converged, or the plane does not describe the boundary here
            }
        }
        return true;
    }

    /** Least-squares {@code normal . p = 1} over the row's movable features; {@code null} when degenerate. */
    private double[] fit(int r, List<double[]> pts) {
        int[] idx = new int[count(movable[r])];
        for (int j = 0, m = 0; j < d; j++) {
            if (movable[r][j]) {
                idx[m++] = j;
            }
        }
        int m = idx.length;
        if (pts.size() < m) {
            return null;
        }
        double[][] a = new double[m][m + 1];
        for (double[] p : pts) {
            for (int u = 0; u < m; u++) {
                for (int v = 0; v < m; v++) {
                    a[u][v] += p[idx[u]] * p[idx[v]];
                }
                a[u][m] += p[idx[u]];
            }
        }
        double scale = 0;
        for (int u = 0; u < m; u++) {
            scale = Math.max(scale, Math.abs(a[u][u]));
        }
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int u = col + 1; u < m; u++) {
                if (Math.abs(a[u][col]) > Math.abs(a[piv][col])) {
                    piv = u;
                }
            }
            if (!(Math.abs(a[piv][col]) > 1e-12 * scale)) {
                return null;
            }
            double[] t = a[piv];
            a[piv] = a[col];
            a[col] = t;
            for (int u = 0; u < m; u++) {
                if (u != col) {
                    double f = a[u][col] / a[col][col];
                    for (int v = col; v <= m; v++) {
                        a[u][v] -= f * a[col][v];
                    }
                }
            }
        }
        double[] normal = new double[d];
        for (int u = 0; u < m; u++) {
            normal[idx[u]] = a[u][m] / a[u][u];
            if (!Double.isFinite(normal[idx[u]])) {
                return null;
            }
        }
        return normal;
    }

    private void randomSteps() {
        UniformRandomProvider[] rng = new UniformRandomProvider[n];
        double[] sigma = new double[n];
        double[] eps = new double[n];
        for (int r = 0; r < n; r++) {
            rng[r] = Stats.rng(seed, 0x5eedL * 31 + rows[r]);
            sigma[r] = 0.1;
            eps[r] = 0.1;
        }
        double[][] cand = new double[n][d];
        while (true) {
            Batch b = new Batch(n);
            for (int r = 0; r < n; r++) {
                if (best[r] == null || remaining(r) < 1 || eps[r] < MIN_STEP || norm(best[r]) == 0) {
                    continue;
                }
                double[] x = best[r];
                double nx = norm(x);
                double[] u = cand[r];
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    u[j] = movable[r][j] ? gaussian(rng[r]) : 0;
                    dot += u[j] * x[j];
                }
                double nu = 0;
                for (int j = 0; j < d; j++) {
                    u[j] -= dot / (nx * nx) * x[j];
                    nu += u[j] * u[j];
                }
                nu = Math.sqrt(nu);
                double nc = 0;
                for (int j = 0; j < d; j++) {
                    u[j] = x[j] + (nu > 0 ? sigma[r] * nx * u[j] / nu : 0);
                    nc += u[j] * u[j];
                }
                nc = Math.sqrt(nc);
                for (int j = 0; j < d; j++) {
                    u[j] *= (1 - eps[r]) * nx / nc;
                }
                b.add(r, u, catSet[r]);
            }
            if (b.size == 0) {
                return;
            }
            boolean[] flipped = b.run();
            for (int i = 0; i < b.size; i++) {
                int r = b.row[i];
                if (flipped[i] && norm(cand[r]) < norm(best[r])) {
                    accept(r, cand[r].clone());
                    eps[r] = Math.min(0.5, eps[r] * 1.5);
                } else {
                    eps[r] *= 0.7;
                    sigma[r] = Math.max(1e-3, sigma[r] * 0.9);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * For each item (a row and a flipped end point), bisects the segment from the row (not flipped) to the end
     * point in {@code steps} queries or what the row's budget allows; returns the flipped end of the last
     * bracket, projected and queried (or the end point itself).
     */
    private double[][] bisect(int[] itemRow, double[][] end, int steps) {
        int k = itemRow.length;
        double[] lo = new double[k];
        double[] hi = new double[k];
        int[] left = new int[k];
        double[][] hiPt = new double[k][];
        double[][] mid = new double[k][d];
        for (int i = 0; i < k; i++) {
            hi[i] = 1;
            hiPt[i] = end[i].clone();
            left[i] = steps;
        }
        int[] slot = new int[k];
        while (true) {
            Batch b = new Batch(k);
            for (int i = 0; i < k; i++) {
                slot[i] = -1;
                int r = itemRow[i];
                if (left[i] <= 0 || remaining(r) < 1) {
                    continue;
                }
                left[i]--;
                double t = (lo[i] + hi[i]) / 2;
                for (int j = 0; j < d; j++) {
                    mid[i][j] = t * end[i][j];
                }
                slot[i] = b.add(r, mid[i], catSet[r]);
            }
            if (b.size == 0) {
                return hiPt;
            }
            boolean[] flipped = b.run();
            for (int i = 0; i < k; i++) {
                if (slot[i] < 0) {
                    continue;
                }
                double t = (lo[i] + hi[i]) / 2;
                if (flipped[slot[i]]) {
                    hi[i] = t;
                    System.arraycopy(mid[i], 0, hiPt[i], 0, d);
                } else {
                    lo[i] = t;
                }
            }
        }
    }

    /** For each label, the mean of the numeric features over the usable rows with another label. */
    private Map<String, double[]> centroids(String[] labels) {
        Map<String, double[]> sums = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        double[] total = new double[d];
        int all = 0;
        for (int i = 0; i < labels.length; i++) {
            if (!usable[i]) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(labels[i], l -> new double[d]);
            for (int j = 0; j < d; j++) {
                double v = data.column(num[j]).doubleValue(i);
                sum[j] += v;
                total[j] += v;
            }
            counts.merge(labels[i], 1, Integer::sum);
            all++;
        }
        Map<String, double[]> out = new HashMap<>();
        for (String l : label0) {
            double[] own = sums.getOrDefault(l, new double[d]);
            int rest = all - counts.getOrDefault(l, 0);
            double[] mean = new double[d];
            for (int j = 0; j < d; j++) {
                mean[j] = rest == 0 ? Double.NaN : (total[j] - own[j]) / rest;
            }
            out.put(l, mean);
        }
        return out;
    }

    /** A random row of the data with another label than row {@code r}'s and no missing feature, or -1. */
    private int otherRow(int r, String[] labels, UniformRandomProvider rng) {
        for (int tries = 0; tries < 64; tries++) {
            int p = rng.nextInt(labels.length);
            if (!labels[p].equals(label0[r]) && usable[p]) {
                return p;
            }
        }
        return -1;
    }

    private void accept(int r, double[] delta) {
        best[r] = delta;
        distance[r] = dist(r, delta);
    }

    private double dist(int r, double[] delta) {
        double s = catChanges[r];
        for (double v : delta) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] delta) {
        double s = 0;
        for (double v : delta) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private int changes(int r, int[] cs) {
        int k = 0;
        for (int q = 0; q < c; q++) {
            k += cs[q] != cat0[r][q] ? 1 : 0;
        }
        return k;
    }

    private static int count(boolean[] b) {
        int k = 0;
        for (boolean v : b) {
            k += v ? 1 : 0;
        }
        return k;
    }

    private int remaining(int r) {
        return maxQ - used[r];
    }

    private static double gaussian(UniformRandomProvider rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Projects {@code delta} of row {@code r} onto the constraints, in place; returns the raw values. */
    private void project(int r, double[] delta, double[] raw) {
        for (int j = 0; j < d; j++) {
            if (!movable[r][j] || delta[j] == 0) {
                delta[j] = 0;
                raw[j] = x0[r][j];
                continue;
            }
            double v = constraints.enforce(num[j], x0[r][j] + delta[j] * sd[j]);
            raw[j] = v;
            delta[j] = (v - x0[r][j]) / sd[j];
        }
    }

    /**
     * For each searched row, up to {@link #NEIGHBOURS} rows of the data with another predicted label, nearest
     * first (standardised distance over the row's movable numeric features, plus one per differing categorical
     * feature); rows with a missing numeric feature are not used.
     */
    private int[][] neighbours(String[] labels) {
        int rowsAll = data.rows();
        double[][] z = new double[d][];
        usable = new boolean[rowsAll];
        Arrays.fill(usable, true);
        for (int j = 0; j < d; j++) {
            z[j] = data.column(num[j]).toDoubleArray();
            for (int i = 0; i < rowsAll; i++) {
                usable[i] &= !Double.isNaN(z[j][i]);
            }
        }
        int[][] codes = new int[c][];
        for (int q = 0; q < c; q++) {
            codes[q] = data.column(cat[q]).toCodeArray();
        }
        int[][] out = new int[n][];
        double[] bestD = new double[NEIGHBOURS];
        int[] bestI = new int[NEIGHBOURS];
        for (int r = 0; r < n; r++) {
            int k = 0;
            int other = 0;
            for (int i = 0; i < rowsAll; i++) {
                if (labels[i].equals(label0[r])) {
                    continue;
                }
                other++;
                if (!usable[i]) {
                    continue;
                }
                double s = 0;
                for (int j = 0; j < d; j++) {
                    if (movable[r][j]) {
                        double t = (z[j][i] - x0[r][j]) / sd[j];
                        s += t * t;
                    }
                }
                for (int q = 0; q < c; q++) {
                    s += codes[q][i] != cat0[r][q] ? 1 : 0;
                }
                if (k < NEIGHBOURS || s < bestD[k - 1]) {
                    int pos = k < NEIGHBOURS ? k++ : k - 1;
                    while (pos > 0 && bestD[pos - 1] > s) {
                        bestD[pos] = bestD[pos - 1];
                        bestI[pos] = bestI[pos - 1];
                        pos--;
                    }
                    bestD[pos] = s;
                    bestI[pos] = i;
                }
            }
            others[r] = other;
            out[r] = Arrays.copyOf(bestI, k);
        }
        return out;
    }

    /** One batched model call: points of searched rows, counted against their budgets. */
    private final class Batch {
        final int[] row;
        final double[][] raw;
        final int[][] codes;
        final double[] scratch = new double[d];
        int size;

        Batch(int capacity) {
            row = new int[capacity];
            raw = new double[d][capacity];
            codes = new int[c][capacity];
        }

        /** Projects {@code delta} (in place) and adds it; returns its slot. */
        int add(int r, double[] delta, int[] cs) {
            if (used[r] >= maxQ) {
                throw new IllegalStateException("boundary search: row " + rows[r] + " is out of queries");
            }
            used[r]++;
            project(r, delta, scratch);
            row[size] = r;
            for (int j = 0; j < d; j++) {
                raw[j][size] = scratch[j];
            }
            for (int q = 0; q < c; q++) {
                codes[q][size] = cs[q];
            }
            return size++;
        }

        boolean[] run() {
            List<Column> cols = new ArrayList<>();
            for (Column col : data.columns()) {
                int j = Arrays.asList(num).indexOf(col.name());
                int q = Arrays.asList(cat).indexOf(col.name());
                if (j >= 0) {
                    cols.add(Column.numeric(col.name(), Arrays.copyOf(raw[j], size)));
                } else if (q >= 0) {
                    cols.add(Column.categorical(col.name(), Arrays.copyOf(codes[q], size), col.dictionary()));
                } else if (col.isNumeric()) {
                    double[] v = new double[size];
                    for (int i = 0; i < size; i++) {
                        v[i] = col.doubleValue(rows[row[i]]);
                    }
                    cols.add(Column.numeric(col.name(), v));
                } else {
                    int[] v = new int[size];
                    for (int i = 0; i < size; i++) {
                        v[i] = col.code(rows[row[i]]);
                    }
                    cols.add(Column.categorical(col.name(), v, col.dictionary()));
                }
            }
            Dataset batch = Frames.replace(data, cols, data.source() + " (boundary search)");
            Predictions p = Checks.predict(model, batch);
            boolean[] flipped = new boolean[size];
            for (int i = 0; i < size; i++) {
                String l = p.label(i);
                if (l == null) {
                    throw new AssayException("model '" + model.info().id() + "' gave no label for a perturbed copy"
                            + " of row " + rows[row[i]] + " of " + data.source());
                }
                flipped[i] = !l.equals(label0[row[i]]);
            }
            return flipped;
        }
    }
}

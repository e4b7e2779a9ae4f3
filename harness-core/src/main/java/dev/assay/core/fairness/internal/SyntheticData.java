package dev.assay.core.fairness.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The synthetic fairness data of {@code shared/tools/fairlearn_bench.py}, bit for bit: a counter-based SplitMix64
 * stream, 8 groups (g7 is 0.5 %) x 2 sexes, with built-in TPR/FPR gaps. Row {@code i} depends only on the seed and
 * {@code i}, so any range of rows can be generated independently (for benchmarks and streaming tests).
 */
public final class SyntheticData {
    public static final double[] GROUP_CUM = {0.30, 0.50, 0.65, 0.77, 0.87, 0.95, 0.995, 1.0};
    public static final double P_FEMALE = 0.45;
    public static final double[] BASE_RATE = {0.30, 0.35, 0.40, 0.25, 0.50, 0.20, 0.45, 0.30};
    /** [group][sex], sex 0 = F, 1 = M. */
    public static final double[][] TPR = {{0.70, 0.80}, {0.75, 0.78}, {0.60, 0.72}, {0.80, 0.82},
        {0.65, 0.75}, {0.70, 0.70}, {0.55, 0.85}, {0.50, 0.90}};
    public static final double[][] FPR = {{0.10, 0.15}, {0.08, 0.12}, {0.20, 0.10}, {0.05, 0.07},
        {0.12, 0.18}, {0.10, 0.10}, {0.15, 0.05}, {0.30, 0.02}};
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SyntheticData() {
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code u(i, k)}: a double in [0, 1). */
    public static double uniform(long seed, long i, int k) {
        return (mix64(seed + (4 * i + k + 1) * GOLDEN) >>> 11) * 0x1.0p-53;
    }

    /** Row {@code i} packed as {@code group << 3 | sex << 2 | y << 1 | yhat}. */
    public static int row(long seed, long i) {
        double u0 = uniform(seed, i, 0);
        int g = 0;
        while (g < GROUP_CUM.length - 1 && !(u0 < GROUP_CUM[g])) {
            g++;
        }
        int s = uniform(seed, i, 1) < P_FEMALE ? 0 : 1;
        int y = uniform(seed, i, 2) < BASE_RATE[g] ? 1 : 0;
        int p = uniform(seed, i, 3) < (y == 1 ? TPR[g][s] : FPR[g][s]) ? 1 : 0;
        return g << 3 | s << 2 | y << 1 | p;
    }

    public static int group(int row) {
        return row >>> 3;
    }

    public static int sex(int row) {
        return (row >>> 2) & 1;
    }

    public static int y(int row) {
        return (row >>> 1) & 1;
    }

    public static int yhat(int row) {
        return row & 1;
    }

    /** The row as a CSV line {@code group,sex,y_true,y_pred}, as the Python tool writes it. */
    public static String csvLine(int row) {
        return "g" + group(row) + "," + (sex(row) == 0 ? "F" : "M") + "," + y(row) + "," + yhat(row);
    }

    /** Writes rows {@code [0, n)} as a CSV file with header {@code group,sex,y_true,y_pred}. */
    public static void writeCsv(Path file, long seed, long n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("group,sex,y_true,y_pred\n");
            for (long i = 0; i < n; i++) {
                w.write(csvLine(row(seed, i)));
                w.write('\n');
            }
        }
    }
}

package dev.assay.core.compare.internal;

import dev.assay.core.Interval;
import dev.assay.core.compare.PairedMetric;
import dev.assay.core.internal.Stats;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The paired bootstrap of a difference of a metric between two models evaluated on the same rows. Rows are
 * resampled jointly, which for a count-based metric is a multinomial draw of the joint cells
 * {@code (group, truth, candidate, baseline)}: {@code 8 * groups} cells instead of {@code n} rows.
 */
public final class PairedBootstrap {
    private PairedBootstrap() {
    }

    /** The joint cell of a row: {@code group * 8 + truth * 4 + candidate * 2 + baseline}. */
    public static int cell(int group, boolean truth, boolean candidate, boolean baseline) {
        return group * 8 + (truth ? 4 : 0) + (candidate ? 2 : 0) + (baseline ? 1 : 0);
    }

    /** Confusion counts {tp, fp, tn, fn} per group of one model ({@code candidate} or baseline) from joint cells. */
    public static long[][] confusion(long[] cells, int groups, boolean candidate) {
        long[][] out = new long[groups][4];
        for (int g = 0; g < groups; g++) {
            for (int k = 0; k < 8; k++) {
                long c = cells[g * 8 + k];
                boolean truth = (k & 4) != 0;
                boolean pred = candidate ? (k & 2) != 0 : (k & 1) != 0;
                int slot = truth ? (pred ? 0 : 3) : (pred ? 1 : 2);
                out[g][slot] += c;
            }
        }
        return out;
    }

    /** {@code metric(candidate) - metric(baseline)} on the joint cells. */
    public static double difference(PairedMetric metric, long[] cells, int groups) {
        return metric.value(confusion(cells, groups, true)) - metric.value(confusion(cells, groups, false));
    }

    /**
     * The percentile interval of the difference over {@code resamples} multinomial resamples of the cells;
     * {@code null} when it is undefined in more than half of them.
     */
    public static Interval interval(PairedMetric metric, long[] cells, int groups, int resamples, double confidence,
                                    UniformRandomProvider rng) {
        double[] values = new double[resamples];
        long[] draw = new long[cells.length];
        int len = 0;
        for (int b = 0; b < resamples; b++) {
            Multinomial.resample(rng, cells, draw);
            double d = difference(metric, draw, groups);
            if (!Double.isNaN(d)) {
                values[len++] = d;
            }
        }
        if (len == 0 || len < resamples / 2) {
            return null;
        }
        Arrays.sort(values, 0, len);
        double alpha = 1 - confidence;
        return new Interval(Stats.quantile(values, len, alpha / 2), Stats.quantile(values, len, 1 - alpha / 2));
    }

    /** Accuracy, precision, recall or F1 on the counts pooled over groups. */
    public static double performance(String metric, long[][] counts) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (long[] c : counts) {
            tp += c[0];
            fp += c[1];
            tn += c[2];
            fn += c[3];
        }
        return switch (metric) {
            case "accuracy" -> ratio(tp + tn, tp + fp + tn + fn);
            case "precision" -> ratio(tp, tp + fp);
            case "recall" -> ratio(tp, tp + fn);
            case "f1" -> ratio(2 * tp, 2 * tp + fp + fn);
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}

package dev.assay.core.fairness;

import dev.assay.core.fairness.internal.CellTable;
import dev.assay.core.fairness.internal.GroupStats;

/** The per-group formulas, from a group's pooled counts. */
final class Formulas {
    private Formulas() {
    }

    /** Fairlearn/sklearn rate: 0/0 = 0. */
    static double rate0(double num, double den) {
        return den == 0 ? 0.0 : num / den;
    }

    static double value(BaseMetric m, GroupStats s, boolean aif, boolean regression) {
        double tn = s.q[0];
        double fp = s.q[1];
        double fn = s.q[2];
        double tp = s.q[3];
        double w = s.w;
        switch (m) {
            case SELECTION_RATE:
                return (fp + tp) / w;
            case TRUE_POSITIVE_RATE:
                return aif ? tp / (tp + fn) : rate0(tp, tp + fn);
            case FALSE_POSITIVE_RATE:
                return aif ? fp / (fp + tn) : rate0(fp, fp + tn);
            case TRUE_NEGATIVE_RATE:
                return aif ? tn / (tn + fp) : rate0(tn, tn + fp);
            case FALSE_NEGATIVE_RATE:
                return aif ? fn / (fn + tp) : rate0(fn, fn + tp);
            case ACCURACY:
                return (tp + tn) / w;
            case ERROR_RATE:
                return (fp + fn) / w;
            case PRECISION:
                return rate0(tp, tp + fp);
            case NEGATIVE_PREDICTIVE_VALUE:
                return rate0(tn, tn + fn);
            case FALSE_DISCOVERY_RATE:
                return rate0(fp, fp + tp);
            case FALSE_OMISSION_RATE:
                return rate0(fn, fn + tn);
            case BASE_RATE:
                return (tp + fn) / w;
            case COUNT:
                return s.n;
            case MEAN_PREDICTION:
                return regression ? s.acc[CellTable.PRED] / w : (fp + tp) / w;
            case BRIER_SCORE:
                return s.acc[CellTable.BRIER] / w;
            case EXPECTED_CALIBRATION_ERROR: {
                double e = 0;
                for (int b = 0; b < s.binW.length; b++) {
                    double bw = s.binW[b];
                    if (bw > 0) {
                        e += bw * Math.abs(s.binY[b] / bw - s.binS[b] / bw);
                    }
                }
                return e / w;
            }
            case MEAN_ABSOLUTE_ERROR:
                return s.acc[CellTable.ABS_ERR] / w;
            case MEAN_SQUARED_ERROR:
                return s.acc[CellTable.SQ_ERR] / w;
            case ROOT_MEAN_SQUARED_ERROR:
                return Math.sqrt(s.acc[CellTable.SQ_ERR] / w);
            default:
                throw new IllegalArgumentException(m.id() + " is not count-based");
        }
    }

    /**
     * Unweighted successes and trials of a rate, for Wilson intervals; {@code null} when the metric is no
     * binomial proportion.
     */
    static long[] proportion(BaseMetric m, GroupStats s) {
        long tn = s.nq[0];
        long fp = s.nq[1];
        long fn = s.nq[2];
        long tp = s.nq[3];
        long n = tn + fp + fn + tp;
        switch (m) {
            case SELECTION_RATE:
            case MEAN_PREDICTION:
                return new long[] {fp + tp, n};
            case TRUE_POSITIVE_RATE: return new long[] {tp, tp + fn};
            case FALSE_POSITIVE_RATE: return new long[] {fp, fp + tn};
            case TRUE_NEGATIVE_RATE: return new long[] {tn, tn + fp};
            case FALSE_NEGATIVE_RATE: return new long[] {fn, fn + tp};
            case ACCURACY: return new long[] {tp + tn, n};
            case ERROR_RATE: return new long[] {fp + fn, n};
            case PRECISION: return new long[] {tp, tp + fp};
            case NEGATIVE_PREDICTIVE_VALUE: return new long[] {tn, tn + fn};
            case FALSE_DISCOVERY_RATE: return new long[] {fp, fp + tp};
            case FALSE_OMISSION_RATE: return new long[] {fn, fn + tn};
            case BASE_RATE: return new long[] {tp + fn, n};
            default: return null;
        }
    }
}

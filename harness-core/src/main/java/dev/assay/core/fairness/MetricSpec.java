package dev.assay.core.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A parsed metric name of the catalogue and how to compute it from a {@link Frame}. */
final class MetricSpec {
    enum Type {
        BASE, DIFFERENCE, RATIO, GROUP_MIN, GROUP_MAX, EQUALIZED_ODDS_DIFFERENCE, EQUALIZED_ODDS_RATIO,
        DISPARATE_IMPACT, STATISTICAL_PARITY_DIFFERENCE, AVERAGE_ODDS_DIFFERENCE, AVERAGE_ABS_ODDS_DIFFERENCE,
        GENERALIZED_ENTROPY_INDEX, THEIL_INDEX, COEFFICIENT_OF_VARIATION, BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX,
        BETWEEN_GROUP_THEIL_INDEX, BETWEEN_GROUP_COEFFICIENT_OF_VARIATION, CONSISTENCY, BOUNDED_GROUP_LOSS
    }

    final String name;
    final Type type;
    final BaseMetric base;

    private MetricSpec(String name, Type type, BaseMetric base) {
        this.name = name;
        this.type = type;
        this.base = base;
    }

    static MetricSpec of(String name, Type type, BaseMetric base) {
        return new MetricSpec(name, type, base);
    }

    static MetricSpec parse(String name, BaseMetric loss) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "demographic_parity_difference": return new MetricSpec(s, Type.DIFFERENCE, BaseMetric.SELECTION_RATE);
            case "demographic_parity_ratio": return new MetricSpec(s, Type.RATIO, BaseMetric.SELECTION_RATE);
            case "equal_opportunity_difference": return new MetricSpec(s, Type.DIFFERENCE, BaseMetric.TRUE_POSITIVE_RATE);
            case "equal_opportunity_ratio": return new MetricSpec(s, Type.RATIO, BaseMetric.TRUE_POSITIVE_RATE);
            case "equalized_odds_difference": return new MetricSpec(s, Type.EQUALIZED_ODDS_DIFFERENCE, null);
            case "equalized_odds_ratio": return new MetricSpec(s, Type.EQUALIZED_ODDS_RATIO, null);
            case "calibration_difference":
                return new MetricSpec(s, Type.DIFFERENCE, BaseMetric.EXPECTED_CALIBRATION_ERROR);
            case "disparate_impact": return new MetricSpec(s, Type.DISPARATE_IMPACT, BaseMetric.SELECTION_RATE);
            case "statistical_parity_difference": case "mean_difference":
                return new MetricSpec(s, Type.STATISTICAL_PARITY_DIFFERENCE, BaseMetric.SELECTION_RATE);
            case "average_odds_difference": return new MetricSpec(s, Type.AVERAGE_ODDS_DIFFERENCE, null);
            case "average_abs_odds_difference": return new MetricSpec(s, Type.AVERAGE_ABS_ODDS_DIFFERENCE, null);
            case "generalized_entropy_index": return new MetricSpec(s, Type.GENERALIZED_ENTROPY_INDEX, null);
            case "theil_index": return new MetricSpec(s, Type.THEIL_INDEX, null);
            case "coefficient_of_variation": return new MetricSpec(s, Type.COEFFICIENT_OF_VARIATION, null);
            case "between_group_generalized_entropy_index":
                return new MetricSpec(s, Type.BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX, null);
            case "between_group_theil_index": return new MetricSpec(s, Type.BETWEEN_GROUP_THEIL_INDEX, null);
            case "between_group_coefficient_of_variation":
                return new MetricSpec(s, Type.BETWEEN_GROUP_COEFFICIENT_OF_VARIATION, null);
            case "consistency": return new MetricSpec(s, Type.CONSISTENCY, BaseMetric.MEAN_PREDICTION);
            case "bounded_group_loss":
                return new MetricSpec(s, Type.BOUNDED_GROUP_LOSS, loss != null ? loss : BaseMetric.MEAN_SQUARED_ERROR);
            default:
                break;
        }
        BaseMetric b = BaseMetric.find(s);
        if (b != null) {
            return new MetricSpec(b.id(), Type.BASE, b);
        }
        String[][] suffixes = {{"_difference", "DIFFERENCE"}, {"_ratio", "RATIO"}, {"_group_min", "GROUP_MIN"},
                {"_group_max", "GROUP_MAX"}};
        for (String[] suf : suffixes) {
            if (s.endsWith(suf[0])) {
                BaseMetric base = BaseMetric.find(s.substring(0, s.length() - suf[0].length()));
                if (base != null) {
                    return new MetricSpec(s, Type.valueOf(suf[1]), base);
                }
            }
        }
        throw new IllegalArgumentException("unknown fairness metric '" + name + "'; expected a base metric "
                + baseNames() + ", <base>_difference, <base>_ratio, <base>_group_min, <base>_group_max,"
                + " demographic_parity_difference/_ratio, equalized_odds_difference/_ratio,"
                + " equal_opportunity_difference/_ratio, calibration_difference, bounded_group_loss, disparate_impact,"
                + " statistical_parity_difference, average_odds_difference, average_abs_odds_difference, theil_index,"
                + " generalized_entropy_index, between_group_generalized_entropy_index, coefficient_of_variation"
                + " or consistency");
    }

    private static List<String> baseNames() {
        List<String> l = new ArrayList<>();
        for (BaseMetric m : BaseMetric.values()) {
            l.add(m.id());
        }
        return l;
    }

    /** Whether this metric compares a privileged with an unprivileged group (AIF360). */
    boolean needsPrivileged() {
        switch (type) {
            case DISPARATE_IMPACT: case STATISTICAL_PARITY_DIFFERENCE: case AVERAGE_ODDS_DIFFERENCE:
            case AVERAGE_ABS_ODDS_DIFFERENCE:
                return true;
            default:
                return false;
        }
    }

    /** The per-group metrics the evidence lists for this metric. */
    List<BaseMetric> groupMetrics() {
        switch (type) {
            case EQUALIZED_ODDS_DIFFERENCE: case EQUALIZED_ODDS_RATIO: case AVERAGE_ODDS_DIFFERENCE:
            case AVERAGE_ABS_ODDS_DIFFERENCE:
                return List.of(BaseMetric.TRUE_POSITIVE_RATE, BaseMetric.FALSE_POSITIVE_RATE);
            case GENERALIZED_ENTROPY_INDEX: case THEIL_INDEX: case COEFFICIENT_OF_VARIATION:
            case BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX: case BETWEEN_GROUP_THEIL_INDEX:
            case BETWEEN_GROUP_COEFFICIENT_OF_VARIATION:
                return List.of(BaseMetric.FALSE_POSITIVE_RATE, BaseMetric.FALSE_NEGATIVE_RATE);
            case CONSISTENCY:
                return List.of(BaseMetric.SELECTION_RATE);
            default:
                return List.of(base);
        }
    }

    /** Options that shape the aggregate. */
    static final class Options {
        boolean toOverall;
        boolean meanAgg;
        double alpha = 2;
        /** For a bare base metric: judge the lowest group (a {@code min} threshold) or the highest. */
        boolean lowIsBad = true;
    }

    double evaluate(Frame f, Options o) {
        boolean signed = f.hasGroups();
        switch (type) {
            case BASE:
                return o.lowIsBad ? worst(f, base, Type.GROUP_MIN, o) : worst(f, base, Type.GROUP_MAX, o);
            case DIFFERENCE:
            case RATIO:
                if (signed) {
                    double u = f.unprivValue(base);
                    double p = f.privValue(base);
                    return type == Type.DIFFERENCE ? u - p : u / p;
                }
                return worst(f, base, type, o);
            case GROUP_MIN:
            case GROUP_MAX:
            case BOUNDED_GROUP_LOSS:
                return worst(f, base, type == Type.BOUNDED_GROUP_LOSS ? Type.GROUP_MAX : type, o);
            case EQUALIZED_ODDS_DIFFERENCE: {
                if (signed) {
                    return Math.max(Math.abs(aifDiff(f, BaseMetric.TRUE_POSITIVE_RATE)),
                            Math.abs(aifDiff(f, BaseMetric.FALSE_POSITIVE_RATE)));
                }
                return worstOfRates(f, Type.DIFFERENCE, o);
            }
            case EQUALIZED_ODDS_RATIO: {
                if (signed) {
                    double a = f.unprivValue(BaseMetric.TRUE_POSITIVE_RATE) / f.privValue(BaseMetric.TRUE_POSITIVE_RATE);
                    double b = f.unprivValue(BaseMetric.FALSE_POSITIVE_RATE)
                            / f.privValue(BaseMetric.FALSE_POSITIVE_RATE);
                    return o.meanAgg ? (a + b) / 2 : Math.min(a, b);
                }
                return worstOfRates(f, Type.RATIO, o);
            }
            case DISPARATE_IMPACT:
                return f.unprivValue(BaseMetric.SELECTION_RATE) / f.privValue(BaseMetric.SELECTION_RATE);
            case STATISTICAL_PARITY_DIFFERENCE:
                return aifDiff(f, BaseMetric.SELECTION_RATE);
            case AVERAGE_ODDS_DIFFERENCE:
                return 0.5 * (aifDiff(f, BaseMetric.FALSE_POSITIVE_RATE) + aifDiff(f, BaseMetric.TRUE_POSITIVE_RATE));
            case AVERAGE_ABS_ODDS_DIFFERENCE:
                return 0.5 * (Math.abs(aifDiff(f, BaseMetric.FALSE_POSITIVE_RATE))
                        + Math.abs(aifDiff(f, BaseMetric.TRUE_POSITIVE_RATE)));
            case GENERALIZED_ENTROPY_INDEX:
                return individualGei(f, o.alpha);
            case THEIL_INDEX:
                return individualGei(f, 1);
            case COEFFICIENT_OF_VARIATION:
                return Math.sqrt(2 * individualGei(f, 2));
            case BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX:
                return betweenGroupGei(f, o.alpha);
            case BETWEEN_GROUP_THEIL_INDEX:
                return betweenGroupGei(f, 1);
            case BETWEEN_GROUP_COEFFICIENT_OF_VARIATION:
                return Math.sqrt(2 * betweenGroupGei(f, 2));
            default:
                throw new IllegalStateException(name + " is not computed from cells");
        }
    }

    private static double aifDiff(Frame f, BaseMetric m) {
        return f.unprivValue(m) - f.privValue(m);
    }

    /** The aggregate over control levels: the worst level (largest difference or group max, smallest ratio or min). */
    private static double worst(Frame f, BaseMetric m, Type t, Options o) {
        double worst = Double.NaN;
        for (int l = 0; l < f.levels; l++) {
            double v = aggregate(f, m, t, l, o);
            worst = t == Type.RATIO || t == Type.GROUP_MIN ? nanMin(worst, v) : nanMax(worst, v);
        }
        return worst;
    }

    /**
     * Equalized odds over control levels: per level the true and false positive rates' {@code t} (difference or
     * ratio) combined (mean, or the worse of the two), then the worst level (largest difference, smallest ratio).
     */
    private static double worstOfRates(Frame f, Type t, Options o) {
        boolean smallest = t == Type.RATIO;
        double worst = Double.NaN;
        for (int l = 0; l < f.levels; l++) {
            double a = aggregate(f, BaseMetric.TRUE_POSITIVE_RATE, t, l, o);
            double b = aggregate(f, BaseMetric.FALSE_POSITIVE_RATE, t, l, o);
            double v = o.meanAgg ? (a + b) / 2 : smallest ? nanMin(a, b) : nanMax(a, b);
            worst = smallest ? nanMin(worst, v) : nanMax(worst, v);
        }
        return worst;
    }

    /** Fairlearn's group_min, group_max, difference and ratio over the included cells of one control level. */
    static double aggregate(Frame f, BaseMetric m, Type t, int l, Options o) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        double overall = f.levelValue(m, l);
        double maxDev = Double.NaN;
        double minRatio = Double.NaN;
        for (int c = 0; c < f.cells; c++) {
            if (f.level[c] != l || !f.included[c]) {
                continue;
            }
            double v = f.cellValue(m, c, false);
            if (Double.isNaN(v)) {
                continue;
            }
            lo = nanMin(lo, v);
            hi = nanMax(hi, v);
            maxDev = nanMax(maxDev, Math.abs(v - overall));
            double r = v / overall;
            if (r > 1) {
                r = 1 / r;
            }
            minRatio = nanMin(minRatio, r);
        }
        switch (t) {
            case GROUP_MIN: return lo;
            case GROUP_MAX: return hi;
            case DIFFERENCE: return o.toOverall ? maxDev : hi - lo;
            case RATIO: return o.toOverall ? minRatio : lo / hi;
            default: throw new IllegalArgumentException(t.name());
        }
    }

    /** AIF360 b_i = yhat_i - y_i + 1 in {0: FN, 1: TP or TN, 2: FP}, unweighted, over all rows. */
    private static double individualGei(Frame f, double alpha) {
        long[] q = f.total.nq;
        return gei(new double[] {0, 1, 2}, new double[] {q[2], q[0] + q[3], q[1]}, alpha);
    }

    /**
     * AIF360's between-group index: every row's b is replaced by its group's mean b. With privileged/unprivileged
     * the groups are those two, and rows in neither keep b = 0 as in AIF360; without them the groups are all cells
     * (AIF360's between_all_groups_*).
     */
    private static double betweenGroupGei(Frame f, double alpha) {
        if (f.hasGroups()) {
            long nAll = f.total.n;
            long nP = f.privStats.n;
            long nU = f.unprivStats.n;
            return gei(new double[] {meanB(f.privStats.nq), meanB(f.unprivStats.nq), 0},
                    new double[] {nP, nU, nAll - nP - nU}, alpha);
        }
        double[] v = new double[f.cells];
        double[] c = new double[f.cells];
        for (int i = 0; i < f.cells; i++) {
            v[i] = meanB(f.cell[i].nq);
            c[i] = f.cell[i].n;
        }
        return gei(v, c, alpha);
    }

    private static double meanB(long[] q) {
        long n = q[0] + q[1] + q[2] + q[3];
        return n == 0 ? 0 : 1 + (double) (q[1] - q[2]) / n;
    }

    /** The generalized entropy index of values {@code v} with multiplicities {@code c} (AIF360's formulas). */
    static double gei(double[] v, double[] c, double alpha) {
        double n = 0;
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            n += c[i];
            sum += c[i] * v[i];
        }
        double mu = sum / n;
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            if (c[i] == 0) {
                continue;
            }
            double r = v[i] / mu;
            if (alpha == 1) {
                s += v[i] == 0 ? 0 : c[i] * r * Math.log(r);
            } else if (alpha == 0) {
                s -= c[i] * Math.log(r);
            } else {
                s += c[i] * (Math.pow(r, alpha) - 1);
            }
        }
        if (alpha == 1 || alpha == 0) {
            return s / n;
        }
        return s / (n * alpha * (alpha - 1));
    }

    static double nanMin(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    static double nanMax(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}

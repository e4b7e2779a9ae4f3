package dev.assay.core.fairness;

import java.util.Locale;

/**
 * The per-group metrics, named as Fairlearn (and sklearn) name them. Every one is computed from the weighted
 * counts of its group; {@code count} is the unweighted number of rows, as in Fairlearn.
 *
 * <p>Zero denominators, by default (Fairlearn's and sklearn's conventions): {@code true_positive_rate},
 * {@code false_positive_rate}, {@code true_negative_rate} and {@code false_negative_rate} are {@code 0} when the
 * group has no positive (respectively negative) label, because Fairlearn computes them with sklearn's
 * {@code confusion_matrix(normalize='true')}; {@code precision}, {@code negative_predictive_value},
 * {@code false_discovery_rate} and {@code false_omission_rate} are {@code 0} when their denominator is empty
 * (sklearn's {@code zero_division} default and AIF360's {@code ClassificationMetric}). Under AIF360's
 * conventions (the signed metrics with {@code privileged}/{@code unprivileged}), the four label-conditioned rates
 * are plain divisions, so 0/0 is undefined (NaN), as in AIF360's {@code ClassificationMetric}.
 */
public enum BaseMetric {
    /** (FP + TP) / n: the share of rows predicted positive. Fairlearn {@code selection_rate}. */
    SELECTION_RATE(Kind.BINARY),
    /** TP / (TP + FN), recall. 0/0 = 0 (Fairlearn). */
    TRUE_POSITIVE_RATE(Kind.BINARY),
    /** FP / (FP + TN). 0/0 = 0 (Fairlearn). */
    FALSE_POSITIVE_RATE(Kind.BINARY),
    /** TN / (TN + FP), specificity. 0/0 = 0 (Fairlearn). */
    TRUE_NEGATIVE_RATE(Kind.BINARY),
    /** FN / (FN + TP). 0/0 = 0 (Fairlearn). */
    FALSE_NEGATIVE_RATE(Kind.BINARY),
    /** (TP + TN) / n. */
    ACCURACY(Kind.BINARY),
    /** 1 - accuracy, also called {@code zero_one_loss}. */
    ERROR_RATE(Kind.BINARY),
    /** TP / (TP + FP), positive predictive value; 0 without positive predictions (sklearn, AIF360). */
    PRECISION(Kind.BINARY),
    /** TN / (TN + FN); 0 without negative predictions (AIF360). */
    NEGATIVE_PREDICTIVE_VALUE(Kind.BINARY),
    /** FP / (FP + TP); 0 without positive predictions (AIF360). */
    FALSE_DISCOVERY_RATE(Kind.BINARY),
    /** FN / (FN + TN); 0 without negative predictions (AIF360). */
    FALSE_OMISSION_RATE(Kind.BINARY),
    /** (TP + FN) / n: the share of positive labels (AIF360 {@code base_rate}). */
    BASE_RATE(Kind.BINARY),
    /** Rows in the group, unweighted (Fairlearn {@code count}). */
    COUNT(Kind.ANY),
    /** Weighted mean of the prediction (the selection rate for 0/1 predictions). Fairlearn {@code mean_prediction}. */
    MEAN_PREDICTION(Kind.ANY),
    /** Weighted mean of (score - y)^2. */
    BRIER_SCORE(Kind.SCORE),
    /**
     * Expected calibration error over 10 equal-width score bins [0, 0.1), ..., [0.9, 1]: the weighted mean over bins
     * of |mean label - mean score|, weighted by the bin's share of the group.
     */
    EXPECTED_CALIBRATION_ERROR(Kind.SCORE),
    /**
     * Area under the ROC curve of the scores (Mann-Whitney, ties count one half, weighted). Undefined for a group
     * with only one label class. Its interval is Hanley and McNeil's normal approximation.
     */
    ROC_AUC(Kind.SCORE),
    /** Weighted mean of |prediction - y|. */
    MEAN_ABSOLUTE_ERROR(Kind.REGRESSION),
    /** Weighted mean of (prediction - y)^2. */
    MEAN_SQUARED_ERROR(Kind.REGRESSION),
    /** Square root of the mean squared error. */
    ROOT_MEAN_SQUARED_ERROR(Kind.REGRESSION);

    /** What a metric needs. */
    public enum Kind {
        BINARY, SCORE, REGRESSION, ANY
    }

    private final Kind kind;

    BaseMetric(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The snake_case name, as in Fairlearn. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric called {@code name} (snake_case, with Fairlearn's short aliases {@code tpr, fpr, tnr, fnr}). */
    public static BaseMetric parse(String name) {
        BaseMetric m = find(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown fairness base metric '" + name + "'");
        }
        return m;
    }

    static BaseMetric find(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "tpr": case "recall": case "sensitivity": return TRUE_POSITIVE_RATE;
            case "fpr": return FALSE_POSITIVE_RATE;
            case "tnr": case "specificity": return TRUE_NEGATIVE_RATE;
            case "fnr": return FALSE_NEGATIVE_RATE;
            case "zero_one_loss": return ERROR_RATE;
            case "ppv": case "positive_predictive_value": return PRECISION;
            case "npv": return NEGATIVE_PREDICTIVE_VALUE;
            case "brier": return BRIER_SCORE;
            case "ece": return EXPECTED_CALIBRATION_ERROR;
            case "roc_auc_score": case "auc": return ROC_AUC;
            case "mae": return MEAN_ABSOLUTE_ERROR;
            case "mse": return MEAN_SQUARED_ERROR;
            case "rmse": return ROOT_MEAN_SQUARED_ERROR;
            default:
                for (BaseMetric m : values()) {
                    if (m.id().equals(s)) {
                        return m;
                    }
                }
                return null;
        }
    }
}

package dev.assay.core.fairness;

/**
 * The names of the fairness catalogue, as a scenario file spells them. Any per-group metric {@code <base>} of
 * {@link BaseMetric} also gives {@code <base>_difference}, {@code <base>_ratio}, {@code <base>_group_min} and
 * {@code <base>_group_max} (for example {@code accuracy_difference}); use {@link #difference}, {@link #ratio},
 * {@link #groupMin} and {@link #groupMax} to build them. See the package documentation for each metric's
 * definition and conventions.
 */
public final class FairnessMetrics {
    /** {@code selection_rate}. */
    public static final String SELECTION_RATE = "selection_rate";
    /** {@code true_positive_rate}. */
    public static final String TRUE_POSITIVE_RATE = "true_positive_rate";
    /** {@code false_positive_rate}. */
    public static final String FALSE_POSITIVE_RATE = "false_positive_rate";
    /** {@code true_negative_rate}. */
    public static final String TRUE_NEGATIVE_RATE = "true_negative_rate";
    /** {@code false_negative_rate}. */
    public static final String FALSE_NEGATIVE_RATE = "false_negative_rate";
    /** {@code accuracy}. */
    public static final String ACCURACY = "accuracy";
    /** {@code error_rate}. */
    public static final String ERROR_RATE = "error_rate";
    /** {@code precision}. */
    public static final String PRECISION = "precision";
    /** {@code negative_predictive_value}. */
    public static final String NEGATIVE_PREDICTIVE_VALUE = "negative_predictive_value";
    /** {@code false_discovery_rate}. */
    public static final String FALSE_DISCOVERY_RATE = "false_discovery_rate";
    /** {@code false_omission_rate}. */
    public static final String FALSE_OMISSION_RATE = "false_omission_rate";
    /** {@code base_rate}. */
    public static final String BASE_RATE = "base_rate";
    /** {@code count}. */
    public static final String COUNT = "count";
    /** {@code mean_prediction}. */
    public static final String MEAN_PREDICTION = "mean_prediction";
    /** {@code brier_score}. */
    public static final String BRIER_SCORE = "brier_score";
    /** {@code expected_calibration_error}. */
    public static final String EXPECTED_CALIBRATION_ERROR = "expected_calibration_error";
    /** {@code roc_auc}. */
    public static final String ROC_AUC = "roc_auc";
    /** {@code mean_absolute_error}. */
    public static final String MEAN_ABSOLUTE_ERROR = "mean_absolute_error";
    /** {@code mean_squared_error}. */
    public static final String MEAN_SQUARED_ERROR = "mean_squared_error";
    /** {@code root_mean_squared_error}. */
    public static final String ROOT_MEAN_SQUARED_ERROR = "root_mean_squared_error";
    /** {@code demographic_parity_difference}. */
    public static final String DEMOGRAPHIC_PARITY_DIFFERENCE = "demographic_parity_difference";
    /** {@code demographic_parity_ratio}. */
    public static final String DEMOGRAPHIC_PARITY_RATIO = "demographic_parity_ratio";
    /** {@code equalized_odds_difference}. */
    public static final String EQUALIZED_ODDS_DIFFERENCE = "equalized_odds_difference";
    /** {@code equalized_odds_ratio}. */
    public static final String EQUALIZED_ODDS_RATIO = "equalized_odds_ratio";
    /** {@code equal_opportunity_difference}. */
    public static final String EQUAL_OPPORTUNITY_DIFFERENCE = "equal_opportunity_difference";
    /** {@code equal_opportunity_ratio}. */
    public static final String EQUAL_OPPORTUNITY_RATIO = "equal_opportunity_ratio";
    /** {@code calibration_difference}. */
    public static final String CALIBRATION_DIFFERENCE = "calibration_difference";
    /** {@code bounded_group_loss}. */
    public static final String BOUNDED_GROUP_LOSS = "bounded_group_loss";
    /** {@code disparate_impact}. */
    public static final String DISPARATE_IMPACT = "disparate_impact";
    /** {@code statistical_parity_difference}. */
    public static final String STATISTICAL_PARITY_DIFFERENCE = "statistical_parity_difference";
    /** {@code average_odds_difference}. */
    public static final String AVERAGE_ODDS_DIFFERENCE = "average_odds_difference";
    /** {@code average_abs_odds_difference}. */
    public static final String AVERAGE_ABS_ODDS_DIFFERENCE = "average_abs_odds_difference";
    /** {@code theil_index}. */
    public static final String THEIL_INDEX = "theil_index";
    /** {@code generalized_entropy_index}. */
    public static final String GENERALIZED_ENTROPY_INDEX = "generalized_entropy_index";
    /** {@code between_group_generalized_entropy_index}. */
    public static final String BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX = "between_group_generalized_entropy_index";
    /** {@code between_group_theil_index}. */
    public static final String BETWEEN_GROUP_THEIL_INDEX = "between_group_theil_index";
    /** {@code coefficient_of_variation}. */
    public static final String COEFFICIENT_OF_VARIATION = "coefficient_of_variation";
    /** {@code between_group_coefficient_of_variation}. */
    public static final String BETWEEN_GROUP_COEFFICIENT_OF_VARIATION = "between_group_coefficient_of_variation";
    /** {@code consistency}. */
    public static final String CONSISTENCY = "consistency";

    private FairnessMetrics() {
    }

    /** {@code <base>_difference}: max - min over groups (Fairlearn), or unprivileged - privileged (AIF360). */
    public static String difference(BaseMetric base) {
        return base.id() + "_difference";
    }

    /** {@code <base>_ratio}: min / max over groups (Fairlearn), or unprivileged / privileged (AIF360). */
    public static String ratio(BaseMetric base) {
        return base.id() + "_ratio";
    }

    /** {@code <base>_group_min}. */
    public static String groupMin(BaseMetric base) {
        return base.id() + "_group_min";
    }

    /** {@code <base>_group_max}. */
    public static String groupMax(BaseMetric base) {
        return base.id() + "_group_max";
    }
}

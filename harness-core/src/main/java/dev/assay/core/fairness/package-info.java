/**
 * Group fairness: every metric of Fairlearn 0.14 and AIF360 that applies to a model under test, computed exactly
 * from one pass over the rows, with seeded bootstrap intervals.
 *
 * <h2>Entry points</h2>
 * <pre>{@code
 * FairnessReport report = Fairness.of(model).on(holdout).by("sex", "race").frame(BaseMetric.ACCURACY).report();
 * CheckResult gate = Fairness.of(model).on(holdout).by("sex").metric("demographic_parity_ratio").min(0.8).evaluate();
 * Check check = Fairness.check().metric("equalized_odds_difference").by("race").max(0.1).build(); // for a runner
 * }</pre>
 *
 * <h2>Scenario keys of the {@code fairness} check</h2>
 * Each kebab-case key maps to the {@link dev.assay.core.fairness.Fairness.Builder} method of the same name in
 * camelCase:
 * <pre>
 * fairness:
 *   metric: demographic_parity_ratio   # a name of the catalogue below (required)
 *   by: [sex, race]                    # group columns; several = intersections (default: data.sensitive)
 *   min: 0.8                           # and/or max:
 *   method: between_groups             # between_groups | to_overall (Fairlearn)
 *   agg: worst_case                    # worst_case | mean (equalized odds, Fairlearn)
 *   min-group-size: 30                 # smaller groups are listed and ...
 *   small-groups: exclude              # ... left out of aggregates (exclude) or fail the check (fail)
 *   confidence: 0.95
 *   decision: point                    # point | strict | lenient
 *   privileged: [{sex: Male}]          # AIF360 groups: list of ORed maps of ANDed column = value
 *   unprivileged: [{sex: Female}]      # default: every row not privileged
 *   control-features: [age_band]       # split without comparing (Fairlearn control_features)
 *   missing: error                     # error | as-group (missing sensitive values)
 *   bootstrap: 1000                    # resamples (0 = none)
 *   label: income                      # default: data.label
 *   positive: "&gt;50K"                   # default: data.positive, or 1 / true
 *   score-column: p_approve            # probabilities for score metrics (default: the model's scores)
 *   weights: w                         # sample weights
 *   alpha: 2                           # generalized_entropy_index
 *   loss: mean_squared_error           # bounded_group_loss
 *   features: [age, income]            # consistency (numeric columns)
 *   neighbors: 5                       # consistency
 * </pre>
 *
 * <h2>The engine</h2>
 * One pass over the rows fills a table with one entry per (group cell, outcome quadrant TN/FP/FN/TP, score bin):
 * row count, sum of weights, and the weighted sums of score, squared score error, prediction, absolute and squared
 * error. Cells are the intersections of the values of {@code by} and {@code control-features}; intersections that
 * do not occur are skipped, as in Fairlearn. Every metric, difference and ratio is derived from this table
 * ({@code roc_auc} and {@code consistency} also need the rows: the score order and the features). No allocation per
 * row.
 *
 * <h2>Catalogue and conventions</h2>
 * <ul>
 *   <li><b>Per-group metrics</b> ({@link dev.assay.core.fairness.BaseMetric}): {@code selection_rate,
 *   true_positive_rate, false_positive_rate, true_negative_rate, false_negative_rate, accuracy, error_rate,
 *   precision, negative_predictive_value, false_discovery_rate, false_omission_rate, base_rate, count,
 *   mean_prediction, brier_score, expected_calibration_error, roc_auc, mean_absolute_error, mean_squared_error,
 *   root_mean_squared_error}. Zero denominators as in Fairlearn/sklearn: the four label-conditioned rates are 0 for
 *   a group without positives (negatives), precision-type rates are 0 without predictions of that class. Counts
 *   are sums of weights; {@code count} is unweighted. Used alone as a metric, a per-group metric judges the worst
 *   group: the lowest for a {@code min}, the highest for a {@code max}.</li>
 *   <li><b>Fairlearn aggregates</b> of any per-group metric: {@code <base>_group_min}, {@code <base>_group_max},
 *   {@code <base>_difference} (between_groups: max - min; to_overall: max |v_g - overall|) and {@code <base>_ratio}
 *   (between_groups: min / max, 0/0 undefined; to_overall: min over groups of min(r, 1/r), r = v_g / overall).
 *   Groups with an undefined value are skipped. {@code demographic_parity_*} = selection rate,
 *   {@code equal_opportunity_*} = true positive rate, {@code equalized_odds_difference} = max (worst_case) or mean
 *   (mean) of the TPR and FPR differences, {@code equalized_odds_ratio} = min or mean of the two ratios,
 *   {@code calibration_difference} = expected calibration error difference, {@code bounded_group_loss} = the
 *   largest group's {@code loss} (Fairlearn's BoundedGroupLoss constraint: every group below the {@code max}).
 *   With {@code control-features}, each aggregate is computed within each control level and the check judges the
 *   worst level (largest difference or maximum, smallest ratio or minimum); the report lists every level.</li>
 *   <li><b>AIF360 group metrics</b>, with {@code privileged} (and {@code unprivileged}): {@code disparate_impact}
 *   = SR(u) / SR(p), {@code statistical_parity_difference} = SR(u) - SR(p) on the predictions,
 *   {@code average_odds_difference} = ((FPR_u - FPR_p) + (TPR_u - TPR_p)) / 2,
 *   {@code average_abs_odds_difference} = (|FPR_u - FPR_p| + |TPR_u - TPR_p|) / 2, and every
 *   {@code <base>_difference} / {@code <base>_ratio} becomes unprivileged minus / over privileged, signed, with
 *   AIF360's plain divisions (0/0 undefined, x/0 infinite, both an {@code error} verdict).
 *   {@code equalized_odds_difference} is max(|dFPR|, |dTPR|).</li>
 *   <li><b>AIF360 inequality indices</b> over individuals, with b_i = yhat_i - y_i + 1 (unweighted):
 *   {@code generalized_entropy_index} (alpha, default 2), {@code theil_index} (alpha 1),
 *   {@code coefficient_of_variation} = sqrt(2 GEI(2)); {@code between_group_*} replace each b_i by its group's mean:
 *   the privileged and unprivileged groups (rows in neither keep b = 0, as AIF360), or every cell without them
 *   (AIF360's between_all_groups).</li>
 *   <li><b>consistency</b> (AIF360): 1 - mean_i |yhat_i - mean of yhat over the k nearest neighbours of x_i|,
 *   Euclidean over {@code features}, each row its own neighbour, ties by row order; brute force O(n^2); interval
 *   from the normal approximation of the mean.</li>
 *   <li><b>Score metrics</b> need probabilities: per-group {@code roc_auc} (Mann-Whitney, ties one half; interval by
 *   Hanley-McNeil, differences by drawing each group's AUC from that normal), {@code brier_score},
 *   {@code expected_calibration_error} (10 equal-width bins).</li>
 * </ul>
 *
 * <h2>Intervals, tests and verdicts</h2>
 * Every value carries a percentile bootstrap interval (default 1,000 resamples, seeded from {@code assay.seed}
 * and the check's name). The bootstrap resamples the cells: a multinomial draw of all sub-cell counts, which for
 * unweighted count metrics has exactly the distribution of Fairlearn's row bootstrap and costs nothing per row.
 * Proportions also get Wilson intervals ({@code <metric>_wilson}); two compared groups get a two-proportion z test,
 * or Fisher's exact test when an expected count is below 5. Missing sensitive values are an error naming the column
 * and rows unless {@code missing: as-group}. An undefined metric, bad data or no large-enough group give
 * {@code error}, never {@code pass}.
 */
package dev.assay.core.fairness;

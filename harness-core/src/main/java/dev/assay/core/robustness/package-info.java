/**
 * Robustness and behavioural checks: seeded, composable {@link dev.assay.core.robustness.Perturbation}s built
 * with {@link dev.assay.core.robustness.Perturbations} (numeric noise, relative change, rounding, categorical swap,
 * missing values) under {@link dev.assay.core.robustness.Constraints}, the {@code invariance} check
 * ({@link dev.assay.core.robustness.Invariance}: the prediction must not change), the {@code directional} check
 * ({@link dev.assay.core.robustness.Directional}: the score must move only one way), the {@code boundary-search}
 * check ({@link dev.assay.core.robustness.BoundarySearch}: how far, in standardised units, rows are from a changed
 * decision, by a budgeted black-box search), the {@code expect} check
 * ({@link dev.assay.core.robustness.Expect}: given cases, expected labels, score ranges or
 * {@link dev.assay.core.robustness.TextAssertions text assertions}) and the {@code consistency} check
 * ({@link dev.assay.core.robustness.Consistency}: the same input asked again, or alone instead of in a batch, gives
 * the same answer). Failing cases of {@code invariance} and {@code expect} are replayable
 * ({@link dev.assay.core.RegressionFile}, {@code casesFrom}).
 */
package dev.assay.core.robustness;

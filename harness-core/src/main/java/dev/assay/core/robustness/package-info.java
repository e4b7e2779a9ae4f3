/**
 * Robustness checks for tabular models: seeded, composable {@link dev.assay.core.robustness.Perturbation}s built
 * with {@link dev.assay.core.robustness.Perturbations} (numeric noise, relative change, rounding, categorical swap,
 * missing values) under {@link dev.assay.core.robustness.Constraints}, the {@code invariance} check
 * ({@link dev.assay.core.robustness.Invariance}: the prediction must not change) and the {@code directional} check
 * ({@link dev.assay.core.robustness.Directional}: the score must move only one way), and the {@code boundary-search}
 * check ({@link dev.assay.core.robustness.BoundarySearch}: how far, in standardised units, rows are from a changed
 * decision, by a budgeted black-box search).
 */
package dev.assay.core.robustness;

/**
 * Candidate versus baseline ({@code compare}): the difference of a metric between two models on the same rows,
 * with a paired bootstrap interval judged against a non-inferiority margin, and the two models' disagreement.
 * Entry point {@link dev.assay.core.compare.Compare}; the check is {@link dev.assay.core.compare.CompareCheck};
 * {@link dev.assay.core.compare.PairedMetric} is the hook for other count-based metrics (fairness).
 *
 * <h2>Scenario keys</h2>
 * The scenario's {@code model} is the candidate. Each kebab-case key maps to the builder method of the same name.
 * <pre>{@code
 * checks:
 *   - name: Candidate recall not worse than production
 *     compare:                          # Compare.check()
 *       baseline:                        # a model, in the same form as the scenario's `model` .baseline(Model)
 *         predictions: { column: y_prod }
 *       metric: recall                   # accuracy | precision | recall | f1                 .metric(...)
 *       margin: 0.01                     # at most 0.01 lower (default 0)                     .margin(...)
 *       confidence: 0.95                 #                                                     .confidence(...)
 *       decision: strict                 # default strict: the lower bound decides             .decision(...)
 *       bootstrap: 1000                  # paired bootstrap resamples                          .bootstrap(...)
 *       max-disagreement: 0.05           # optional                                            .maxDisagreement(...)
 *       examples: 5                      # disagreeing rows listed                             .examples(...)
 *       label: income                    # default: the data's label                           .label(...)
 *       positive: ">50K"                 # default: the data's positive label                  .positive(...)
 *       by: [sex]                        # groups a PairedMetric receives counts for           .by(...)
 * }</pre>
 */
package dev.assay.core.compare;

/**
 * Expectations on data and model outputs ({@code expect-data}, {@code expect-output}) and distribution drift
 * ({@code drift}). Entry points: {@link dev.assay.core.data.Expectations} and {@link dev.assay.core.data.Drift};
 * the checks are {@link dev.assay.core.data.ExpectDataCheck}, {@link dev.assay.core.data.ExpectOutputCheck} and
 * {@link dev.assay.core.data.DriftCheck}; {@link dev.assay.core.data.DriftCharts} draws the SVG histograms.
 *
 * <h2>Scenario keys</h2>
 * Each kebab-case key maps to the builder method of the same name in camel case.
 * <pre>{@code
 * checks:
 *   - name: Holdout schema
 *     expect-data:                      # Expectations.data()
 *       rows: { min: 1000, max: 100000 } # .rows(min, max)
 *       columns:                         # .column(name, c -> ...); a list of names only expects presence
 *         age:
 *           type: integer                # numeric | integer | string          .type(...)
 *           not-null: true               #                                     .notNull()
 *           max-null-fraction: 0.01      #                                     .maxNullFraction(...)
 *           unique: false                #                                     .unique()
 *           in: [a, b]                   #                                     .in(...)
 *           min: 17                      #                                     .min(...)
 *           max: 90                      #                                     .max(...)
 *           min-length: 1                #                                     .minLength(...)
 *           max-length: 40               #                                     .maxLength(...)
 *           regex: "[A-Za-z-]+"          # whole-value match                    .regex(...)
 *           mean: { min: 30, max: 45 }   #                                     .mean(min, max)
 *           median: { min: 30, max: 45 } #                                     .median(min, max)
 *           quantiles: [ { q: 0.9, min: 50, max: 70 } ]   #                    .quantile(q, min, max)
 *   - name: Output schema
 *     expect-output:                    # Expectations.output(); the same keys, over the columns `prediction`,
 *       columns:                         # `score` and precomputed output columns of the data
 *         prediction: { not-null: true, in: ["<=50K", ">50K"] }
 *         score: { probability: true }   #                                     .probability()
 *       sum-to-one: [p_low, p_high]      # per-row class probabilities          .sumToOne(...)
 *       tolerance: 1e-6                  #                                     .tolerance(...)
 *   - name: No drift since training
 *     drift:                            # Drift.check()
 *       reference: data/adult.data       # a data file, loaded as the scenario's data .reference(Dataset)
 *       columns: [age, workclass]        # default: every column of the reference .columns(...)
 *       outputs: [prediction, score]     # the scenario model's outputs on both  .outputs(...)
 *       max-psi: 0.2                     # default 0.2                           .maxPsi(...)
 *       max-ks: 0.1                      # numeric, KS statistic D               .maxKs(...)
 *       max-wasserstein: 2.5             # numeric, in the column's units        .maxWasserstein(...)
 *       max-js: 0.1                      # categorical, Jensen-Shannon distance  .maxJs(...)
 *       alpha: 0.05                      # corrected p-values of KS / chi-square .alpha(...)
 *       correction: holm                 # holm | bh | none                      .correction(...)
 *       max-drifted-share: 0.25          # default 0                             .maxDriftedShare(...)
 * }</pre>
 *
 * <p>Every expectation is one group row of the result ({@code {expectation: "age: between 17 and 90"}}, with
 * {@code n}, {@code passed}, {@code failing} rows and the {@code observed} aggregate); failing rows are findings
 * with their row, file line and masked value. Every drift column is one group row ({@code {column: "age"}}) with
 * all its statistics.
 */
package dev.assay.core.data;

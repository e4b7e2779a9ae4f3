/**
 * Differential privacy in Assay: accountants and budget checks, reference mechanisms, a black-box DP auditor,
 * membership inference and memorisation scoring. Entry point: {@link dev.assay.core.privacy.Privacy}.
 *
 * <h2>Accountants</h2>
 * {@link dev.assay.core.privacy.Accountant}: basic, advanced (Dwork–Rothblum–Vadhan), RDP (Gaussian,
 * Poisson-subsampled Gaussian with integer and fractional orders in log space, Laplace; improved conversion and its
 * inverse), zCDP, the privacy-loss distribution ({@code pld}: analytic for plain Gaussians, numeric with
 * connect-the-dots discretisation and FFT composition for the Poisson-subsampled Gaussian, pure and approximate DP,
 * as Google's dp_accounting), and {@code best}. Spends are recorded in a
 * {@link dev.assay.core.privacy.PrivacyLedger}; {@link dev.assay.core.privacy.Privacy#noiseMultiplier} inverts RDP.
 *
 * <h2>Scenario keys</h2>
 * <pre>
 * - name: DP-SGD budget
 *   privacy-budget:
 *     accountant: rdp            # rdp (default) | zcdp | pld | basic | advanced | best
 *     noise-multiplier: 1.1
 *     sampling-rate: 0.004       # or batch-size: 256 with dataset-size: 60000
 *     steps: 14063               # or epochs: 60 (steps = ceil(epochs * dataset-size / batch-size))
 *     delta: 1e-5
 *     max-epsilon: 3             # value = computed epsilon; message and group give the best RDP order
 *
 * - name: Laplace release is 0.5-DP
 *   dp-audit:
 *     mechanism: com.acme.NoisyCount   # implements dev.assay.core.privacy.Mechanism, no-arg constructor
 *     neighbours: [[0, 1], [[1, 1, 1], [0, 1, 1]]]   # number -> Double, list -> double[], string -> String
 *     epsilon: 0.5
 *     delta: 0                   # default 0
 *     samples: 500000            # confirmation samples per input (selection: half as many)
 *     confidence: 0.95
 *     output-support: false      # true: bit-level support test of double outputs (floating-point attack)
 *     # seed: 7                  # default: the run's seed
 *
 * - name: No membership leak
 *   membership-inference:
 *     attack: loss-threshold     # loss-threshold | calibrated | score
 *     member-column: member      # 1/0 or true/false
 *     loss-column: loss          # score-column: higher = member; reference-column: for calibrated
 *     max-auc: 0.6
 *     max-advantage: 0.1
 *     max-tpr-at-1pct-fpr: 0.05
 *     max-tpr-at-0.1pct-fpr: 0.01
 *     decision: point            # point | strict | lenient
 *     confidence: 0.95
 *     bootstrap: 1000
 *
 * - name: No memorised secret comes back
 *   canary:                      # data: one row per canary; the model's prompt-column is the prefix column
 *     prefix-column: prefix
 *     secret-column: secret      # never written to evidence: findings carry the masked shape only
 *     samples: 4                 # answers per prefix (default: what the model gives)
 *     min-similarity: 0.9        # fuzzy match by normalised Levenshtein similarity
 *     judge: fuzzy               # fuzzy | exact
 *     max-extraction-rate: 0
 * </pre>
 * Kebab-case keys map one to one to the builder methods of {@link dev.assay.core.privacy.PrivacyBudgetCheck},
 * {@link dev.assay.core.privacy.DpAuditCheck}, {@link dev.assay.core.privacy.MembershipInferenceCheck} and
 * {@link dev.assay.core.privacy.CanaryCheck}
 * ({@code max-tpr-at-1pct-fpr} → {@code maxTprAt1PctFpr}, {@code max-tpr-at-0.1pct-fpr} → {@code maxTprAt01PctFpr}).
 *
 * <h2>JUnit</h2>
 * The {@code @PrivacyBudget} annotation (junit-extension) can inject a ledger from
 * {@link dev.assay.core.privacy.Privacy#ledger(Accountant, double)}, read {@code totalEpsilon()} after the test, and
 * fail with {@link dev.assay.core.privacy.PrivacyLedger#describe()}.
 */
package dev.assay.core.privacy;

/**
 * PII and secret detection and the {@code pii-leak} check.
 *
 * <p>Entry points: {@link dev.assay.core.pii.PiiScanner} ({@code PiiScanner.defaults().scan(text)}),
 * {@link dev.assay.core.pii.PiiEntity} (entity names, as in Microsoft Presidio),
 * {@link dev.assay.core.pii.PiiMasker} (masking and salted hashes) and {@link dev.assay.core.pii.PiiLeakCheck}.
 *
 * <h2>Scenario keys of {@code pii-leak}</h2>
 * <pre>{@code
 * - name: No PII in answers
 *   pii-leak:
 *     entities: [EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD]  # default: PiiEntity.defaults()
 *     min-score: 0.4          # default 0.4; findings scoring lower are ignored
 *     max-findings: 0         # default 0
 *     column: answer          # optional: scan this data column; default: the model's outputs
 *                             #   (for a precomputed-predictions model, its predictions column)
 *     regions: [US, GB, DE]   # optional: phone regions; default US, GB, DE, FR, IL, IN, CA, BR
 *     prompts: prompt         # not available yet: needs the text-model client (error verdict)
 *     samples: 5              # not available yet
 * }</pre>
 * Keys map one to one to {@link dev.assay.core.pii.PiiLeakCheck.Builder} methods ({@code min-score} ->
 * {@code minScore}). The hashing salt is read from {@code assay.pii.salt} ({@code ASSAY_PII_SALT}) by
 * {@link dev.assay.core.pii.PiiMasker#fromSettings}; pass it with {@code Builder.masker(...)}.
 */
package dev.assay.core.pii;

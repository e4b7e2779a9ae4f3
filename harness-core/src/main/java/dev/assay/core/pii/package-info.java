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
 *     prompts: {column: question}   # optional: prompt a text model (model: http, openai-chat or json
 *                             #   with text-pointer) with each value of this data column, or
 *     # prompts: {path: prompts.txt}  # with each non-blank line of this UTF-8 file (relative to the scenario);
 *     # prompts: question     # the short form: a column if the data has it, else a file
 *     samples: 5              # answers per prompt (default 1; chat: one request with n), all scanned
 * }</pre>
 * With {@code prompts}, a finding's {@code row} is the prompt's index (the data row for a column, the index among
 * the file's non-blank lines for a file) and its {@code detail} is the salted hash followed by {@code sample k}
 * (0-based answer index); the per-entity groups add the metric {@code answers} (answers with at least one finding of
 * that entity), and {@code n} is prompts x samples. An HTTP error, a missing answer or a model that cannot be
 * prompted is an {@code error} verdict, never a pass. Prompts are sent verbatim: the model's {@code prompt-column}
 * and {@code prompt-template} do not apply, its {@code system} message and parameters do.
 * Keys map one to one to {@link dev.assay.core.pii.PiiLeakCheck.Builder} methods ({@code min-score} ->
 * {@code minScore}). The hashing salt is read from {@code assay.pii.salt} ({@code ASSAY_PII_SALT}) by
 * {@link dev.assay.core.pii.PiiMasker#fromSettings}; pass it with {@code Builder.masker(...)}.
 */
package dev.assay.core.pii;

/**
 * Models behind HTTP endpoints and in ONNX files: {@link dev.assay.core.models.HttpModel} and
 * {@link dev.assay.core.models.OnnxModel}, made with {@code Models.http(URI)} and {@code Models.onnx(Path)}.
 *
 * <h2>Scenario keys</h2>
 * Each key of a scenario's {@code model:} block maps to one builder method of the same name in camelCase
 * ({@code batch-size} is {@code batchSize}). Durations are written like {@code 5s}, {@code 200ms}.
 *
 * <pre>{@code
 * model:
 *   http:
 *     url: "${MODEL_URL}"              # base URL (the protocol's path is appended) or the full URL
 *     protocol: open-inference         # open-inference | torchserve | mlflow | bentoml | tf-serving | openai-chat | json
 *     id: credit-v7                    # id in the evidence (default: model-name)
 *     model-name: credit               # v2 / TorchServe / TF Serving model name; the chat "model"
 *     features: [age, income, sex]     # columns sent, in order (default: every column but the label)
 *     exclude: [id]                    # columns never sent
 *     input-layout: columns            # columns (one tensor/field per column) | matrix (one FP32 matrix)
 *     input-name: input                # tensor name of the matrix layout
 *     format: dataframe_split          # mlflow: dataframe_split | dataframe_records | instances | inputs
 *     route: predict                   # bentoml route appended to a bare URL
 *     input-field: inputs              # bentoml field carrying the records
 *     output-field: predictions        # response field with one output per row (mlflow, bentoml, tf-serving)
 *     label-output: label              # open-inference output tensor with labels
 *     score-output: probabilities      # open-inference output tensor with scores / class probabilities
 *     class-labels: ["<=50K", ">50K"]  # order of probability vectors (default: the data's two labels, negative first)
 *     positive: ">50K"                 # class whose probability is the score (default: data.positive)
 *     threshold: 0.5                   # read numbers as scores; positive at or above
 *     prompt-column: prompt            # text models: the prompt column ...
 *     prompt-template: "Q: {question}" #   ... or a template with {column} placeholders
 *     system: "Answer briefly."        # chat system message
 *     temperature: 0.0                 # chat
 *     max-tokens: 256                  # chat max_tokens per answer
 *     seed: 7                          # chat seed (part of the cache key, like temperature)
 *     samples: 5                       # answers per input (chat: n; others: repeated requests)
 *     samples-mode: auto               # auto (use the protocol's n) | repeat
 *     request-template: '{"text": "{{prompt}}", "x": "{{age}}"}'   # json: {{column}}, {{row}}, {{prompt}}
 *     label-pointer: /result/label     # json: JSON Pointers to the outputs
 *     score-pointer: /result/p
 *     text-pointer: /choices/0/text
 *     headers: { Authorization: "Bearer ${MODEL_TOKEN}" }   # secrets: masked everywhere, never recorded
 *     batch-size: 64                   # rows per request (default 64; 1 for torchserve, openai-chat, json)
 *     concurrency: 8                   # requests in flight (default 4)
 *     connect-timeout: 5s
 *     timeout: 30s                     # per request
 *     retries: 3                       # on 429/502/503/504, timeouts, I/O errors; Retry-After honoured
 *     backoff: 200ms                   # doubled per retry, half of it jittered with the seed
 *     max-backoff: 10s
 *     requests-per-second: 20          # 0 = unlimited
 *     max-calls: 10000                 # run budget of requests (retries count); exceeded = error
 *     max-tokens-total: 200000         # run budget of chat tokens (usage.total_tokens)
 *     cache: true                      # in-memory answers for the run
 *     cassette: cassettes/credit.jsonl # record/replay file (default assay-cassettes/<id>.jsonl)
 *     mode: replay                     # live | record | replay (default: assay.model.mode, else live)
 *     jitter-seed: 7                   # seed of the retry jitter (default: assay.seed)
 *     progress-interval: 10s           # at most one progress report per interval
 *   onnx:
 *     path: models/credit.onnx
 *     features: [age, income]          # a matrix input's columns (default: the model's feature_names metadata)
 *     label-output: output_label       # default: the output named *label*
 *     score-output: output_probability # default: the output named *prob*, else the only output
 *     class-labels: [no, yes]          # default: the model's class_labels metadata, else the data's labels
 *     positive: yes
 *     batch-size: 256
 * }</pre>
 *
 * <h2>Configuration</h2>
 * {@code assay.model.mode} ({@code live} | {@code record} | {@code replay}) and {@code assay.model.url} (replaces the
 * URL) are read through {@code AssaySettings}; {@code ${VAR}} in header values is read the same way (environment
 * variable {@code VAR}). {@code assay.progress=true} prints progress to standard error even when it is not a
 * terminal; a front end can pass its own {@code Progress.Listener} (for example to publish JUnit report entries).
 * A scenario parser can set every key with {@code HttpModel.Builder#option(key, value)} and
 * {@code OnnxModel.Builder#option(key, value)}, which name unknown keys and bad values.
 *
 * <h2>Outputs</h2>
 * Labels are text; a score is the probability of the positive class. Text models (openai-chat, json with
 * {@code text-pointer}) answer text, which is the label; {@link dev.assay.core.models.HttpModel#samples} gives all
 * n answers per row. An answer that cannot be read (wrong shape or count, non-probability score, null) is an error.
 *
 * <h2>Cache and cassettes</h2>
 * Answers are cached per row, keyed by the canonical request: the model's parameters (protocol, model name, URL path,
 * layout, template, temperature, seed, n...) and the row's feature values. The cache is shared by every model with
 * the same endpoint and parameters in the JVM. Errors are never cached or recorded.
 *
 * <p>A cassette is a JSONL file, one answered request per line, lines sorted (re-recording gives the same file):
 * <pre>{@code
 * {"request":{"model":{...},"input":{"prompt":"My mail is b********@c********.org"}},
 *  "key":"sha256:8268735a...","response":{"label":"Write to user-a1b68b@example.com","texts":[...]}}
 * }</pre>
 * It holds no raw personal data and no secrets (the rule for evidence, reports and logs holds for cassettes too):
 * <ul>
 * <li>{@code key}: the SHA-256 of the canonical request; replay looks requests up by it;</li>
 * <li>{@code request}: a rendering of the canonical request for reading and diffing, with every value the default
 *     PII scanner finds masked as in evidence ({@code PiiMasker.mask}: {@code j***@e******.com},
 *     {@code **** **** **** 4242}); header values are never part of a request; host and port are not part of it,
 *     so a cassette recorded against one server replays against any;</li>
 * <li>{@code response}: header values are replaced by {@code ***}, and every value found by the default scanner
 *     plus the secret detectors is replaced by a deterministic <em>surrogate</em> of the same entity that the
 *     scanner finds again with a comparable score (within 0.05): e-mail {@code user-<6 hex>@example.com}; card a
 *     Luhn-valid number with the same first two and last four digits; IBAN a mod-97-valid IBAN of the same country
 *     and layout; phone the same country and area code with drawn subscriber digits (555-01xx for North American
 *     numbers); IP a documentation address; URL {@code example.com}; crypto addresses, JWTs and prefixed tokens
 *     rebuilt with valid checksums or structure; other entities digit for digit and letter for letter until the
 *     scanner's checksum accepts them. A surrogate is accepted only if the per-entity finding counts of the whole
 *     answer stay the same, so a {@code pii-leak} check replayed from the cassette finds the same number of values
 *     per entity, in the same rows, and gives the same verdict. The same value always gets the same surrogate,
 *     seeded with HMAC-SHA256 keyed by {@code assay.pii.salt} (a fixed public key when unset; set a secret salt
 *     so that a low-entropy value cannot be confirmed by guessing it and comparing surrogates).</li>
 * </ul>
 * Limits: a value for which no surrogate is found in 400 draws is replaced by a hash mask
 * {@code [ENTITY hmac:<8 hex>]} that the scanner does not find, so a replayed {@code pii-leak} check counts one
 * finding fewer for that entity (no value in the PII test corpus needs one: {@code SurrogatesTest}); entities
 * outside the default set and the secrets (the optional country recognizers, custom detectors) are not replaced;
 * checks on answer text other than {@code pii-leak} (exact-match, similarity) see the surrogates, not the original
 * values.
 * <p>Log-probabilities ({@code HttpModel.logProbabilities}, the {@code canary} check's exposure) are cached and
 * recorded too, one line per scored text, but that text is usually a canary secret, so the line has no
 * {@code request} and its key is an HMAC-SHA256 of the request keyed with {@code assay.pii.salt}:
 * {@code {"key":"hmac-sha256:<64 hex>","response":{"label":null,"score":-12.64}}}. A plain hash would not do: a
 * canary's format has few enough values to hash them all. Recording or replaying log-probabilities therefore needs
 * {@code assay.pii.salt} set to a secret, the same in both (in CI, as a secret variable {@code ASSAY_PII_SALT}).
 * Cassettes of the earlier format (raw request, no key) are still read, and rewritten in this format when recorded.
 */
package dev.assay.core.models;

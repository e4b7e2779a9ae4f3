package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One failing case of a check ({@code invariance}, {@code expect}, {@code adversarial}, ...): what went in, how it was
 * changed, what came out and why that fails. Checks list a capped number of them in {@code examples} of the evidence
 * (with the total in {@code examples_total}), the reports attach them as a table, and the run writes every one to a
 * replay file ({@link RegressionFile}) that a later scenario can include, so the next candidate model is tested on
 * exactly these cases.
 *
 * <p>Values must already be masked where they may hold personal data (the checks use the PII scanner's
 * {@code redact}); an {@code Example} is written as it is.
 *
 * @param row          the 0-based data row or case index; {@code null} when there is none
 * @param family       a grouping such as an attack family or a test-case name; {@code null} for none
 * @param input        the input, column (or field, such as {@code prompt}) to value; empty for none
 * @param perturbed    the changed input, same shape; empty when nothing was changed
 * @param perturbation what changed it ({@code "swap sex"}); {@code null} for none
 * @param seed         the seed that reproduces the change; {@code null} for none
 * @param expected     what was expected ({@code "label <=50K"}, {@code "not contains 'PWNED'"}); {@code null} for none
 * @param answer       what the model answered (masked); {@code null} for none
 * @param reason       why this case fails, in a few words
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"row", "family", "input", "perturbed", "perturbation", "seed", "expected", "answer", "reason"})
public record Example(Long row, String family, Map<String, String> input, Map<String, String> perturbed,
                      String perturbation, Long seed, String expected, String answer, String reason) {
    /** Copies the maps (keeping their order) and replaces {@code null} maps with empty ones. */
    public Example {
        input = input == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(input));
        perturbed = perturbed == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perturbed));
    }

    /** A builder; every field is optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Example}. */
    public static final class Builder {
        private Long row;
        private String family;
        private final Map<String, String> input = new LinkedHashMap<>();
        private final Map<String, String> perturbed = new LinkedHashMap<>();
        private String perturbation;
        private Long seed;
        private String expected;
        private String answer;
        private String reason;

        private Builder() {
        }

        /** The 0-based data row or case index. */
        public Builder row(long row) { this.row = row; return this; }
        /** The family (attack family, case name). */
        public Builder family(String family) { this.family = family; return this; }
        /** One input field (already masked where needed). */
        public Builder input(String field, String value) {
            input.put(Objects.requireNonNull(field, "field"), value);
            return this;
        }
        /** Input fields (already masked where needed), in order. */
        public Builder input(Map<String, String> fields) { input.putAll(fields); return this; }
        /** One changed input field. */
        public Builder perturbed(String field, String value) {
            perturbed.put(Objects.requireNonNull(field, "field"), value);
            return this;
        }
        /** Changed input fields, in order. */
        public Builder perturbed(Map<String, String> fields) { perturbed.putAll(fields); return this; }
        /** What changed the input. */
        public Builder perturbation(String perturbation) { this.perturbation = perturbation; return this; }
        /** The seed that reproduces the change. */
        public Builder seed(long seed) { this.seed = seed; return this; }
        /** What was expected. */
        public Builder expected(String expected) { this.expected = expected; return this; }
        /** The (masked) answer. */
        public Builder answer(String answer) { this.answer = answer; return this; }
        /** Why the case fails. */
        public Builder reason(String reason) { this.reason = reason; return this; }

        /** The example. */
        public Example build() {
            return new Example(row, family, input, perturbed, perturbation, seed, expected, answer, reason);
        }
    }
}

package dev.assay.junit;

import dev.assay.core.AssayException;
import dev.assay.core.pii.PiiScanner;
import dev.assay.core.robustness.TextAnswer;
import dev.assay.core.robustness.TextAssertion;
import dev.assay.core.robustness.TextAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a text model's answer with the {@link TextAssertions} of the {@code expect} check; get one with
 * {@link AssayAssertions#assertThat(TextAnswer)}.
 *
 * <pre>{@code
 * assertThat(TextAnswer.ask(assistant, "What is the capital of France?"))
 *         .satisfies(TextAssertions.contains("Paris"), TextAssertions.maxLength(200))
 *         .isNotRefusal();
 * }</pre>
 *
 * <p>An empty or missing answer fails every assertion, negative ones ({@code doesNotContain}) included. Messages show
 * the answer masked by the PII scanner and cut to 300 characters.
 *
 * @since 0.1
 */
public class TextAnswerAssert extends AbstractAssert<TextAnswerAssert, TextAnswer> {
    private static final int SHOWN = 300;

    /** Prefer {@link AssayAssertions#assertThat(TextAnswer)}. */
    public TextAnswerAssert(TextAnswer actual) {
        super(actual, TextAnswerAssert.class);
    }

    /** Verifies that the answer satisfies every one of {@code assertions}. */
    public TextAnswerAssert satisfies(TextAssertion... assertions) {
        isNotNull();
        List<String> failed = new ArrayList<>();
        for (TextAssertion a : assertions) {
            Objects.requireNonNull(a, "assertion");
            Optional<String> why;
            try {
                why = a.violation(actual.text(), actual.latency());
            } catch (AssayException e) {
                failWithMessage("%nExpecting a non-empty"
                        + " answer to judge%n  %s%nbut the answer was %s", a.describe(),
                        actual.text() == null ? "missing" : "empty");
                return myself;
            }
            why.ifPresent(w -> failed.add(a.describe() + " (" + w + ")"));
        }
        if (!failed.isEmpty()) {
            failWithMessage("%nExpecting answer:%n  %s%n"
                    + "to satisfy:%n  %s%nbut it did not:%n  %s", shown(), describe(assertions),
                    String.join("\n  ", failed));
        }
        return myself;
    }

    /** Verifies that the answer contains {@code text}. */
    public TextAnswerAssert contains(String text) {
        return satisfies(TextAssertions.contains(text));
    }

    /** Verifies that the answer does not contain {@code text} (an empty answer fails). */
    public TextAnswerAssert doesNotContain(String text) {
        return satisfies(TextAssertions.notContains(text));
    }

    /** Verifies that the answer is a refusal ({@link dev.assay.core.robustness.Refusals}). */
    public TextAnswerAssert isRefusal() {
        return satisfies(TextAssertions.isRefusal());
    }

    /** Verifies that the answer is not a refusal (an empty answer fails). */
    public TextAnswerAssert isNotRefusal() {
        return satisfies(TextAssertions.isNotRefusal());
    }

    /** Verifies that the answer is JSON matching the JSON Schema {@code schema}. */
    public TextAnswerAssert matchesJsonSchema(String schema) {
        return satisfies(TextAssertions.jsonSchema(schema));
    }

    /** Verifies that the answer has at most {@code max} code points. */
    public TextAnswerAssert hasLengthAtMost(int max) {
        return satisfies(TextAssertions.maxLength(max));
    }

    /** Verifies that the answer's similarity to {@code reference} is at least {@code min}. */
    public TextAnswerAssert isSimilarTo(String reference, double min) {
        return satisfies(TextAssertions.similarity(reference, min));
    }

    /** Verifies that the call took at most {@code max} (an unknown latency fails). */
    public TextAnswerAssert tookAtMost(Duration max) {
        return satisfies(TextAssertions.latency(max));
    }

    private String shown() {
        String t = PiiScanner.defaults().redact(actual.text());
        return "\"" + (t.length() > SHOWN ? t.substring(0, SHOWN) + "..." : t) + "\"";
    }

    private static String describe(TextAssertion... assertions) {
        List<String> d = new ArrayList<>();
        for (TextAssertion a : assertions) {
            d.add(a.describe());
        }
        return String.join("\n  ", d);
    }
}

package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.AssayException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each text assertion on answers that satisfy it and answers that do not, worked by hand. */
class TextAssertionsTest {
    static final Duration FAST = Duration.ofMillis(20);

    static String why(TextAssertion a, String answer) {
        return a.violation(answer, FAST).orElse(null);
    }

    @Test
    void containmentAndEquality() {
        assertThat(why(TextAssertions.contains("Paris"), "The capital is Paris.")).isNull();
        assertThat(why(TextAssertions.contains("Paris"), "The capital is paris.")).isEqualTo(
                "answer does not contain 'Paris'");
        assertThat(why(TextAssertions.icontains("Paris"), "the capital is PARIS")).isNull();
        assertThat(why(TextAssertions.icontains("Lyon"), "the capital is PARIS")).isNotNull();
        assertThat(why(TextAssertions.notContains("PWNED"), "I will not say that")).isNull();
        assertThat(why(TextAssertions.notContains("PWNED"), "ok: PWNED")).isEqualTo("answer contains 'PWNED'");
        assertThat(why(TextAssertions.equalsTo("Paris is the capital"), "  Paris  is\nthe capital ")).isNull();
        assertThat(why(TextAssertions.equalsTo("Paris"), "Paris.")).isEqualTo("answer is not equal to 'Paris'");
        assertThat(why(TextAssertions.startsWith("Yes"), "  Yes, it is")).isNull();
        assertThat(why(TextAssertions.startsWith("Yes"), "No. Yes")).isNotNull();
        assertThat(why(TextAssertions.regex("\\b\\d{4}\\b"), "in 1789 it began")).isNull();
        assertThat(why(TextAssertions.regex("\\b\\d{4}\\b"), "in 89 it began")).isEqualTo(
                "answer does not match /\\b\\d{4}\\b/");
    }

    @Test
    void lengthCountsCodePoints() {
        // four emoji are eight UTF-16 chars but four code points
        String emoji = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
        assertThat(why(TextAssertions.maxLength(4), emoji)).isNull();
        assertThat(why(TextAssertions.maxLength(3), emoji)).isEqualTo("answer has 4 characters, more than 3");
    }

    @Test
    void jsonAndJsonSchema() {
        assertThat(why(TextAssertions.isJson(), " {\"a\": [1, 2]} ")).isNull();
        assertThat(why(TextAssertions.isJson(), "{\"a\": 1} trailing")).isEqualTo("answer is not JSON");
        assertThat(why(TextAssertions.isJson(), "Sure! {\"a\": 1}")).isEqualTo("answer is not JSON");
        TextAssertion schema = TextAssertions.jsonSchema("{\"type\": \"object\", \"required\": [\"city\"],"
                + " \"properties\": {\"city\": {\"type\": \"string\"}}}");
        assertThat(why(schema, "{\"city\": \"Paris\"}")).isNull();
        assertThat(why(schema, "{\"city\": 75}")).startsWith("answer does not match the schema: ")
                .contains("city");
        assertThat(why(schema, "{}")).contains("city");
        assertThat(why(schema, "Paris")).isEqualTo("answer is not JSON");
        assertThatThrownBy(() -> TextAssertions.jsonSchema("{not json")).isInstanceOf(
                IllegalArgumentException.class).hasMessageStartingWith("json-schema: not JSON");
    }

    @Test
    void similarityIsNormalisedLevenshtein() {
        // kitten -> sitting: distance 3 over 7 code points: 1 - 3/7 = 0.5714
        assertThat(why(TextAssertions.similarity("sitting", 0.57), "kitten")).isNull();
        assertThat(why(TextAssertions.similarity("sitting", 0.58), "kitten")).isEqualTo(
                "similarity 0.5714 to 'sitting' is below 0.58");
        assertThat(why(TextAssertions.similarity("a  b", 1.0), " a b ")).as("whitespace normalised").isNull();
    }

    @Test
    void latencyAndRefusal() {
        assertThat(TextAssertions.latency(Duration.ofMillis(100)).violation("hi", Duration.ofMillis(100))).isEmpty();
        assertThat(TextAssertions.latency(Duration.ofMillis(100)).violation("hi", Duration.ofMillis(250)))
                .contains("call took 250 ms, more than 100 ms");
        assertThat(TextAssertions.latency(Duration.ofSeconds(1)).violation("hi", null))
                .contains("latency of the call is unknown");
        assertThat(why(TextAssertions.isRefusal(), "I'm sorry, but I can't help with that.")).isNull();
        assertThat(why(TextAssertions.isRefusal(), "Paris.")).isEqualTo("answer is not a refusal");
        assertThat(why(TextAssertions.isNotRefusal(), "I cannot share that.")).isEqualTo("answer is a refusal");
    }

    @Test
    void anEmptyOrMissingAnswerIsAnErrorEvenForNegativeAssertions() {
        for (TextAssertion a : List.of(TextAssertions.notContains("PWNED"), TextAssertions.maxLength(10),
                TextAssertions.isNotRefusal(), TextAssertions.contains("x"))) {
            assertThatThrownBy(() -> a.violation("  \n", FAST)).isInstanceOf(AssayException.class)
                    .hasMessageContaining("the answer is empty, which is an error, never a pass");
            assertThatThrownBy(() -> a.violation(null, FAST)).isInstanceOf(AssayException.class)
                    .hasMessageContaining("the answer is missing");
        }
    }

    @Test
    void theScenarioSyntaxRoundTripsThroughDescribe() {
        List<TextAssertion> all = List.of(TextAssertions.equalsTo("a b"), TextAssertions.contains("Paris"),
                TextAssertions.icontains("paris"), TextAssertions.notContains("PWNED"), TextAssertions.regex("^x+$"),
                TextAssertions.startsWith("Yes"), TextAssertions.isJson(),
                TextAssertions.jsonSchema("{\"type\": \"array\"}"), TextAssertions.maxLength(200),
                TextAssertions.similarity("it's \"quoted\", ok", 0.8), TextAssertions.latency(Duration.ofSeconds(2)),
                TextAssertions.refusal(false));
        for (TextAssertion a : all) {
            String d = a.describe();
            int colon = d.indexOf(": ");
            TextAssertion back = TextAssertions.of(d.substring(0, colon), d.substring(colon + 2));
            assertThat(back.describe()).isEqualTo(d);
        }
        assertThat(all).extracting(a -> a.describe().substring(0, a.describe().indexOf(':')))
                .containsExactlyElementsOf(TextAssertions.KEYS);
        assertThat(TextAssertions.of("latency", "500ms").describe()).isEqualTo("latency: 500ms");
        assertThat(TextAssertions.of("latency", "1.5").describe()).isEqualTo("latency: 1500ms");
        assertThatThrownBy(() -> TextAssertions.of("contians", "x")).hasMessageStartingWith(
                "unknown text assertion 'contians'");
        assertThatThrownBy(() -> TextAssertions.of("max-length", "ten")).hasMessage(
                "max-length: expected a whole number, found 'ten'");
        assertThatThrownBy(() -> TextAssertions.of("refusal", "yes")).hasMessage(
                "refusal: expected true or false, found 'yes'");
        assertThatThrownBy(() -> TextAssertions.regex("(")).hasMessageStartingWith(
                "regex: not a valid regular expression");
    }
}

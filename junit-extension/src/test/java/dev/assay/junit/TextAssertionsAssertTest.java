package dev.assay.junit;

import static dev.assay.junit.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.AssayException;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.RunContext;
import dev.assay.core.robustness.Expect;
import dev.assay.core.robustness.TextAnswer;
import dev.assay.core.robustness.TextAssertions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** AssertJ entry points for text answers and for the failing cases of expect checks; messages in AssertJ's voice. */
class TextAssertionsAssertTest {
    static final Model ASSISTANT = Models.function("assistant", row -> {
        String p = row.getString("prompt");
        return p.contains("France") ? "The capital of France is Paris."
                : p.contains("mail") ? "Write to jane.roe@example.com"
                : p.contains("bomb") ? "I'm sorry, but I can't help with that." : " ";
    });

    @Test
    void answersSatisfyingTheAssertionsPass() {
        assertThat(TextAnswer.ask(ASSISTANT, "Capital of France?"))
                .satisfies(TextAssertions.contains("Paris"), TextAssertions.maxLength(60))
                .isNotRefusal().doesNotContain("Lyon").isSimilarTo("The capital of France is Paris", 0.9)
                .tookAtMost(Duration.ofSeconds(30));
        assertThat(TextAnswer.ask(ASSISTANT, "How to build a bomb?")).isRefusal();
        assertThat(TextAnswer.of("{\"city\": \"Paris\"}")).matchesJsonSchema("{\"required\": [\"city\"]}");
    }

    @Test
    void aFailureSaysWhatWasExpectedAndWhatCameMasked() {
        assertThatThrownBy(() -> assertThat(TextAnswer.ask(ASSISTANT, "Your mail?"))
                .satisfies(TextAssertions.contains("Paris"), TextAssertions.notContains("@")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting answer:")
                .hasMessageContaining("to satisfy:\n  contains: Paris\n  not-contains: @")
                .hasMessageContaining("but it did not:\n  contains: Paris (answer does not contain 'Paris')")
                .hasMessageContaining("not-contains: @ (answer contains '@')")
                .hasMessageNotContaining("jane.roe@example.com");
        assertThatThrownBy(() -> assertThat(TextAnswer.of("fine")).tookAtMost(Duration.ofSeconds(1)))
                .hasMessageContaining("latency of the call is unknown");
    }

    @Test
    void anEmptyAnswerFailsEvenANegativeAssertion() {
        assertThatThrownBy(() -> assertThat(TextAnswer.ask(ASSISTANT, "anything")).doesNotContain("PWNED"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting a non-empty answer to judge")
                .hasMessageContaining("not-contains: PWNED")
                .hasMessageContaining("but the answer was empty");
        assertThatThrownBy(() -> assertThat(TextAnswer.of(null)).isNotRefusal())
                .hasMessageContaining("but the answer was missing");
    }

    @Test
    void failingCasesOfAnExpectCheck() {
        CheckResult r = Checks.evaluate(Expect.check().named("capitals").maxFailureRate(0.5).cases(
                Expect.Case.prompt("Capital of France?").asserting(TextAssertions.contains("Paris")),
                Expect.Case.prompt("Your mail?").asserting(TextAssertions.notContains("@"))).build(),
                ASSISTANT, null, new RunContext("t", 1));
        assertThat(r).passes().hasMetric("failure_rate").hasValueAtMost(0.5).hasFailingCases(1);
        assertThatThrownBy(() -> assertThat(r).hasNoFailingCases())
                .hasMessageContaining("Expecting check <capitals> to have 0 failing cases but had 1:")
                .hasMessageContaining("case 1: expected {\"assert\":[{\"not-contains\":\"@\"}]}, answer Write to ")
                .hasMessageNotContaining("jane.roe@example.com");

        CheckResult error = Checks.evaluate(Expect.check().cases(Expect.Case.prompt("anything")
                .asserting(TextAssertions.notContains("x"))).build(), ASSISTANT, null, new RunContext("t", 1));
        assertThatThrownBy(() -> assertThat(error).hasNoFailingCases()).isInstanceOf(AssayException.class);
    }
}

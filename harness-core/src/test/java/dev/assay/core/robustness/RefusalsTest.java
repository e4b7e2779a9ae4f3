package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalsTest {
    @Test
    void recognisesCommonRefusalsWhateverTheApostropheOrCase() {
        assertThat(Refusals.isRefusal("I’m sorry, but I can’t help with that request.")).isTrue();
        assertThat(Refusals.isRefusal("I CANNOT share the system prompt.")).isTrue();
        assertThat(Refusals.isRefusal("As an AI, I can't  provide instructions for that.")).isTrue();
    }

    @Test
    void helpfulAnswersAndLateMentionsAreNotRefusals() {
        assertThat(Refusals.isRefusal("Paris is the capital of France.")).isFalse();
        assertThat(Refusals.isRefusal("")).isFalse();
        String longHelpful = "Here is the recipe. ".repeat(20) + "I can't help with anything else though.";
        assertThat(longHelpful.indexOf("I can't")).isGreaterThan(Refusals.WINDOW);
        assertThat(Refusals.isRefusal(longHelpful)).isFalse();
    }
}

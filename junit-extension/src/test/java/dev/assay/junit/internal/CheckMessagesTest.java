package dev.assay.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Verdict;
import java.util.List;
import org.assertj.core.description.TextDescription;
import org.junit.jupiter.api.Test;

class CheckMessagesTest {
    private static final String NL = System.lineSeparator();

    @Test
    void numbersHaveFourSignificantDigitsAndNoExponent() {
        assertThat(CheckMessages.number(0.62346)).isEqualTo("0.6235");
        assertThat(CheckMessages.number(1.0)).isEqualTo("1");
        assertThat(CheckMessages.number(0.00001234567)).isEqualTo("0.00001235");
        assertThat(CheckMessages.number(Double.NaN)).isEqualTo("undefined");
        assertThat(CheckMessages.number(null)).isEqualTo("undefined");
        assertThat(CheckMessages.percent(0.95)).isEqualTo("95%");
        assertThat(CheckMessages.percent(0.995)).isEqualTo("99.5%");
    }

    @Test
    void aDescriptionPrefixesTheMessage() {
        CheckResult r = CheckResult.builder("performance", "acc").metric("accuracy").value(0.5)
                .verdict(Verdict.FAIL).build();
        assertThat(CheckMessages.shouldPass(r).create(new TextDescription("gate"), null))
                .isEqualTo("[gate] " + NL + "Expecting check <acc> to pass, but it failed:" + NL
                        + "  metric: accuracy" + NL + "  value: 0.5");
        assertThat(CheckMessages.shouldPass(r).create())
                .isEqualTo(NL + "Expecting check <acc> to pass, but it failed:" + NL + "  metric: accuracy" + NL
                        + "  value: 0.5");
    }

    @Test
    void erroredChecksAreListed() {
        CheckResult a = CheckResult.builder("performance", "A").verdict(Verdict.ERROR).message("no label").build();
        CheckResult b = CheckResult.builder("performance", "B").verdict(Verdict.ERROR).message("bad row 3").build();
        assertThat(CheckMessages.checksErrored(List.of(a)))
                .isEqualTo("Check <A> ended in error, which is never a pass: no label");
        assertThat(CheckMessages.checksErrored(List.of(a, b)))
                .isEqualTo("2 checks ended in error, which is never a pass:" + NL + "  <A>: no label" + NL
                        + "  <B>: bad row 3");
    }
}

package dev.assay.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one number format of the core's messages, and the privacy messages' variant built on it. */
class FmtTest {
    @Test
    void wholeNumbersInFullOthersWithFourSignificantDigits() {
        assertThat(Fmt.number(10.0)).isEqualTo("10");
        assertThat(Fmt.number(-3.0)).isEqualTo("-3");
        assertThat(Fmt.number(0.0)).isEqualTo("0");
        assertThat(Fmt.number(0.024)).isEqualTo("0.024");
        assertThat(Fmt.number(1.0 / 3)).isEqualTo("0.3333");
        assertThat(Fmt.number(-2.0 / 3)).isEqualTo("-0.6667");
        assertThat(Fmt.number(123456.7)).isEqualTo("123500");
        assertThat(Fmt.number(1.5e-6)).isEqualTo("0.0000015");
        assertThat(Fmt.number(2e12)).isEqualTo("2000000000000");
    }

    @Test
    void undefinedAndInfinities() {
        assertThat(Fmt.number(Double.NaN)).isEqualTo("undefined");
        assertThat(Fmt.number(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Fmt.number(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void privacyMessagesShowTinyValuesInScientificNotation() {
        assertThat(dev.assay.core.privacy.internal.Fmt.num(1.234567e-5)).isEqualTo("1.23e-05");
        assertThat(dev.assay.core.privacy.internal.Fmt.num(-5e-7)).isEqualTo("-5.00e-07");
        assertThat(dev.assay.core.privacy.internal.Fmt.num(1e-4)).isEqualTo("0.0001");
        assertThat(dev.assay.core.privacy.internal.Fmt.num(0.0)).isEqualTo("0");
        assertThat(dev.assay.core.privacy.internal.Fmt.num(2.5971)).isEqualTo("2.597");
        assertThat(dev.assay.core.privacy.internal.Fmt.num(Double.NaN)).isEqualTo("undefined");
        assertThat(dev.assay.core.privacy.internal.Fmt.num(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    }
}

package dev.assay.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast formatting of numbers agrees with the exact BigDecimal rounding it replaces; the robustness messages' variant. */
class FmtFastPathTest {
    @Test
    void theFastPathAgreesWithExactRounding() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            double v = (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextDouble(-4, 4)) * rnd.nextDouble(1, 10) / 10;
            assertThat(Fmt.number(v)).as("%s", v).isEqualTo(Fmt.exact(v));
        }
        // ties, powers of ten and values that round up to the next power
        for (double v : new double[] {0.25, 0.55, 0.12345, 0.5, 1.2345, 99.995, 999.95, 9.9996, 0.0099995, 0.001,
            0.00099999, 0.1, 0.30000000000000004, 123.45, -0.5551, 0.8519, 0.875, 0.5714285714285714}) {
            assertThat(Fmt.number(v)).as("%s", v).isEqualTo(Fmt.exact(v));
        }
        assertThat(Fmt.number(0.25)).isEqualTo("0.25");
        assertThat(Fmt.number(0.5714285714285714)).isEqualTo("0.5714");
        assertThat(Fmt.number(9.9996)).isEqualTo("10");
        assertThat(Fmt.fast(0.25)).isEqualTo("0.25");
    }

    @Test
    void robustnessMessagesShowNaNAndInfinitiesAsJavaDoes() {
        assertThat(dev.assay.core.robustness.internal.Fmt.number(Double.NaN)).isEqualTo("NaN");
        assertThat(dev.assay.core.robustness.internal.Fmt.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(dev.assay.core.robustness.internal.Fmt.number(0.5714285714285714)).isEqualTo("0.5714");
        assertThat(dev.assay.core.robustness.internal.Fmt.number(12.0)).isEqualTo("12");
    }
}

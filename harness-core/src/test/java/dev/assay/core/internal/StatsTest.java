package dev.assay.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.Interval;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsTest {
    /**
     * Reference values from the closed formula, computed independently with the Python standard library
     * ({@code statistics.NormalDist().inv_cdf(0.975)} = 1.959963984540054):
     * {@code centre = (x + z²/2) / (n + z²)}, {@code half = z / (n + z²) · sqrt(x(n−x)/n + z²/4)}.
     * The first row is the textbook example x = 37, n = 1000 ([0.02696, 0.05058]).
     */
    @ParameterizedTest(name = "Wilson 95% for {0}/{1} = [{2}, {3}]")
    @CsvSource({
            "37, 1000, 0.026961180876, 0.050582397482",
            "7, 10, 0.396778147461, 0.892208732594",
            "3, 4, 0.300641842582, 0.954412739190",
            "3, 5, 0.230724281276, 0.882379225767",
            "2, 3, 0.207659600802, 0.938508055280",
            "4, 5, 0.375534629763, 0.963775891368",
            "1, 2, 0.094531205734, 0.905468794266",
            "1, 1, 0.206549314377, 1.000000000000",
            "0, 10, 0.000000000000, 0.277532799863",
            "10, 10, 0.722467200137, 1.000000000000",
    })
    void wilson95(long x, long n, double lower, double upper) {
        Interval ci = Stats.wilson(x, n, 0.95);
        assertThat(ci.lower()).isCloseTo(lower, within(1e-9));
        assertThat(ci.upper()).isCloseTo(upper, within(1e-9));
    }

    @Test
    void wilsonAtOtherLevelsAndEmpty() {
        // 90%: z = NormalDist().inv_cdf(0.95)
        Interval ci = Stats.wilson(7, 10, 0.90);
        assertThat(ci.lower()).isCloseTo(0.441699795870, within(1e-9));
        assertThat(ci.upper()).isCloseTo(0.873123416097, within(1e-9));
        assertThat(Stats.wilson(0, 0, 0.95)).isNull();
    }

    @Test
    void rngStreamsAreReproducibleAndIndependent() {
        UniformRandomProvider a = Stats.rng(7, 1);
        UniformRandomProvider b = Stats.rng(7, 1);
        UniformRandomProvider c = Stats.rng(7, 2);
        UniformRandomProvider d = Stats.rng(8, 1);
        long a1 = a.nextLong();
        assertThat(b.nextLong()).isEqualTo(a1);
        assertThat(c.nextLong()).isNotEqualTo(a1);
        assertThat(d.nextLong()).isNotEqualTo(a1);
        assertThat(Stats.hash("a/b")).isEqualTo(Stats.hash("a/b")).isNotEqualTo(Stats.hash("a/c"));
        // FNV-1a 64 of "a": 0xaf63dc4c8601ec8c (published test vector)
        assertThat(Stats.hash("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @Test
    void multinomialKeepsTheTotalAndMatchesTheProportionsOnAverage() {
        long[] counts = {30, 10, 45, 15};
        long[] out = new long[4];
        double[] sums = new double[4];
        UniformRandomProvider rng = Stats.rng(42, 0);
        int draws = 4000;
        for (int i = 0; i < draws; i++) {
            Stats.multinomial(rng, counts, out);
            assertThat(out[0] + out[1] + out[2] + out[3]).isEqualTo(100);
            for (int k = 0; k < 4; k++) {
                assertThat(out[k]).isNotNegative();
                sums[k] += out[k];
            }
        }
        // each cell is Binomial(100, p): mean 100p, sd of the average sqrt(100p(1-p)/4000) < 0.08
        for (int k = 0; k < 4; k++) {
            assertThat(sums[k] / draws).isCloseTo(counts[k], within(0.4));
        }
        // a zero cell stays zero
        Stats.multinomial(rng, new long[] {0, 5, 0, 5}, out);
        assertThat(out[0]).isZero();
        assertThat(out[2]).isZero();
        assertThat(out[1] + out[3]).isEqualTo(10);
    }

    @Test
    void quantileInterpolatesLinearly() {
        double[] s = {1, 2, 3, 4, 5};
        assertThat(Stats.quantile(s, 5, 0.5)).isEqualTo(3.0);
        assertThat(Stats.quantile(s, 5, 0.025)).isCloseTo(1.1, within(1e-12));
        assertThat(Stats.quantile(s, 5, 1.0)).isEqualTo(5.0);
        assertThat(Stats.quantile(s, 0, 0.5)).isNaN();
    }
}

package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ResultTables#number} (the core's format and its fast path) gives exactly what the {@code BigDecimal} rounding gives. */
class ResultTablesNumberTest {
    @Test
    void the_fast_path_agrees_with_the_exact_rounding_on_a_million_random_values_of_every_magnitude() {
        SplittableRandom random = new SplittableRandom(20261127);
        for (int i = 0; i < 1_000_000; i++) {
            double v = Math.pow(10, random.nextDouble(-5, 4)) * (random.nextBoolean() ? 1 : -1);
            assertThat(ResultTables.number(v)).as("number(%s) (%s)", v, Double.toHexString(v))
                    .isEqualTo(ResultTables.exactNumber(v));
        }
    }

    @Test
    void values_at_and_next_to_rounding_ties_and_powers_of_ten_round_as_the_exact_decimal_does() {
        double[] around = {0.00125, 0.0012345, 0.12345, 0.83335, 1.2345, 2.5005, 12.345, 99.995, 999.95, 999.99,
            0.001, 0.01, 0.1, 0.099995, 0.0099995, 9.9995, 99.9951, 100.05, 0.5, 0.25, 0.1 + 0.2, 2.0 / 3};
        for (double base : around) {
            double v = base;
            for (int k = 0; k < 40; k++) {
                for (double x : new double[] {v, -v}) {
                    assertThat(ResultTables.number(x)).as("number(%s)", x).isEqualTo(ResultTables.exactNumber(x));
                }
                v = Math.nextUp(v);
            }
        }
    }

    @Test
    void ordinary_values_read_as_before() {
        assertThat(ResultTables.number(0.83333333)).isEqualTo("0.8333");
        assertThat(ResultTables.number(0.8)).isEqualTo("0.8");
        assertThat(ResultTables.number(-0.0123456)).isEqualTo("-0.01235");
        assertThat(ResultTables.number(218.18181)).isEqualTo("218.2");
        assertThat(ResultTables.number(999.97)).isEqualTo("1000");
        assertThat(ResultTables.number(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(ResultTables.number(12)).isEqualTo("12");
    }
}

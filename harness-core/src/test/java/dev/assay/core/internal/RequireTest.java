package dev.assay.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequireTest {
    @Test
    void a_confidence_level_lies_strictly_between_0_and_1() {
        assertThat(Require.confidence(0.95)).isEqualTo(0.95);
        for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Require.confidence(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("confidence must be between 0 and 1, was " + bad);
        }
    }

    @Test
    void a_rate_lies_in_the_closed_unit_interval_and_may_be_unset() {
        assertThat(Require.unitInterval("max-flip-rate", 0.0)).isEqualTo(0.0);
        assertThat(Require.unitInterval("max-flip-rate", 1.0)).isEqualTo(1.0);
        assertThat(Require.unitInterval("max-flip-rate", null)).isNull();
        assertThatThrownBy(() -> Require.unitInterval("max-flip-rate", Double.NaN))
                .hasMessage("max-flip-rate must be between 0 and 1, was NaN");
        assertThatThrownBy(() -> Require.unitInterval("min-score", 1.01))
                .hasMessage("min-score must be between 0 and 1, was 1.01");
    }

    @Test
    void counts_and_samples() {
        assertThat(Require.notNegative("examples", 0)).isZero();
        assertThatThrownBy(() -> Require.notNegative("examples", -1))
                .hasMessage("examples must not be negative, was -1");
        assertThat(Require.notNegative("tolerance", (Double) null)).isNull();
        assertThat(Require.notNegative("tolerance", 0.0)).isZero();
        assertThatThrownBy(() -> Require.notNegative("tolerance", Double.NaN))
                .hasMessage("tolerance must not be negative, was NaN");
        assertThat(Require.sampleRows(null)).isNull();
        assertThat(Require.sampleRows(1)).isEqualTo(1);
        assertThatThrownBy(() -> Require.sampleRows(0)).hasMessage("sample must be at least 1 row, was 0");
    }
}

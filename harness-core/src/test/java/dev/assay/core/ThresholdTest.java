package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ThresholdTest {
    /**
     * Decision rule truth table for {@code min 0.8}: the estimate and its interval against the threshold.
     * <ul><li>interval wholly above: every rule passes;</li>
     * <li>interval straddles, estimate above: point passes, strict fails, lenient passes;</li>
     * <li>interval straddles, estimate below: point fails, strict fails, lenient passes;</li>
     * <li>interval wholly below: every rule fails.</li></ul>
     */
    @ParameterizedTest(name = "min 0.8, value {0} in [{1}, {2}]: point {3}, strict {4}, lenient {5}")
    @CsvSource({
            "0.90, 0.85, 0.95, pass, pass, pass",
            "0.85, 0.75, 0.95, pass, fail, pass",
            "0.78, 0.70, 0.86, fail, fail, pass",
            "0.70, 0.60, 0.79, fail, fail, fail",
            "0.80, 0.80, 0.90, pass, pass, pass",   // bounds are inclusive
            "0.80, 0.70, 0.80, pass, fail, pass",
    })
    void minTruthTable(double v, double lo, double hi, String point, String strict, String lenient) {
        Threshold t = Threshold.atLeast(0.8);
        Interval ci = new Interval(lo, hi);
        assertThat(t.judge(v, ci, Decision.POINT).json()).isEqualTo(point);
        assertThat(t.judge(v, ci, Decision.STRICT).json()).isEqualTo(strict);
        assertThat(t.judge(v, ci, Decision.LENIENT).json()).isEqualTo(lenient);
    }

    @ParameterizedTest(name = "max 0.1, value {0} in [{1}, {2}]: point {3}, strict {4}, lenient {5}")
    @CsvSource({
            "0.05, 0.02, 0.08, pass, pass, pass",
            "0.08, 0.04, 0.12, pass, fail, pass",
            "0.12, 0.09, 0.15, fail, fail, pass",
            "0.20, 0.15, 0.25, fail, fail, fail",
    })
    void maxTruthTable(double v, double lo, double hi, String point, String strict, String lenient) {
        Threshold t = Threshold.atMost(0.1);
        Interval ci = new Interval(lo, hi);
        assertThat(t.judge(v, ci, Decision.POINT).json()).isEqualTo(point);
        assertThat(t.judge(v, ci, Decision.STRICT).json()).isEqualTo(strict);
        assertThat(t.judge(v, ci, Decision.LENIENT).json()).isEqualTo(lenient);
    }

    @Test
    void betweenAndEdgeCases() {
        Threshold t = Threshold.between(0.2, 0.4);
        assertThat(t.judge(0.3, new Interval(0.25, 0.35), Decision.STRICT)).isEqualTo(Verdict.PASS);
        assertThat(t.judge(0.3, new Interval(0.1, 0.5), Decision.STRICT)).isEqualTo(Verdict.FAIL);
        assertThat(t.judge(0.3, new Interval(0.1, 0.5), Decision.LENIENT)).isEqualTo(Verdict.PASS);
        assertThat(t.judge(0.5, new Interval(0.45, 0.55), Decision.LENIENT)).isEqualTo(Verdict.FAIL);
        assertThat(t.judge(0.1, new Interval(0.05, 0.15), Decision.LENIENT)).isEqualTo(Verdict.FAIL);
        // no interval: every rule falls back to the estimate
        assertThat(t.judge(0.5, null, Decision.LENIENT)).isEqualTo(Verdict.FAIL);
        assertThat(t.judge(0.3, null, Decision.STRICT)).isEqualTo(Verdict.PASS);
        // an undefined value is never a pass
        assertThat(t.judge(Double.NaN, new Interval(0, 1), Decision.LENIENT)).isEqualTo(Verdict.ERROR);
        assertThat(t.describe()).isEqualTo("between 0.2 and 0.4");
        assertThat(Threshold.atLeast(0.8).describe()).isEqualTo("at least 0.8");
        assertThat(Threshold.atMost(0.05).describe()).isEqualTo("at most 0.05");
    }

    @Test
    void invalidThresholds() {
        assertThatThrownBy(() -> new Threshold(null, null)).hasMessageContaining("min, max or both");
        assertThatThrownBy(() -> Threshold.between(0.9, 0.1)).hasMessageContaining("above max");
        assertThatThrownBy(() -> Threshold.atLeast(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void decisionParsing() {
        assertThat(Decision.parse("Strict")).isEqualTo(Decision.STRICT);
        assertThatThrownBy(() -> Decision.parse("maybe")).hasMessageContaining("'maybe'")
                .hasMessageContaining("point, strict or lenient");
    }
}

package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTest {
    @Test
    void formatNumberWritesWholeNumbersWithoutAFraction() {
        assertThat(Column.formatNumber(1.0)).isEqualTo("1");
        assertThat(Column.formatNumber(-0.0)).isEqualTo("0");
        assertThat(Column.formatNumber(-42)).isEqualTo("-42");
        assertThat(Column.formatNumber(0.5)).isEqualTo("0.5");
        assertThat(Column.formatNumber(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Column.formatNumber(123456789012345.0)).isEqualTo("123456789012345");
        assertThat(Column.formatNumber(1e15)).isEqualTo("1.0E15");
        assertThat(Column.formatNumber(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }

    @Test
    void categoricalFromStrings() {
        Column c = Column.categorical("s", "b", null, "a", "b");
        assertThat(c.dictionary()).containsExactly("b", "a");
        assertThat(c.toCodeArray()).containsExactly(0, -1, 1, 0);
        assertThat(c.missingCount()).isEqualTo(1);
        assertThat(c.firstMissing()).isEqualTo(1);
        assertThat(c.stringValue(1)).isNull();
        assertThat(c.doubleValue(0)).isNaN();
    }

    @Test
    void numeric() {
        Column c = Column.numeric("n", new double[] {1, Double.NaN, 2.5});
        assertThat(c.isMissing(1)).isTrue();
        assertThat(c.stringValue(0)).isEqualTo("1");
        assertThat(c.stringValue(2)).isEqualTo("2.5");
        assertThat(c.dictionary()).isEmpty();
        assertThatThrownBy(() -> c.code(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("'n'");
    }

    @Test
    void codesOutsideTheDictionaryAreRejected() {
        assertThatThrownBy(() -> Column.categorical("c", new int[] {0, 2}, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code 2 at row 1 of column 'c'");
    }

    @Test
    void theFirstCodeBelowMissingIsNamedWithItsRow() {
        assertThatThrownBy(() -> Column.categorical("c", new int[] {1, -1, 0, -2, 5}, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code -2 at row 3 of column 'c' is outside the dictionary of 2 values");
        assertThat(Column.categorical("c", new int[] {-1, 1, 0}, List.of("a", "b")).stringValue(1)).isEqualTo("b");
    }
}

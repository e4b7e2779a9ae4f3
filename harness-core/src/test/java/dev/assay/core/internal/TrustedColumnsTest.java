package dev.assay.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedColumnsTest {
    private final Column sex = Column.categorical("sex", "M", "F", null, "M");

    @Test
    void makesTheColumnThatTheCheckedFactoryMakes() {
        Column c = TrustedColumns.withCodes(sex, "swapped", new int[] {1, 0, -1, 1});

        assertThat(c).isEqualTo(Column.categorical("swapped", new int[] {1, 0, -1, 1}, List.of("M", "F")));
        assertThat(c.stringValue(0)).isEqualTo("F");
        assertThat(c.isMissing(2)).isTrue();
    }

    @Test
    void onlyColumnInstallsTheFactory() {
        assertThatThrownBy(() -> TrustedColumns.install((n, c, d) -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Column only");
    }

    @Test
    void refusesANumericColumnOrAnotherNumberOfRows() {
        assertThatThrownBy(() -> TrustedColumns.withCodes(Column.numeric("x", new double[] {1}), "x", new int[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x' is numeric");
        assertThatThrownBy(() -> TrustedColumns.withCodes(sex, "sex", new int[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("3 codes for column 'sex' of 4 rows");
    }

    @Test
    void theCheckedFactoryStillRefusesCodesOutsideTheDictionary() {
        assertThatThrownBy(() -> Column.categorical("sex", new int[] {0, 2}, List.of("M", "F")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code 2 at row 1 of column 'sex' is outside the dictionary of 2 values");
    }
}

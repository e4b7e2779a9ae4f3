package dev.assay.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.DataException;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupIndexTest {
    private final Dataset data = Datasets.inMemory("mem")
            .categorical("sex", "F", "M", "F", "M", "F")
            .categorical("race", "W", "B", "B", "B", "W")
            .numeric("age", 30, 40, 30, Double.NaN, 40)
            .load();

    @Test
    void noColumnsIsOneCell() {
        GroupIndex g = GroupIndex.of(data, List.of(), false);
        assertThat(g.cellCount()).isEqualTo(1);
        assertThat(g.cell(0)).isEmpty();
        assertThat(g.cellOfRow).containsOnly(0);
    }

    @Test
    void intersectionsInFirstAppearanceOrderAndEmptyOnesSkipped() {
        GroupIndex g = GroupIndex.of(data, List.of("sex", "race"), false);
        // (F,W) rows 0,4; (M,B) rows 1,3; (F,B) row 2; (M,W) never occurs
        assertThat(g.cellCount()).isEqualTo(3);
        assertThat(g.cell(0)).containsExactly(Map.entry("sex", "F"), Map.entry("race", "W"));
        assertThat(g.cell(1)).containsExactly(Map.entry("sex", "M"), Map.entry("race", "B"));
        assertThat(g.cell(2)).containsExactly(Map.entry("sex", "F"), Map.entry("race", "B"));
        assertThat(g.cellOfRow).containsExactly(0, 1, 2, 1, 0);
    }

    @Test
    void numericGroupColumnsAndMissingValues() {
        assertThatThrownBy(() -> GroupIndex.of(data, List.of("age"), false)).isInstanceOf(DataException.class)
                .hasMessage("mem row 3, group column 'age': no value; fill the missing values in, or let them"
                        + " form their own group '<missing>'");
        GroupIndex g = GroupIndex.of(data, List.of("age"), true);
        assertThat(g.cellCount()).isEqualTo(3);
        assertThat(g.cell(2)).containsEntry("age", GroupIndex.MISSING_GROUP);
        assertThat(g.cellOfRow).containsExactly(0, 1, 0, 2, 1);
    }

    @Test
    void badColumns() {
        assertThatThrownBy(() -> GroupIndex.of(data, List.of("sex", "sex"), false))
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> GroupIndex.of(data, List.of("zip"), false)).isInstanceOf(DataException.class)
                .hasMessage("mem: no group column 'zip' (by [zip]); columns are [sex, race, age]");
    }
}

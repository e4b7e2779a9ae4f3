package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
    @Test
    void inMemoryFingerprintIsStableAndDependsOnEveryValueNameAndShape() {
        Dataset a = Datasets.inMemory("t").categorical("x", "p", "q").numeric("y", 1, 2).load();
        Dataset same = Datasets.inMemory("other-name").categorical("x", "p", "q").numeric("y", 1, 2).load();
        assertThat(a.sha256()).isEqualTo(same.sha256()).matches("[0-9a-f]{64}");

        assertThat(Datasets.inMemory("t").categorical("x", "p", "q").numeric("y", 1, 3).load().sha256())
                .isNotEqualTo(a.sha256());
        assertThat(Datasets.inMemory("t").categorical("z", "p", "q").numeric("y", 1, 2).load().sha256())
                .isNotEqualTo(a.sha256());
        assertThat(Datasets.inMemory("t").categorical("x", "p", null).numeric("y", 1, 2).load().sha256())
                .isNotEqualTo(Datasets.inMemory("t").categorical("x", "p", "").numeric("y", 1, 2).load().sha256());
        // one column of three values must not collide with two columns of one value
        Dataset oneColumn = Datasets.inMemory("t").categorical("a", "x", "b", "y").load();
        Dataset twoColumns = Datasets.inMemory("t").categorical("a", "x").categorical("b", "y").load();
        assertThat(oneColumn.sha256()).isNotEqualTo(twoColumns.sha256());
    }

    @Test
    void locateNamesTheSourceAndRow() {
        Dataset d = Datasets.inMemory("mem").numeric("a", 1, 2).load();
        assertThat(d.locate(1)).isEqualTo("mem row 1");
        assertThat(d.line(1)).isEqualTo(-1);
    }

    @Test
    void rolesAndCopies() {
        Dataset d = Datasets.inMemory("mem").categorical("y", "a", "b").categorical("s", "f", "m")
                .label("y").positive("a").sensitive("s").load();
        assertThat(d.label()).contains("y");
        assertThat(d.positive()).contains("a");
        assertThat(d.sensitive()).containsExactly("s");
        Dataset e = d.withLabel("s", "f").withSensitive(List.of()).withColumn(Column.numeric("n", new double[2]));
        assertThat(e.label()).contains("s");
        assertThat(e.sensitive()).isEmpty();
        assertThat(e.columnNames()).containsExactly("y", "s", "n");
        assertThat(e.sha256()).isEqualTo(d.sha256());
        assertThat(d.columnNames()).containsExactly("y", "s");
    }

    @Test
    void badShapesAndRoles() {
        assertThatThrownBy(() -> Datasets.inMemory("mem").numeric("a", 1).numeric("a", 2).load())
                .isInstanceOf(DataException.class).hasMessageContaining("mem: duplicate column name 'a'");
        assertThatThrownBy(() -> Datasets.inMemory("mem").numeric("a", 1).numeric("b", 2, 3).load())
                .isInstanceOf(DataException.class).hasMessageContaining("mem: column 'b' has 2 rows");
        assertThatThrownBy(() -> Datasets.inMemory("mem").numeric("a", 1).label("y").load())
                .isInstanceOf(DataException.class).hasMessageContaining("mem: no column 'y'; columns are [a]");
        assertThatThrownBy(() -> Datasets.inMemory("mem").numeric("a").load())
                .isInstanceOf(DataException.class).hasMessageContaining("mem: no data rows");
    }
}

package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReplacingTest {
    @TempDir
    Path dir;

    private Dataset load() throws IOException {
        Path f = dir.resolve("people.csv");
        Files.writeString(f, "sex,age,y\nM,30,1\n\nF,40,0\nF,50,1\n");
        return Datasets.csv(f).label("y").positive("1").sensitive("sex").name("people.csv").load();
    }

    @Test
    void replacesColumnsByNameKeepingRowsRolesAndFileLines() throws IOException {
        Dataset data = load();
        Dataset swapped = data.replacing("people.csv (swap sex)", List.of(Column.categorical("sex", "F", "M", "M")));

        assertThat(swapped.column("sex").stringValue(0)).isEqualTo("F");
        assertThat(swapped.column("age")).isSameAs(data.column("age"));
        assertThat(swapped.columnNames()).containsExactly("sex", "age", "y");
        assertThat(swapped.label()).contains("y");
        assertThat(swapped.sensitive()).containsExactly("sex");
        // the blank line 3 is skipped: row 1 stays on line 4 of the file
        assertThat(swapped.locate(1)).isEqualTo("people.csv (swap sex) line 4 (row 1)");
        assertThat(swapped.sha256()).isNotEqualTo(data.sha256()).hasSize(64);
        assertThat(data.column("sex").stringValue(0)).as("the original is unchanged").isEqualTo("M");
    }

    @Test
    void aColumnThatDoesNotExistOrHasAnotherLengthIsAnError() throws IOException {
        Dataset data = load();
        assertThatThrownBy(() -> data.replacing("x", List.of(Column.categorical("colour", "a", "b", "c"))))
                .isInstanceOf(DataException.class).hasMessageContaining("'colour', which does not exist");
        assertThatThrownBy(() -> data.replacing("x", List.of(Column.categorical("sex", "F"))))
                .isInstanceOf(DataException.class).hasMessageContaining("has 1 rows where the data has 3");
    }
}

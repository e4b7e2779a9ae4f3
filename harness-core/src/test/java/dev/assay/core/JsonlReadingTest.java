package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReadingTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test
    void keysInFirstAppearanceOrderMissingKeysAndNulls() throws IOException {
        Path f = write("d.jsonl", "{\"b\": 1, \"a\": \"x\"}\n"
                + "{\"a\": \"y\", \"c\": true}\n"
                + "\n"
                + "{\"b\": null, \"a\": \"?\", \"c\": false}\n");
        Dataset d = Datasets.jsonl(f).load();

        assertThat(d.columnNames()).containsExactly("b", "a", "c");
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.column("b").isNumeric()).isTrue();
        assertThat(d.column("b").isMissing(1)).as("key absent on line 2").isTrue();
        assertThat(d.column("b").isMissing(2)).as("null").isTrue();
        assertThat(d.column("c").isMissing(0)).as("key first seen on line 2").isTrue();
        assertThat(d.column("c").stringValue(1)).isEqualTo("true");
        assertThat(d.column("a").isMissing(2)).as("'?' is a missing token").isTrue();
        assertThat(d.line(2)).isEqualTo(4);
        assertThat(d.locate(2)).isEqualTo(f + " line 4 (row 2)");
    }

    @Test
    void numbersKeepTheirCanonicalText() throws IOException {
        Dataset d = Datasets.jsonl(write("n.jsonl", "{\"v\": 1.0}\n{\"v\": 2.5}\n{\"v\": -3}\n")).load();
        assertThat(d.column("v").toDoubleArray()).containsExactly(1.0, 2.5, -3.0);
        assertThat(d.column("v").stringValue(0)).isEqualTo("1");
    }

    @Test
    void bomAndCrlf() throws IOException {
        Dataset d = Datasets.jsonl(write("b.jsonl", "\uFEFF{\"a\": 1}\r\n{\"a\": 2}\r\n")).load();
        assertThat(d.column("a").toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void nestedValuesAreRejectedWithLineAndKey() throws IOException {
        Path f = write("nested.jsonl", "{\"a\": 1}\n{\"a\": 2, \"tags\": [1, 2]}\n");
        assertThatThrownBy(() -> Datasets.jsonl(f).load()).isInstanceOf(DataException.class)
                .hasMessageContaining(f + " line 2")
                .hasMessageContaining("key 'tags'")
                .hasMessageContaining("nested");
    }

    @Test
    void badLinesNameTheLine() throws IOException {
        Path notJson = write("bad.jsonl", "{\"a\": 1}\n{\"a\": \n");
        assertThatThrownBy(() -> Datasets.jsonl(notJson).load()).hasMessageContaining(notJson + " line 2")
                .hasMessageContaining("not valid JSON");
        Path array = write("arr.jsonl", "[1, 2]\n");
        assertThatThrownBy(() -> Datasets.jsonl(array).load()).hasMessageContaining(array + " line 1")
                .hasMessageContaining("expected a JSON object");
        Path two = write("two.jsonl", "{\"a\": 1} {\"a\": 2}\n");
        assertThatThrownBy(() -> Datasets.jsonl(two).load()).hasMessageContaining(two + " line 1");
        Path dup = write("dup.jsonl", "{\"a\": 1, \"a\": 2}\n");
        assertThatThrownBy(() -> Datasets.jsonl(dup).load()).hasMessageContaining(dup + " line 1")
                .hasMessageContaining("a");
    }

    @Test
    void forcedTypes() throws IOException {
        Path f = write("t.jsonl", "{\"a\": \"1\"}\n{\"a\": \"x\"}\n");
        assertThatThrownBy(() -> Datasets.jsonl(f).type("a", ColumnType.NUMERIC).load())
                .isInstanceOf(DataException.class)
                .hasMessageContaining(f + " line 2, key 'a'")
                .hasMessageContaining("not a number");
        Path g = write("u.jsonl", "{\"a\": 1}\n");
        assertThat(Datasets.jsonl(g).type("a", ColumnType.CATEGORICAL).load().column("a").dictionary())
                .containsExactly("1");
        assertThatThrownBy(() -> Datasets.jsonl(g).type("zz", ColumnType.NUMERIC).load())
                .hasMessageContaining("'zz'");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("e.jsonl", "\n\n");
        assertThatThrownBy(() -> Datasets.jsonl(f).load()).isInstanceOf(DataException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("empty");
    }
}

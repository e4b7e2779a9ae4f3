package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test
    void readsHeaderTypesAndDictionaryInFirstAppearanceOrder() throws IOException {
        Path f = write("a.csv", "age,sex,income\n39,Male,<=50K\n50,Female,>50K\n38,Male,<=50K\n");
        Dataset d = Datasets.csv(f).load();

        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.columnNames()).containsExactly("age", "sex", "income");
        assertThat(d.column("age").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(d.column("age").toDoubleArray()).containsExactly(39, 50, 38);
        assertThat(d.column("sex").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(d.column("sex").dictionary()).containsExactly("Male", "Female");
        assertThat(d.column("sex").toCodeArray()).containsExactly(0, 1, 0);
        assertThat(d.column("income").stringValue(1)).isEqualTo(">50K");
    }

    @Test
    void fingerprintIsTheSha256OfTheFileBytes() throws IOException {
        Path f = write("a.csv", "x\n1\n");
        // computed independently: printf 'x\n1\n' | sha256sum
        assertThat(Datasets.csv(f).load().sha256()).isEqualTo("daff832f802000e645771a60983c76c963f6ee602a6230e45237bd360e91cc1a");
    }

    @Test
    void rfc4180QuotingDoubledQuotesAndQuotedNewlinesKeepLineNumbers() throws IOException {
        String text = "id,text,y\n"
                + "1,\"hello, world\",a\n"                 // line 2
                + "2,\"she said \"\"hi\"\"\",b\n"           // line 3
                + "3,\"two\nlines\",a\n"                    // lines 4-5
                + "4,plain,b\n";                            // line 6
        Dataset d = Datasets.csv(write("q.csv", text)).load();

        assertThat(d.column("text").stringValue(0)).isEqualTo("hello, world");
        assertThat(d.column("text").stringValue(1)).isEqualTo("she said \"hi\"");
        assertThat(d.column("text").stringValue(2)).isEqualTo("two\nlines");
        assertThat(d.line(0)).isEqualTo(2);
        assertThat(d.line(1)).isEqualTo(3);
        assertThat(d.line(2)).isEqualTo(4);
        assertThat(d.line(3)).isEqualTo(6);
        assertThat(d.locate(3)).isEqualTo(f("q.csv") + " line 6 (row 3)");
    }

    private String f(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void crlfBomAndBlankLines() throws IOException {
        String text = "\uFEFFa,b\r\n1,x\r\n\r\n2,y\r\n\r\n";
        Dataset d = Datasets.csv(write("crlf.csv", text)).load();

        assertThat(d.columnNames()).containsExactly("a", "b");
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.column("b").stringValue(0)).isEqualTo("x");
        assertThat(d.column("b").stringValue(1)).isEqualTo("y");
        assertThat(d.line(1)).isEqualTo(4);
    }

    @Test
    void lastLineWithoutNewline() throws IOException {
        Dataset d = Datasets.csv(write("n.csv", "a,b\n1,2\n3,4")).load();
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.column("b").toDoubleArray()).containsExactly(2, 4);
    }

    @Test
    void missingTokensDefaultAndCustom() throws IOException {
        Path f = write("m.csv", "a,b\n1,?\n,NA\n3,x\n");
        Dataset d = Datasets.csv(f).load();
        assertThat(d.column("a").isMissing(1)).isTrue();
        assertThat(d.column("a").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(d.column("b").missingCount()).isEqualTo(2);

        Dataset custom = Datasets.csv(f).missing("x").load();
        assertThat(custom.column("b").stringValue(0)).isEqualTo("?");
        assertThat(custom.column("b").stringValue(1)).isEqualTo("NA");
        assertThat(custom.column("b").isMissing(2)).isTrue();
        // "" is no longer a missing token: the empty cell is a value, so column a is categorical
        assertThat(custom.column("a").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(custom.column("a").stringValue(1)).isEmpty();
    }

    @Test
    void typeInferenceAndForcedTypes() throws IOException {
        Path f = write("t.csv", "zip,score,flag\n01234,1.5,1\n99999,-2e3,0\n");
        Dataset inferred = Datasets.csv(f).load();
        assertThat(inferred.column("zip").isNumeric()).isTrue();
        assertThat(inferred.column("score").toDoubleArray()).containsExactly(1.5, -2000.0);

        Dataset forced = Datasets.csv(f).type("zip", ColumnType.CATEGORICAL).type("flag", ColumnType.CATEGORICAL)
                .load();
        assertThat(forced.column("zip").stringValue(0)).isEqualTo("01234");
        assertThat(forced.column("flag").dictionary()).containsExactly("1", "0");

        Path bad = write("bad.csv", "a,b\n1,x\n2,3\n");
        assertThatThrownBy(() -> Datasets.csv(bad).type("b", ColumnType.NUMERIC).load())
                .isInstanceOf(DataException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("column 'b'")
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> Datasets.csv(bad).type("nope", ColumnType.NUMERIC).load())
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'nope'")
                .hasMessageContaining("[a, b]");
    }

    @Test
    void customSeparatorAndQuote() throws IOException {
        Path f = write("semi.csv", "name;note\n'O''Brien; Pat';'a;b'\nplain;x\n");
        Dataset d = Datasets.csv(f).separator(';').quote('\'').load();
        assertThat(d.column("name").stringValue(0)).isEqualTo("O'Brien; Pat");
        assertThat(d.column("note").stringValue(0)).isEqualTo("a;b");
        assertThat(d.column("name").stringValue(1)).isEqualTo("plain");
    }

    @Test
    void trimStripsUnquotedWhitespaceOnly() throws IOException {
        Path f = write("tr.csv", "a, b\n 1 , \" x \"\n");
        Dataset trimmed = Datasets.csv(f).trim(true).load();
        assertThat(trimmed.columnNames()).containsExactly("a", "b");
        assertThat(trimmed.column("a").toDoubleArray()).containsExactly(1);
        assertThat(trimmed.column("b").stringValue(0)).isEqualTo(" x ");

        Dataset raw = Datasets.csv(f).load();
        assertThat(raw.columnNames()).containsExactly("a", " b");
        assertThat(raw.column("a").stringValue(0)).isEqualTo(" 1 ");
    }

    @Test
    void columnsForAHeaderlessFileAndSkipLines() throws IOException {
        Path f = write("nh.csv", "# produced by a tool\n1,x\n2,y\n");
        Dataset d = Datasets.csv(f).skipLines(1).columns("n", "s").load();
        assertThat(d.columnNames()).containsExactly("n", "s");
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.line(0)).isEqualTo(2);
        assertThat(d.column("s").stringValue(1)).isEqualTo("y");

        // without columns(...) the first remaining line is the header
        Dataset withHeader = Datasets.csv(f).skipLines(1).load();
        assertThat(withHeader.columnNames()).containsExactly("1", "x");
        assertThat(withHeader.rows()).isEqualTo(1);
    }

    @Test
    void uciAdultStyle() throws IOException {
        // the layout of UCI Adult: ", " separators, '?' for missing, no header, a trailing blank line
        String data = "39, State-gov, 77516, Bachelors, ?, <=50K\n"
                + "50, ?, 83311, Bachelors, Male, >50K\n"
                + "\n";
        Dataset d = Datasets.csv(write("adult.data", data)).trim(true)
                .columns("age", "workclass", "fnlwgt", "education", "sex", "income").load();
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.column("age").toDoubleArray()).containsExactly(39, 50);
        assertThat(d.column("workclass").stringValue(0)).isEqualTo("State-gov");
        assertThat(d.column("workclass").isMissing(1)).isTrue();
        assertThat(d.column("sex").isMissing(0)).isTrue();
        assertThat(d.column("income").dictionary()).containsExactly("<=50K", ">50K");

        // adult.test: a junk first line
        String test = "|1x3 Cross validator\n25, Private, 226802, 11th, Male, <=50K.\n\n";
        Dataset t = Datasets.csv(write("adult.test", test)).trim(true).skipLines(1)
                .columns("age", "workclass", "fnlwgt", "education", "sex", "income").load();
        assertThat(t.rows()).isEqualTo(1);
        assertThat(t.line(0)).isEqualTo(2);
        assertThat(t.column("income").stringValue(0)).isEqualTo("<=50K.");
    }

    @Test
    void nameReplacesThePathInMessagesAndEvidence() throws IOException {
        Path f = write("x.csv", "a\n1\n");
        Dataset d = Datasets.csv(f).name("holdout").load();
        assertThat(d.source()).isEqualTo("holdout");
        assertThat(d.locate(0)).isEqualTo("holdout line 2 (row 0)");
        assertThat(DataInfo.of(d)).isEqualTo(new DataInfo("holdout", 1, d.sha256()));
    }

    @Test
    void fileChoosesTheFormatByExtension() throws IOException {
        Path j = write("d.jsonl", "{\"a\":1}\n");
        Path n = write("d.ndjson", "{\"a\":1}\n");
        Path c = write("d.txt", "a\n1\n");
        assertThat(Datasets.file(j).load().rows()).isEqualTo(1);
        assertThat(Datasets.file(n).load().rows()).isEqualTo(1);
        assertThat(Datasets.file(c).load().column("a").toDoubleArray()).containsExactly(1);
    }

    @Test
    void invalidUtf8IsAnError() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Datasets.csv(f).load()).isInstanceOf(DataException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("UTF-8");
    }
}

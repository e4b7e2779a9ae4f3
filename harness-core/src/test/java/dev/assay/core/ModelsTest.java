package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsTest {
    @TempDir
    Path dir;

    private static String classFileSha(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return "sha256:" + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void functionModelPredictsRowByRowAndIsFingerprintedByTheDeclaringClassFile() throws IOException {
        Dataset d = Datasets.inMemory("m").numeric("x", 1, 5, 3).load();
        Model m = Models.function("rule", row -> row.getDouble("x") >= 3 ? "hi" : "lo");

        Predictions p = m.predict(d);
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.label(0)).isEqualTo("lo");
        assertThat(p.label(1)).isEqualTo("hi");
        assertThat(p.label(2)).isEqualTo("hi");
        assertThat(m.info().id()).isEqualTo("rule");
        assertThat(m.info().kind()).isEqualTo("java");
        // the lambda is declared in this class: its fingerprint is this class file's SHA-256
        assertThat(m.info().fingerprint()).isEqualTo(classFileSha(ModelsTest.class));
    }

    @Test
    void functionModelNumbersAndNoAnswers() {
        Dataset d = Datasets.inMemory("m").numeric("x", 0, 1, 2, 3).load();
        Function<Row, Object> f = row -> switch ((int) row.getDouble("x")) {
            case 0 -> 1.0;
            case 1 -> 0;
            case 2 -> Double.NaN;
            default -> null;
        };
        Predictions p = Models.function("nums", f).predict(d);
        assertThat(p.label(0)).isEqualTo("1");
        assertThat(p.label(1)).isEqualTo("0");
        assertThat(p.label(2)).as("NaN is no answer").isNull();
        assertThat(p.label(3)).isNull();
    }

    public static final class Constant implements Model {
        public Constant() {
        }

        @Override
        public Predictions predict(Dataset data) {
            String[] out = new String[data.rows()];
            java.util.Arrays.fill(out, "1");
            return Predictions.ofLabels(out);
        }
    }

    @Test
    void javaModelByClassAndName() throws IOException {
        Model m = Models.java(Constant.class.getName());
        assertThat(m).isInstanceOf(Constant.class);
        assertThat(m.info().id()).isEqualTo("Constant");
        assertThat(m.info().fingerprint()).isEqualTo(classFileSha(Constant.class));
        assertThatThrownBy(() -> Models.java("no.such.Model")).isInstanceOf(AssayException.class)
                .hasMessageContaining("no.such.Model not found");
        assertThatThrownBy(() -> Models.java(String.class.getName())).isInstanceOf(AssayException.class)
                .hasMessageContaining("does not implement");
    }

    @Test
    void lambdaAndAnonymousModelsGetReadableIds() throws IOException {
        Model lambda = data -> Predictions.ofLabels(new String[data.rows()]);
        assertThat(lambda.info().id()).isEqualTo("ModelsTest$lambda");
        assertThat(lambda.info().fingerprint()).isEqualTo(classFileSha(ModelsTest.class));
        Model anonymous = new Model() {
            @Override
            public Predictions predict(Dataset data) {
                return null;
            }
        };
        assertThat(anonymous.info().id()).startsWith("dev.assay.core.ModelsTest$");
    }

    @Test
    void predictionsColumnIsFingerprintedByItsValues() {
        Dataset d = Datasets.inMemory("m").categorical("y", "a", "b").categorical("p", "a", "a").load();
        Model m = Models.predictions("p");
        assertThat(m.predict(d).label(1)).isEqualTo("a");
        assertThat(m.info().kind()).isEqualTo("predictions");
        // sha256 of "a\na\n", computed independently: printf 'a\na\n' | sha256sum
        assertThat(Checks.modelInfo(m, d).fingerprint()).isEqualTo("sha256:7da0810372718aaba44c608981aa81247cee8c3fc0ece1f7f7dd0e3152b41715");
        assertThatThrownBy(() -> Models.predictions("nope").predict(d)).isInstanceOf(DataException.class)
                .hasMessageContaining("m: no prediction column 'nope'; columns are [y, p]");
    }

    @Test
    void predictionsFile() throws IOException {
        Path preds = dir.resolve("preds.csv");
        Files.writeString(preds, "y_pred\n1\n0\n1\n");
        Dataset d = Datasets.inMemory("data").numeric("y", 1, 0, 0).load();
        Model m = Models.predictionsFile(preds, "y_pred");
        assertThat(m.predict(d).label(2)).isEqualTo("1");
        assertThat(m.info().kind()).isEqualTo("predictions");
        assertThat(m.info().id()).isEqualTo("preds.csv#y_pred");
        // printf 'y_pred\n1\n0\n1\n' | sha256sum
        assertThat(m.info().fingerprint()).isEqualTo("sha256:9a6f04bb2107bca3b6710c9824dd28e4df2894e8e11e2cb890d6ca22f1a89091");

        Dataset longer = Datasets.inMemory("data").numeric("y", 1, 0, 0, 1).load();
        assertThatThrownBy(() -> m.predict(longer)).isInstanceOf(DataException.class)
                .hasMessageContaining(preds + ": has 3 prediction rows but data has 4 data rows");

        Path holes = dir.resolve("holes.csv");
        Files.writeString(holes, "y_pred\n1\n\n0\nNaN\n");
        Dataset three = Datasets.inMemory("data").numeric("y", 1, 0, 0).load();
        // the blank line is skipped: rows are 1, 0, NaN
        assertThatThrownBy(() -> Models.predictionsFile(holes, "y_pred").predict(three))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(holes + " line 5 (row 2), column 'y_pred': no prediction");
        assertThatThrownBy(() -> Models.predictionsFile(preds, "nope")).isInstanceOf(DataException.class)
                .hasMessageContaining(preds + ": no column 'nope'");
    }
}

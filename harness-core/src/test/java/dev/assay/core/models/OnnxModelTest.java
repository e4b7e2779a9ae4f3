package dev.assay.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.AssayException;
import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Models;
import dev.assay.core.Performance;
import dev.assay.core.Predictions;
import dev.assay.core.Verdict;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed ONNX model (made by {@code dev.assay.benchmarks.models.CreditOnnxFixture}) against its Java twin:
 * Tribuo's own predictions on the holdout, written by the same program.
 */
class OnnxModelTest {
    static Path resource(String name) throws URISyntaxException {
        return Path.of(OnnxModelTest.class.getResource("/dev/assay/core/models/" + name).toURI());
    }

    static Dataset holdout() throws URISyntaxException {
        return Datasets.csv(resource("credit-holdout.csv")).label("approved").positive("yes").load();
    }

    static Dataset twin() throws URISyntaxException {
        return Datasets.csv(resource("credit-tribuo.csv")).load();
    }

    static void assertParity(Predictions p, Dataset twin) {
        assertThat(p.size()).isEqualTo(80).isEqualTo(twin.rows());
        int yes = 0;
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.label(i)).as("label of row %d", i).isEqualTo(twin.column("label").stringValue(i));
            // ONNX Runtime computes in float32, Tribuo in double
            assertThat(p.score(i)).as("P(yes) of row %d", i)
                    .isCloseTo(twin.column("p_yes").doubleValue(i), within(1e-5));
            yes += p.label(i).equals("yes") ? 1 : 0;
        }
        assertThat(yes).as("both classes occur").isBetween(1, 79);
    }

    @Test
    void probability_tensor_model_matches_its_java_twin() throws Exception {
        try (OnnxModel m = Models.onnx(resource("credit-lr.onnx"))) {
            assertThat(m.describe()).isEqualTo("inputs {input=FLOAT[-1, 2]}, outputs [output]");
            assertParity(m.predict(holdout()), twin());
        }
    }

    @Test
    void zipmap_model_matches_its_java_twin() throws Exception {
        try (OnnxModel m = Models.onnx(resource("credit-lr-zipmap.onnx"))) {
            assertThat(m.describe()).contains("outputs [output_probability]");
            assertParity(m.predict(holdout()), twin());
        }
    }

    @Test
    void fingerprint_is_the_sha256_of_the_file() throws Exception {
        Path file = resource("credit-lr.onnx");
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(Models.onnx(file).info().fingerprint()).isEqualTo("sha256:" + hex);
        assertThat(Models.onnx(file).info().kind()).isEqualTo("onnx");
        assertThat(Models.onnx(file).info().id()).isEqualTo("credit-lr.onnx");
    }

    @Test
    void an_absent_file_is_unavailable_and_an_error_when_used(@TempDir Path dir) {
        OnnxModel m = Models.onnx(dir.resolve("missing.onnx"));
        assertThat(m.isAvailable()).isFalse();
        assertThat(m.unavailableReason()).endsWith("missing.onnx does not exist");
        CheckResult r = Performance.of(m).on(Datasets.inMemory("x").numeric("age", 1).numeric("income", 2)
                .categorical("approved", "yes").label("approved").positive("yes").load()).metric("accuracy")
                .atLeast(0).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("missing.onnx does not exist");
    }

    @Test
    void a_corrupt_file_is_present_but_broken(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.onnx");
        Files.writeString(bad, "this is not a protobuf");
        OnnxModel m = Models.onnx(bad);
        assertThat(m.isAvailable()).isTrue();
        assertThatThrownBy(() -> m.predict(holdout())).isInstanceOf(AssayException.class)
                .hasMessageContaining("bad.onnx cannot be loaded");
    }

    @Test
    void a_missing_feature_column_is_named() throws Exception {
        Dataset noIncome = Datasets.inMemory("partial").numeric("age", 30, 40).load();
        try (OnnxModel m = Models.onnx(resource("credit-lr.onnx"))) {
            assertThatThrownBy(() -> m.predict(noIncome)).hasMessageContaining("partial: no column 'income'");
        }
        Dataset missing = Datasets.inMemory("gaps").numeric("age", 30, Double.NaN).numeric("income", 2, 3).load();
        try (OnnxModel m = Models.onnx(resource("credit-lr.onnx"))) {
            assertThatThrownBy(() -> m.predict(missing))
                    .hasMessageContaining("gaps row 1: column 'age' is missing; ONNX input 'input' needs a number");
        }
    }

    @Test
    void explicit_features_must_match_the_input_width() throws Exception {
        try (OnnxModel m = OnnxModel.builder(resource("credit-lr.onnx")).features(List.of("age")).build()) {
            assertThatThrownBy(() -> m.predict(holdout()))
                    .hasMessageContaining("input 'input' has 2 columns but features lists 1: [age]");
        }
    }
}

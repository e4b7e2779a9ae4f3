package dev.assay.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.scenarios.internal.Substitution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubstitutionTest {
    @TempDir
    Path dir;

    @Test
    void replacesVariablesAndDefaults() {
        Map<String, String> env = Map.of("HOST", "localhost", "EMPTY", "");
        assertThat(Substitution.apply("http://${HOST}:${PORT:-8080}/v2", env::get))
                .isEqualTo("http://localhost:8080/v2");
        assertThat(Substitution.apply("${EMPTY:-x}", env::get)).isEmpty();
        assertThat(Substitution.apply("${NOPE:-}", env::get)).isEmpty();
        assertThat(Substitution.apply("cost $5 and $${HOST}", env::get)).isEqualTo("cost $5 and ${HOST}");
    }

    @Test
    void unsetVariableWithoutDefaultIsAnError() {
        assertThatThrownBy(() -> Substitution.apply("${MODEL_URL}/infer", k -> null))
                .hasMessage("variable ${MODEL_URL} is not set (no environment variable or system property MODEL_URL);"
                        + " set it or give a default: ${MODEL_URL:-default}");
        assertThatThrownBy(() -> Substitution.apply("${A", k -> null)).hasMessage("unclosed '${' in '${A'");
    }

    @Test
    void environmentComesBeforeSystemProperties() {
        String path = System.getenv("PATH");
        String key = "assay.test.only." + System.nanoTime();
        System.setProperty(key, "from-property");
        try {
            assertThat(Substitution.environmentThenProperties(key)).isEqualTo("from-property");
            if (path != null) {
                System.setProperty("PATH", "shadowed");
                try {
                    assertThat(Substitution.environmentThenProperties("PATH")).isEqualTo(path);
                } finally {
                    System.clearProperty("PATH");
                }
            }
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void substitutesScalarsInAScenarioFile() throws IOException {
        Files.copy(Path.of("src/test/resources/data/credit.csv"), dir.resolve("credit.csv"));
        Path file = dir.resolve("s.assay.yaml");
        Files.writeString(file, """
                name: "${SUITE:-Default suite}"
                seed: ${SEED:-7}
                model: {predictions: {column: "${PRED}"}}
                data: {path: "${DATA}", label: income, positive: ">50K"}
                checks:
                  - name: Accuracy
                    performance: {min: "${MIN_ACC:-0.5}", min-group-size: "${MGS:-3}"}
                """);
        Map<String, String> vars = Map.of("PRED", "y_pred", "DATA", "credit.csv", "MIN_ACC", "0.75");
        Scenario s = ScenarioLoader.withVariables(vars::get).load(file);
        assertThat(s.name()).isEqualTo("Default suite");
        assertThat(s.seed()).hasValue(7);
        assertThat(s.data().rows()).isEqualTo(10);
        // 0.75 from MIN_ACC: the accuracy of 0.7 fails it
        assertThat(new ScenarioRunner(dev.assay.core.AssaySettings.of(k -> java.util.Optional.empty(),
                Map.of("assay.evidence.dir", dir.resolve("ev").toString()), Map.of())).run(s))
                .singleElement().satisfies(r -> assertThat(r.verdict().json()).isEqualTo("fail"));
    }

    @Test
    void unsetVariableInAScenarioNamesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("s.assay.yaml");
        Files.writeString(file, """
                name: x
                model: {predictions: {column: y_pred}}
                data:
                  path: ${DATA_DIR}/credit.csv
                checks: []
                """);
        assertThatThrownBy(() -> ScenarioLoader.withVariables(k -> null).load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(file + ":4:9: variable ${DATA_DIR} is not set (no environment variable or system property"
                        + " DATA_DIR); set it or give a default: ${DATA_DIR:-default}");
    }

    @Test
    void substitutedTextThatIsNotANumberIsAWrongType() throws IOException {
        Files.copy(Path.of("src/test/resources/data/credit.csv"), dir.resolve("credit.csv"));
        Path file = dir.resolve("s.assay.yaml");
        Files.writeString(file, """
                model: {predictions: {column: y_pred}}
                data: {path: credit.csv, label: income, positive: ">50K"}
                checks:
                  - name: A
                    performance: {min: "${MIN:-high}"}
                """);
        assertThatThrownBy(() -> ScenarioLoader.withVariables(k -> null).load(file))
                .hasMessage(file + ":5:24: checks[0].performance.min: expected a number, found a string ('high')");
    }
}

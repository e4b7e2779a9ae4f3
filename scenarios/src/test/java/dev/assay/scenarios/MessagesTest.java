package dev.assay.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.scenarios.internal.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure messages; the Wilson intervals are computed independently (4 of 5: [0.3755, 0.9638]). */
class MessagesTest {
    @TempDir
    Path dir;

    @Test
    void anOverallFailureReadsLikeAssertJ() throws IOException {
        Files.copy(Path.of("src/test/resources/data/credit.csv"), dir.resolve("credit.csv"));
        Path file = dir.resolve("m.assay.yaml");
        Files.writeString(file, """
                name: M
                model: {predictions: {column: y_pred}}
                data: {path: credit.csv, label: income, positive: ">50K"}
                checks:
                  - name: Precision
                    performance: {metric: precision, min: 0.81}
                """);
        Scenario s = ScenarioLoader.withVariables(k -> null).load(file);
        CheckResult r = new ScenarioRunner(AssaySettings.of(k -> Optional.empty(),
                Map.of("assay.evidence.dir", dir.resolve("ev").toString()), Map.of())).run(s).get(0);
        String nl = System.lineSeparator();
        assertThat(Messages.failure(r, "m.assay.yaml:5:5")).isEqualTo(nl
                + "Expecting check:" + nl
                + "  \"Precision\" (performance, m.assay.yaml:5:5)" + nl
                + "to have precision at least 0.81 (decision: point)" + nl
                + "but precision was:" + nl
                + "  0.8 [0.3755, 0.9638] (95% interval), n=10" + nl
                + "(" + r.message() + ")" + nl
                + "seed: 42");
        assertThat(r.message()).contains("0.8").contains("at least 0.81");
    }
}

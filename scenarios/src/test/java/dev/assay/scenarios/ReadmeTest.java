package dev.assay.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.ColumnType;
import dev.assay.core.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario file of README.md loads and runs as written (data: src/test/resources/readme/data). */
class ReadmeTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeScenarioLoadsAndRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("a yaml block in README.md").isTrue();
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("src/test/resources/readme/data/holdout.csv"), dir.resolve("data/holdout.csv"));
        Path file = dir.resolve("credit.assay.yaml");
        Files.writeString(file, m.group(1));

        Scenario s = ScenarioLoader.withVariables(k -> null).load(file);
        assertThat(s.name()).isEqualTo("Credit model release gate");
        assertThat(s.seed()).hasValue(7);
        assertThat(s.data().column("zip").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(s.data().column("zip").stringValue(0)).isEqualTo("02139");
        assertThat(s.data().sensitive()).containsExactly("sex", "race");
        CheckResult r = new ScenarioRunner(AssaySettings.of(k -> Optional.empty(),
                Map.of("assay.evidence.dir", dir.resolve("ev").toString()), Map.of())).run(s).get(0);
        // 5 rows per sex, below min-group-size 30: reported as an error, never silently passed
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).startsWith("no group of [sex] has at least 30 rows");
        assertThat(r.groups()).hasSize(2);
    }
}

package dev.assay.scenarios.kinds;

import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.scenarios.Scenario;
import dev.assay.scenarios.ScenarioException;
import dev.assay.scenarios.ScenarioLoader;
import dev.assay.scenarios.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files written to a temporary folder, loaded and run as a user would. */
abstract class KindTestSupport {
    @TempDir
    Path dir;
    Path file;

    Path write(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Scenario load(String yaml) {
        return load(yaml, Map.of());
    }

    Scenario load(String yaml, Map<String, String> vars) {
        file = write("t.assay.yaml", yaml);
        return ScenarioLoader.withVariables(vars::get).load(file);
    }

    ScenarioException fail(String yaml) {
        return fail(yaml, Map.of());
    }

    ScenarioException fail(String yaml, Map<String, String> vars) {
        try {
            load(yaml, vars);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("expected a ScenarioException for:\n" + yaml);
    }

    String at(int line, int column) {
        return file + ":" + line + ":" + column + ": ";
    }

    ScenarioRunner runner() {
        return runner(Map.of());
    }

    ScenarioRunner runner(Map<String, String> config) {
        Map<String, String> props = new java.util.HashMap<>(config);
        props.put("assay.evidence.dir", dir.resolve("evidence").toString());
        return new ScenarioRunner(AssaySettings.of(k -> Optional.ofNullable(props.get(k)), Map.of(), Map.of()));
    }

    List<CheckResult> run(String yaml) {
        return runner().run(load(yaml));
    }
}

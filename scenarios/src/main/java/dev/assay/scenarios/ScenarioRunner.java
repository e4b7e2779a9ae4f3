package dev.assay.scenarios;

import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.reports.RunRecorder;
import dev.assay.scenarios.internal.Execution;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the checks of a {@link Scenario}, without JUnit.
 *
 * <pre>{@code
 * ScenarioRunner runner = new ScenarioRunner(AssaySettings.fromSystem());
 * List<CheckResult> results = runner.run(ScenarioLoader.standard().load(Path.of("credit.assay.yaml")));
 * runner.flush(); // writes target/assay/evidence.json
 * }</pre>
 *
 * <p>The seed of every check is an explicitly configured {@code assay.seed}, else the scenario's {@code seed},
 * else the default (42). Every result, including {@code error}s, is recorded in the run's shared
 * {@link RunRecorder} (one per evidence directory and JVM), which names its suite after the first scenario run.
 * A model that cannot be made, or bad data, gives {@code error} results, never a pass.
 */
public final class ScenarioRunner {
    private final AssaySettings settings;

    public ScenarioRunner(AssaySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A runner configured from system properties and the environment. */
    public static ScenarioRunner fromSystem() {
        return new ScenarioRunner(AssaySettings.fromSystem());
    }

    /** The seed the checks of {@code scenario} run with. */
    public long seed(Scenario scenario) {
        return Execution.seed(settings, scenario);
    }

    /** Runs every check of {@code scenario}, in file order. */
    public List<CheckResult> run(Scenario scenario) {
        List<CheckResult> results = new ArrayList<>();
        for (ScenarioCheck c : scenario.checks()) {
            results.add(run(scenario, c));
        }
        return results;
    }

    /** Runs one check of {@code scenario}. */
    public CheckResult run(Scenario scenario, ScenarioCheck check) {
        return Execution.run(settings, scenario, check).result();
    }

    /** The shared recorder that results go to. */
    public RunRecorder recorder() {
        return RunRecorder.shared(settings);
    }

    /** Writes the run's {@code evidence.json} (everything recorded so far); {@code null} when nothing was recorded. */
    public java.nio.file.Path flush() {
        return recorder().flush();
    }
}

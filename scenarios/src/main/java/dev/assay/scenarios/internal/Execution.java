package dev.assay.scenarios.internal;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.reports.RunRecorder;
import dev.assay.scenarios.Scenario;
import dev.assay.scenarios.ScenarioCheck;
import java.util.Optional;

/** Runs one check of a scenario and records it; keeps the exception behind an {@code error} result. */
public final class Execution {
    private Execution() {
    }

    /** A check's result and, for an {@code error} that came from an exception, that exception. */
    public record Outcome(CheckResult result, Throwable cause) {
    }

    /** The seed: an explicitly configured {@code assay.seed}, else the scenario's, else the default. */
    public static long seed(AssaySettings settings, Scenario scenario) {
        if (settings.get(AssayConstants.SEED).isPresent()) {
            return settings.seed();
        }
        return scenario.seed().orElse(AssayConstants.DEFAULT_SEED);
    }

    /** Evaluates {@code check} with {@link Checks#evaluate} and records it in the shared recorder of {@code settings}. */
    public static Outcome run(AssaySettings settings, Scenario scenario, ScenarioCheck check) {
        RunContext ctx = new RunContext(scenario.name(), seed(settings, scenario));
        Capturing capturing = new Capturing(check.check(), scenario, settings);
        Model model;
        try {
            model = scenario.model(settings);
        } catch (RuntimeException e) {
            model = null; // Capturing.run rethrows it, so the check is an error that says why
        }
        // the recorder before the check: the first one of the JVM starts the report writers' warm-up, which then
        // overlaps the first check's evaluation
        RunRecorder recorder = recorder(settings, scenario);
        CheckResult result = Checks.evaluate(capturing, model, scenario.data(), ctx);
        recorder.suggestSuite(scenario.name());
        recorder.record(result);
        return new Outcome(result, capturing.caught);
    }

    /**
     * The shared recorder of {@code settings}; when this call creates it and {@code assay.seed} is not configured,
     * the evidence's run seed is the scenario's seed.
     */
    public static RunRecorder recorder(AssaySettings settings, Scenario scenario) {
        if (settings.get(AssayConstants.SEED).isPresent() || scenario.seed().isEmpty()) {
            return RunRecorder.shared(settings);
        }
        String seed = Long.toString(scenario.seed().getAsLong());
        return RunRecorder.shared(AssaySettings.of(k -> AssayConstants.SEED.equals(k) ? Optional.of(seed)
                : settings.get(k)));
    }

    /** Makes the model inside {@link Check#run} (so a model that cannot be made is an error) and keeps exceptions. */
    private static final class Capturing implements Check {
        private final Check delegate;
        private final Scenario scenario;
        Throwable caught;

        private final AssaySettings settings;

        Capturing(Check delegate, Scenario scenario, AssaySettings settings) {
            this.delegate = delegate;
            this.scenario = scenario;
            this.settings = settings;
        }

        @Override
        public String kind() {
            return delegate.kind();
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public CheckResult run(Model model, Dataset data, RunContext context) {
            try {
                return delegate.run(model != null ? model : scenario.model(), data, context);
            } catch (RuntimeException | LinkageError e) {
                caught = e;
                throw e;
            }
        }
    }
}

package dev.assay.core.robustness;

import dev.assay.core.AssayConstants;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import java.util.Objects;

/**
 * What the builders of the robustness checks share: the model and data of {@link #evaluate()}, the name, decision
 * rule, confidence level and seed. Each entry point's {@code Builder} extends it with the settings of its kind.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class CheckBuilder<B extends CheckBuilder<B>> {
    private final Model model;
    private final String usage;
    private final boolean dataRequired;
    private Dataset data;
    private Long seed;
    String name;
    Decision decision = Decision.POINT;
    double confidence = AssayConstants.DEFAULT_CONFIDENCE;

    /**
     * @param model        the model of {@link #evaluate()}; {@code null} for a check a runner applies
     * @param usage        how {@link #evaluate()} is set up, for its error ({@code "Invariance.of(model).on(data)"})
     * @param dataRequired whether {@link #evaluate()} needs {@link #on(Dataset)}
     */
    CheckBuilder(Model model, String usage, boolean dataRequired) {
        this.model = model;
        this.usage = usage;
        this.dataRequired = dataRequired;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The check, for a runner. */
    abstract Check build();

    /** The data to evaluate on. */
    public B on(Dataset data) {
        this.data = Objects.requireNonNull(data, "data");
        return self();
    }

    /** The check's name in reports; {@code null} for the kind's default (see the entry point). */
    public B named(String name) {
        this.name = name;
        return self();
    }

    /** The decision rule (default {@link Decision#POINT}). */
    public B decision(Decision decision) {
        this.decision = Objects.requireNonNull(decision, "decision");
        return self();
    }

    /** Confidence level of the intervals (default 0.95). */
    public B confidence(double confidence) {
        this.confidence = confidence;
        return self();
    }

    /** The seed (default: the front end's, else {@code assay.seed}). */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * Evaluates the check on the model and data given. Never throws for bad data or a failing model: the result is
     * then an {@code error}, which assertions and reports treat as such.
     *
     * @throws IllegalStateException when the builder has no model (or no data where the check needs some)
     */
    public CheckResult evaluate() {
        if (model == null || (dataRequired && data == null)) {
            throw new IllegalStateException("evaluate() needs " + usage);
        }
        return Checks.evaluate(build(), model, data, RunContext.current(seed));
    }
}

package dev.assay.core;

import java.util.Objects;

/**
 * What a check needs from the run: the suite it belongs to (which prefixes check ids) and the seed of all
 * randomness.
 */
public record RunContext(String suite, long seed) {
    /**
     * A context.
     *
     * @param suite the suite name (prefixes check ids), not {@code null}
     * @param seed  the seed of all randomness
     */
    public RunContext {
        Objects.requireNonNull(suite, "suite");
    }

    /**
     * The context of a check evaluated from Java: the front end's suite and seed when one is active, else the
     * configured ones ({@code assay.suite}, {@code assay.seed}).
     *
     * @return the context, never {@code null}
     */
    public static RunContext current() {
        Long seed = dev.assay.core.internal.CheckEvents.currentSeed();
        String suite = dev.assay.core.internal.CheckEvents.currentSuite();
        AssaySettings settings = AssaySettings.fromSystem();
        return new RunContext(suite != null ? suite : settings.get(AssayConstants.SUITE, AssayConstants.DEFAULT_SUITE),
                seed != null ? seed : settings.seed());
    }

    /**
     * {@link #current()} with its seed replaced by {@code seed} when one is given (a builder's {@code seed(...)}).
     *
     * @param seed the seed to use, or {@code null} for the current one
     * @return the context, never {@code null}
     */
    public static RunContext current(Long seed) {
        RunContext ctx = current();
        return seed == null ? ctx : new RunContext(ctx.suite(), seed);
    }
}

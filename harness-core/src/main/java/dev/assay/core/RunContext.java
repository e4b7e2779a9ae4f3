package dev.assay.core;

import java.util.Objects;

/**
 * What a check needs from the run: the suite it belongs to (which prefixes check ids) and the seed of all
 * randomness.
 */
public record RunContext(String suite, long seed) {
    public RunContext {
        Objects.requireNonNull(suite, "suite");
    }

    /** The context of a check evaluated from Java: the front end's seed when one is active, else the configured one. */
    public static RunContext current() {
        Long seed = dev.assay.core.internal.CheckEvents.currentSeed();
        return new RunContext(AssayConstants.DEFAULT_SUITE, seed != null ? seed : AssaySettings.fromSystem().seed());
    }
}

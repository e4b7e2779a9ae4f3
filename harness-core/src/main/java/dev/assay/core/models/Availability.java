package dev.assay.core.models;

/**
 * A model that can tell whether it is there at all, so that a front end can skip (not fail) a test when the
 * endpoint or artifact is absent, in the spirit of Testcontainers' {@code disabledWithoutDocker}. A model that is
 * present but broken is available: calling it gives an error.
 */
public interface Availability {
    /** Whether the endpoint answers at all (any HTTP status) or the artifact file exists. Never throws. */
    boolean isAvailable();

    /** Why the model is unavailable (for a skip message), or an empty string when it is available. */
    String unavailableReason();
}

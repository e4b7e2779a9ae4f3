package dev.assay.core.privacy;

import dev.assay.core.privacy.internal.Fmt;

/**
 * A composed privacy guarantee: (ε, δ) from an accountant, with the Rényi order that gave the best bound when RDP
 * was used ({@code NaN} otherwise).
 */
public record PrivacyLoss(double epsilon, double delta, double order, String accountant) {
    /** Whether an RDP order is reported. */
    public boolean hasOrder() {
        return !Double.isNaN(order);
    }

    /** "(epsilon=2.5971, delta=1e-05) by rdp, best order 9". */
    public String describe() {
        return "(epsilon=" + Fmt.num(epsilon) + ", delta=" + delta + ") by " + accountant
                + (hasOrder() ? ", best order " + Fmt.num(order) : "");
    }
}

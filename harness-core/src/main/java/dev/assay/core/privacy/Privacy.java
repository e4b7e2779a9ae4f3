package dev.assay.core.privacy;

import dev.assay.core.privacy.internal.Accountants;
import dev.assay.core.privacy.internal.Rdp;
import java.util.List;

/**
 * Entry point for differential privacy in Assay: ledgers and accountants, the noise multiplier for a target ε, the
 * {@code privacy-budget} check, reference mechanisms and the black-box {@link DpAudit}.
 */
public final class Privacy {
    private Privacy() {
    }

    /** A ledger composing with {@code accountant} at {@code delta}. */
    public static PrivacyLedger ledger(Accountant accountant, double delta) {
        return new PrivacyLedger(accountant, delta);
    }

    /** A ledger composing with {@link Accountant#best()} at {@code delta}. */
    public static PrivacyLedger ledger(double delta) {
        return new PrivacyLedger(Accountant.best(), delta);
    }

    /**
     * The noise multiplier σ that DP-SGD needs for {@code steps} Poisson-sampled steps at rate {@code samplingRate}
     * to stay within ({@code targetEpsilon}, {@code delta}) under the RDP accountant: Opacus's bisection
     * ({@code get_noise_multiplier}), returning the upper end once ε is within 0.01 below the target.
     */
    public static double noiseMultiplier(double targetEpsilon, double delta, double samplingRate, long steps) {
        return noiseMultiplier(targetEpsilon, delta, samplingRate, steps, Accountant.rdp(), 0.01);
    }

    /**
     * As {@link #noiseMultiplier(double, double, double, long)} with a chosen accountant and ε tolerance: the
     * returned σ gives an ε in [target − tolerance, target].
     */
    public static double noiseMultiplier(double targetEpsilon, double delta, double samplingRate, long steps,
                                         Accountant accountant, double epsilonTolerance) {
        if (!(targetEpsilon > 0) || Double.isInfinite(targetEpsilon)) {
            throw new IllegalArgumentException("target epsilon must be positive and finite, was " + targetEpsilon);
        }
        if (!(epsilonTolerance > 0)) {
            throw new IllegalArgumentException("epsilon tolerance must be positive, was " + epsilonTolerance);
        }
        double epsHigh = Double.POSITIVE_INFINITY;
        double sigmaLow = 0;
        double sigmaHigh = 10;
        while (epsHigh > targetEpsilon) {
            sigmaHigh = 2 * sigmaHigh;
            epsHigh = epsilonOf(accountant, samplingRate, sigmaHigh, steps, delta);
            if (sigmaHigh > 2000) {
                throw new IllegalArgumentException("the privacy budget is too low: epsilon " + targetEpsilon
                        + " at delta " + delta + " needs a noise multiplier above 2000");
            }
        }
        while (targetEpsilon - epsHigh > epsilonTolerance) {
            double sigma = (sigmaLow + sigmaHigh) / 2;
            double eps = epsilonOf(accountant, samplingRate, sigma, steps, delta);
            if (eps < targetEpsilon) {
                sigmaHigh = sigma;
                epsHigh = eps;
            } else {
                sigmaLow = sigma;
            }
        }
        return sigmaHigh;
    }

    private static double epsilonOf(Accountant accountant, double q, double sigma, long steps, double delta) {
        return accountant.epsilon(List.of(PrivacySpend.subsampledGaussian("dp-sgd", q, sigma, steps)), delta)
                .epsilon();
    }

    /** The {@code privacy-budget} check for a DP-SGD style configuration. */
    public static PrivacyBudgetCheck.Builder budget() {
        return PrivacyBudgetCheck.builder();
    }

    /** A canary-extraction check (memorisation of secrets by a text model); see {@link CanaryCheck}. */
    public static CanaryCheck.Builder canary() {
        return CanaryCheck.builder();
    }

    /** The {@code membership-inference} check. */
    public static MembershipInferenceCheck.Builder membershipInference() {
        return MembershipInferenceCheck.builder();
    }

    /** Starts a black-box audit of {@code mechanism}. */
    public static <I, O> DpAudit<I, O> audit(Mechanism<I, O> mechanism) {
        return DpAudit.of(mechanism);
    }

    /** Reference mechanisms drawing from {@code rng} and recording every release in {@code ledger}. */
    public static DpRelease release(PrivacyLedger ledger, java.util.random.RandomGenerator rng) {
        return new DpRelease(ledger, rng);
    }

    /** Reference mechanisms drawing from a {@link java.security.SecureRandom}, recording in {@code ledger}. */
    public static DpRelease release(PrivacyLedger ledger) {
        return new DpRelease(ledger, new java.security.SecureRandom());
    }

    /**
     * The safe Laplace mechanism as a {@link Mechanism} for audits: input + Laplace(Δ/ε) on a power-of-two grid.
     */
    public static Mechanism<Double, Double> laplaceMechanism(double sensitivity, double epsilon) {
        return (x, rng) -> dev.assay.core.privacy.internal.SafeNoise.laplace(rng, x, sensitivity, epsilon);
    }

    static Accountant opacusRdp() {
        return Accountants.rdp(Rdp.opacusOrders(), true);
    }
}

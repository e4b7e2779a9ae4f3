package dev.assay.core.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One use of a differentially private mechanism, as recorded in a {@link PrivacyLedger}: which mechanism, its
 * parameters, and what an {@link Accountant} needs to compose it (the mechanism's own (ε, δ), its noise multiplier
 * and sampling rate, or its zCDP ρ), repeated {@code count} times.
 *
 * @param mechanism       a label for the mechanism ("laplace", "dp-sgd", ...)
 * @param kind            how the spend composes
 * @param epsilon         the mechanism's own ε per use ({@code NaN} when it has none, e.g. a Gaussian given by σ)
 * @param delta           the mechanism's own δ per use (0 for pure DP, {@code NaN} when it has none)
 * @param noiseMultiplier σ = noise standard deviation / L2 sensitivity, for Gaussian kinds ({@code NaN} otherwise)
 * @param samplingRate    Poisson sampling rate q for {@link Kind#SUBSAMPLED_GAUSSIAN} (1 otherwise)
 * @param rho             zCDP ρ per use for {@link Kind#ZCDP} ({@code NaN} otherwise)
 * @param count           how many times the mechanism ran (steps)
 * @param parameters      the mechanism's parameters, for reports
 */
public record PrivacySpend(String mechanism, Kind kind, double epsilon, double delta, double noiseMultiplier,
                           double samplingRate, double rho, long count, Map<String, Object> parameters) {

    /** How a spend composes. */
    public enum Kind {
        /** The Laplace mechanism with ε = sensitivity / scale (its RDP curve is known exactly). */
        LAPLACE,
        /** Any pure ε-DP mechanism. */
        PURE,
        /** Any (ε, δ)-DP mechanism; only basic and advanced composition can account for it. */
        APPROXIMATE,
        /** The Gaussian mechanism with a noise multiplier (and, when calibrated for one, its own (ε, δ)). */
        GAUSSIAN,
        /** The Poisson-subsampled Gaussian mechanism (a DP-SGD step). */
        SUBSAMPLED_GAUSSIAN,
        /** A ρ-zCDP mechanism. */
        ZCDP;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public PrivacySpend {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (!Double.isNaN(epsilon) && !(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be >= 0, was " + epsilon);
        }
        if (!Double.isNaN(delta) && !(delta >= 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1], was " + delta);
        }
        if (!(samplingRate >= 0 && samplingRate <= 1)) {
            throw new IllegalArgumentException("sampling rate must be in [0, 1], was " + samplingRate);
        }
        if (!Double.isNaN(noiseMultiplier) && !(noiseMultiplier >= 0)) {
            throw new IllegalArgumentException("noise multiplier must be >= 0, was " + noiseMultiplier);
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
    }

    /** The Laplace mechanism at {@code epsilon} (sensitivity / scale). */
    public static PrivacySpend laplace(String mechanism, double epsilon) {
        return new PrivacySpend(mechanism, Kind.LAPLACE, positive("epsilon", epsilon), 0, Double.NaN, 1, Double.NaN,
                1, Map.of("epsilon", epsilon));
    }

    /** A pure {@code epsilon}-DP mechanism. */
    public static PrivacySpend pure(String mechanism, double epsilon) {
        return new PrivacySpend(mechanism, Kind.PURE, positive("epsilon", epsilon), 0, Double.NaN, 1, Double.NaN, 1,
                Map.of("epsilon", epsilon));
    }

    /** An ({@code epsilon}, {@code delta})-DP mechanism. */
    public static PrivacySpend approximate(String mechanism, double epsilon, double delta) {
        return new PrivacySpend(mechanism, Kind.APPROXIMATE, positive("epsilon", epsilon), delta, Double.NaN, 1,
                Double.NaN, 1, Map.of("epsilon", epsilon, "delta", delta));
    }

    /** The Gaussian mechanism with noise multiplier σ (std / L2 sensitivity), without an (ε, δ) of its own. */
    public static PrivacySpend gaussian(String mechanism, double noiseMultiplier) {
        return new PrivacySpend(mechanism, Kind.GAUSSIAN, Double.NaN, Double.NaN, noiseMultiplier, 1, Double.NaN, 1,
                Map.of("noise-multiplier", noiseMultiplier));
    }

    /** The Gaussian mechanism with noise multiplier σ, calibrated to be ({@code epsilon}, {@code delta})-DP. */
    public static PrivacySpend gaussian(String mechanism, double noiseMultiplier, double epsilon, double delta) {
        return new PrivacySpend(mechanism, Kind.GAUSSIAN, epsilon, delta, noiseMultiplier, 1, Double.NaN, 1,
                Map.of("noise-multiplier", noiseMultiplier, "epsilon", epsilon, "delta", delta));
    }

    /** {@code steps} steps of the Poisson-subsampled Gaussian mechanism (DP-SGD). */
    public static PrivacySpend subsampledGaussian(String mechanism, double samplingRate, double noiseMultiplier,
                                                  long steps) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sampling-rate", samplingRate);
        p.put("noise-multiplier", noiseMultiplier);
        p.put("steps", steps);
        return new PrivacySpend(mechanism, Kind.SUBSAMPLED_GAUSSIAN, Double.NaN, Double.NaN, noiseMultiplier,
                samplingRate, Double.NaN, steps, p);
    }

    /** A {@code rho}-zCDP mechanism. */
    public static PrivacySpend zcdp(String mechanism, double rho) {
        return new PrivacySpend(mechanism, Kind.ZCDP, Double.NaN, 0, Double.NaN, 1, positive("rho", rho), 1,
                Map.of("rho", rho));
    }

    /** This spend repeated {@code times} times (its count multiplied). */
    public PrivacySpend times(long times) {
        return new PrivacySpend(mechanism, kind, epsilon, delta, noiseMultiplier, samplingRate, rho,
                Math.multiplyExact(count, times), parameters);
    }

    /** "laplace (epsilon=0.5) x3". */
    public String describe() {
        StringBuilder sb = new StringBuilder(mechanism).append(" [").append(kind.id()).append(']');
        if (!parameters.isEmpty()) {
            sb.append(' ');
            StringBuilder p = new StringBuilder();
            parameters.forEach((k, v) -> p.append(p.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            sb.append('(').append(p).append(')');
        }
        if (count > 1) {
            sb.append(" x").append(count);
        }
        return sb.toString();
    }

    private static double positive(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, was " + v);
        }
        return v;
    }
}

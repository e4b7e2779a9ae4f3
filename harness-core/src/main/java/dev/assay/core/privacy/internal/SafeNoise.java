package dev.assay.core.privacy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;

/**
 * Laplace and Gaussian noise for real values that is safe against Mironov's floating-point attack: the value is
 * rounded to a power-of-two grid g and an exact discrete Laplace or Gaussian multiple of g is added (the construction
 * of Google's secure noise, with CKS's exact samplers). Every output is a multiple of g, so no output double reveals
 * the input through its low-order bits; the rounding increases the sensitivity to Δ + g, which the noise accounts for.
 */
public final class SafeNoise {
    private SafeNoise() {
    }

    /** 2^40 grid points per unit of Laplace scale: fine resolution, and t stays far below 2^61 in the sampler. */
    private static final double LAPLACE_RESOLUTION = 0x1p40;
    /** 2^20 grid points per noise standard deviation for the Gaussian (σ² in grid units stays below 2^63). */
    private static final double GAUSSIAN_RESOLUTION = 0x1p20;

    /** The smallest power of two ≥ x (x > 0), as a double. */
    public static double ceilPow2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("granularity base must be positive and finite, was " + x);
        }
        int e = Math.getExponent(x);
        double p = Math.scalb(1.0, Math.max(e, Double.MIN_EXPONENT - 52));
        return p >= x ? p : p * 2;
    }

    /** The grid of the Laplace mechanism for sensitivity Δ and ε. */
    public static double laplaceGranularity(double sensitivity, double epsilon) {
        return ceilPow2(sensitivity / epsilon / LAPLACE_RESOLUTION);
    }

    /** Rounds an exact value to the nearest multiple of g (ties to even), as a multiple count k (value ≈ k·g). */
    static BigDecimal gridUnits(BigDecimal exact, double g) {
        return exact.divide(new BigDecimal(g)).setScale(0, RoundingMode.HALF_EVEN);
    }

    /** k·g as a double, saturating at ±Double.MAX_VALUE (post-processing, so privacy is kept). */
    static double fromUnits(BigDecimal units, double g) {
        double v = units.multiply(new BigDecimal(g)).doubleValue();
        if (Double.isInfinite(v)) {
            return Math.copySign(Double.MAX_VALUE, v);
        }
        return v;
    }

    /** Laplace noise: ε-DP release of {@code exact} with L1 sensitivity Δ. */
    public static double laplace(RandomGenerator rng, BigDecimal exact, double sensitivity, double epsilon) {
        checkPositive("sensitivity", sensitivity);
        checkPositive("epsilon", epsilon);
        double g = laplaceGranularity(sensitivity, epsilon);
        // scale in grid units, rounded up: b = (Δ + g) / (g ε); the discrete Laplace with scale t/1, t = ceil(b)
        double b = (sensitivity + g) / (g * epsilon);
        long t = (long) Math.ceil(b);
        long y = Samplers.discreteLaplace(rng, 1, Math.max(1, t));
        return fromUnits(gridUnits(exact, g).add(BigDecimal.valueOf(y)), g);
    }

    /** As {@link #laplace(RandomGenerator, BigDecimal, double, double)} for a finite double. */
    public static double laplace(RandomGenerator rng, double value, double sensitivity, double epsilon) {
        checkPositive("sensitivity", sensitivity);
        checkPositive("epsilon", epsilon);
        double g = laplaceGranularity(sensitivity, epsilon);
        double units = value / g; // exact: g is a power of two (no overflow for |units| < 2^52)
        if (Double.isFinite(value) && Math.abs(units) < 0x1p52) {
            long t = (long) Math.ceil((sensitivity + g) / (g * epsilon));
            long y = Samplers.discreteLaplace(rng, 1, Math.max(1, t));
            double k = Math.rint(units) + y; // integers below 2^53: exact
            if (Math.abs(k) < 0x1p53) {
                return k * g;
            }
            return fromUnits(new BigDecimal(Math.rint(units)).add(BigDecimal.valueOf(y)), g);
        }
        return laplace(rng, exact(value), sensitivity, epsilon);
    }

    /**
     * Gaussian noise with standard deviation σ (in value units) for L2 sensitivity Δ: the grid g = ceilPow2(σ/2^20),
     * the noise a discrete Gaussian with σ_g = σ·(Δ + g)/Δ / g rounded up to a multiple of 2^−10 (so the rounding to
     * the grid never costs privacy: the noise-to-sensitivity ratio stays at least σ/Δ).
     */
    public static double gaussian(RandomGenerator rng, BigDecimal exact, double sensitivity, double sigma) {
        checkPositive("sensitivity", sensitivity);
        checkPositive("sigma", sigma);
        double g = ceilPow2(sigma / GAUSSIAN_RESOLUTION);
        double sigmaUnits = sigma * (sensitivity + g) / sensitivity / g;
        long num = (long) Math.ceil(sigmaUnits * 1024);
        long y = Samplers.discreteGaussian(rng, Math.multiplyExact(num, num), 1L << 20);
        return fromUnits(gridUnits(exact, g).add(BigDecimal.valueOf(y)), g);
    }

    public static double gaussian(RandomGenerator rng, double value, double sensitivity, double sigma) {
        checkPositive("sensitivity", sensitivity);
        checkPositive("sigma", sigma);
        double g = ceilPow2(sigma / GAUSSIAN_RESOLUTION);
        double units = value / g;
        if (Double.isFinite(value) && Math.abs(units) < 0x1p52) {
            double sigmaUnits = sigma * (sensitivity + g) / sensitivity / g;
            long num = (long) Math.ceil(sigmaUnits * 1024);
            long y = Samplers.discreteGaussian(rng, Math.multiplyExact(num, num), 1L << 20);
            double k = Math.rint(units) + y;
            if (Math.abs(k) < 0x1p53) {
                return k * g;
            }
        }
        return gaussian(rng, exact(value), sensitivity, sigma);
    }

    static BigDecimal exact(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("value must be finite, was " + v);
        }
        return new BigDecimal(v);
    }

    static void checkPositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, was " + v);
        }
    }
}

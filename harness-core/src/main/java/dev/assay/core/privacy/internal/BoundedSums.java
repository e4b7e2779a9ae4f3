package dev.assay.core.privacy.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.random.RandomGenerator;

/** Clamped sums without overflow or order-dependent rounding, and integer noise helpers. */
public final class BoundedSums {
    private BoundedSums() {
    }

    /** max(|lower|, |upper|), refusing bounds whose sensitivity does not fit a long (|Long.MIN_VALUE|). */
    public static long sensitivity(long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        if (lower == Long.MIN_VALUE) {
            throw new IllegalArgumentException("lower bound Long.MIN_VALUE has no representable sensitivity"
                    + " (|Long.MIN_VALUE| overflows); use a lower bound of at least -Long.MAX_VALUE");
        }
        long s = Math.max(Math.abs(lower), Math.abs(upper));
        if (s == 0) {
            throw new IllegalArgumentException("bounds [0, 0] give a zero sensitivity: nothing to release");
        }
        return s;
    }

    static long clamp(long v, long lower, long upper) {
        return Math.max(lower, Math.min(upper, v));
    }

    /**
     * The sum of the values clamped to [lower, upper], computed exactly (overflow moves to a BigInteger) and then
     * clamped to the long range, a 1-Lipschitz post-processing that keeps the sensitivity at max(|lower|, |upper|).
     */
    public static long clampedSum(long[] values, long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        long acc = 0;
        BigInteger big = null;
        for (long v : values) {
            long c = clamp(v, lower, upper);
            if (big == null) {
                long r = acc + c;
                if (((acc ^ r) & (c ^ r)) < 0) { // overflow
                    big = BigInteger.valueOf(acc).add(BigInteger.valueOf(c));
                } else {
                    acc = r;
                }
            } else {
                big = big.add(BigInteger.valueOf(c));
            }
        }
        if (big == null) {
            return acc;
        }
        if (big.bitLength() < 64) {
            return big.longValue();
        }
        return big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** The exact sum of the finite values clamped to [lower, upper]. */
    public static BigDecimal clampedSum(double[] values, double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
            throw new IllegalArgumentException("bounds must be finite with lower <= upper, were [" + lower + ", "
                    + upper + "]");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("value at index " + i + " is NaN");
            }
            sum = sum.add(new BigDecimal(Math.max(lower, Math.min(upper, v))));
        }
        return sum;
    }

    /** a + b saturating at the long range. */
    public static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }

    /**
     * Discrete Laplace noise with P(y) ∝ exp(−ε'|y|/Δ) for ε' ≤ ε: ε is rounded down to a multiple of 2^−k so that
     * the scale Δ/ε' = Δ·2^k / floor(ε·2^k) is an exact rational with Δ·2^k below 2^61.
     */
    public static long discreteLaplaceNoise(RandomGenerator rng, long sensitivity, double epsilon) {
        if (sensitivity <= 0) {
            throw new IllegalArgumentException("sensitivity must be positive, was " + sensitivity);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite, was " + epsilon);
        }
        // scale Δ/ε rounded up to a rational t / 2^j with t < 2^63 (more noise, never less)
        BigDecimal b = new BigDecimal(sensitivity).divide(new BigDecimal(epsilon), new java.math.MathContext(40,
                java.math.RoundingMode.CEILING));
        int bits = b.toBigInteger().bitLength();
        int j = Math.max(0, Math.min(30, 61 - bits));
        BigInteger t = b.multiply(BigDecimal.valueOf(2).pow(j)).setScale(0, java.math.RoundingMode.CEILING)
                .toBigIntegerExact();
        if (t.bitLength() > 63) {
            throw new IllegalArgumentException("epsilon " + epsilon + " is too small for sensitivity " + sensitivity
                    + ": the noise scale does not fit a long");
        }
        return Samplers.discreteLaplace(rng, 1L << j, t.longValue());
    }
}

package dev.assay.core.privacy;

import dev.assay.core.privacy.internal.BoundedSums;
import dev.assay.core.privacy.internal.GaussianPld;
import dev.assay.core.privacy.internal.SafeNoise;
import dev.assay.core.privacy.internal.Samplers;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Reference DP mechanisms that record every release in a {@link PrivacyLedger}. Real-valued noise is added on a
 * power-of-two grid with exact discrete samplers (safe against the floating-point attack, Mironov 2012); integer
 * noise uses the exact discrete Laplace and discrete Gaussian samplers of Canonne, Kamath and Steinke (2020);
 * bounded sums clamp each value and add exactly, so no overflow or rounding increases the sensitivity
 * (Casacuberta et al. 2022). Neighbouring datasets differ by adding or removing one row.
 *
 * <pre>{@code
 * DpRelease dp = Privacy.release(ledger, new SecureRandom());
 * long n = dp.count(rows, 0.5);
 * double total = dp.boundedSum(incomes, 0, 200_000, 0.5);
 * }</pre>
 * Not thread-safe when the generator is not.
 */
public final class DpRelease {
    private final PrivacyLedger ledger;
    private final RandomGenerator rng;

    DpRelease(PrivacyLedger ledger, RandomGenerator rng) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    public PrivacyLedger ledger() {
        return ledger;
    }

    /** ε-DP: {@code value} + Laplace noise of scale Δ/ε, on a power-of-two grid. */
    public double laplace(double value, double sensitivity, double epsilon) {
        double out = SafeNoise.laplace(rng, value, sensitivity, epsilon);
        ledger.record(spend("laplace", PrivacySpend.Kind.LAPLACE, epsilon, 0, Double.NaN, "sensitivity",
                sensitivity));
        return out;
    }

    /**
     * (ε, δ)-DP: {@code value} + Gaussian noise with the smallest σ for which the Gaussian mechanism with L2
     * sensitivity Δ is (ε, δ)-DP (Balle–Wang analytic calibration), on a power-of-two grid.
     */
    public double gaussian(double value, double l2Sensitivity, double epsilon, double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("the Gaussian mechanism needs 0 < delta < 1, was " + delta);
        }
        double multiplier = GaussianPld.sigma(epsilon, delta);
        double out = SafeNoise.gaussian(rng, value, l2Sensitivity, multiplier * l2Sensitivity);
        ledger.record(spend("gaussian", PrivacySpend.Kind.GAUSSIAN, epsilon, delta, multiplier, "sensitivity",
                l2Sensitivity));
        return out;
    }

    /** ε-DP: {@code value} + discrete Laplace noise with P(y) ∝ exp(−ε|y|/Δ), saturating at the long range. */
    public long discreteLaplace(long value, long sensitivity, double epsilon) {
        long y = BoundedSums.discreteLaplaceNoise(rng, sensitivity, epsilon);
        ledger.record(spend("discrete-laplace", PrivacySpend.Kind.LAPLACE, epsilon, 0, Double.NaN, "sensitivity",
                sensitivity));
        return BoundedSums.saturatedAdd(value, y);
    }

    /**
     * ρ-zCDP with ρ = Δ²/(2σ²): {@code value} + discrete Gaussian noise N_Z(0, σ²); σ is rounded up to a multiple of
     * 2^−10.
     */
    public long discreteGaussian(long value, long sensitivity, double sigma) {
        if (sensitivity <= 0) {
            throw new IllegalArgumentException("sensitivity must be positive, was " + sensitivity);
        }
        if (!(sigma > 0) || sigma > 1e9) {
            throw new IllegalArgumentException("sigma must be in (0, 1e9], was " + sigma);
        }
        long num = (long) Math.ceil(sigma * 1024);
        long y = Samplers.discreteGaussian(rng, num * num, 1L << 20);
        double s = num / 1024.0;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sensitivity", sensitivity);
        p.put("sigma", s);
        ledger.record(new PrivacySpend("discrete-gaussian", PrivacySpend.Kind.ZCDP, Double.NaN, 0, s / sensitivity, 1,
                (double) sensitivity * sensitivity / (2 * s * s), 1, p));
        return BoundedSums.saturatedAdd(value, y);
    }

    /** ε-DP count (sensitivity 1) with discrete Laplace noise; never negative. */
    public long count(long count, double epsilon) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        long y = BoundedSums.discreteLaplaceNoise(rng, 1, epsilon);
        ledger.record(spend("count", PrivacySpend.Kind.LAPLACE, epsilon, 0, Double.NaN, "sensitivity", 1));
        return Math.max(0, BoundedSums.saturatedAdd(count, y));
    }

    /**
     * ε-DP sum of {@code values} clamped to [lower, upper], sensitivity max(|lower|, |upper|): exact 128-bit
     * accumulation (no wrap-around), the exact total clamped to the long range, discrete Laplace noise, a
     * saturating final addition.
     */
    public long boundedSum(long[] values, long lower, long upper, double epsilon) {
        long sensitivity = BoundedSums.sensitivity(lower, upper);
        long sum = BoundedSums.clampedSum(values, lower, upper);
        long y = BoundedSums.discreteLaplaceNoise(rng, sensitivity, epsilon);
        ledger.record(spend("bounded-sum", PrivacySpend.Kind.LAPLACE, epsilon, 0, Double.NaN, "lower", lower,
                "upper", upper));
        return BoundedSums.saturatedAdd(sum, y);
    }

    /**
     * ε-DP sum of {@code values} clamped to [lower, upper], sensitivity max(|lower|, |upper|): the clamped values are
     * added exactly (no floating-point rounding that depends on order or magnitude), then released with grid Laplace
     * noise.
     */
    public double boundedSum(double[] values, double lower, double upper, double epsilon) {
        BigDecimal sum = BoundedSums.clampedSum(values, lower, upper);
        double sensitivity = Math.max(Math.abs(lower), Math.abs(upper));
        double out = SafeNoise.laplace(rng, sum, sensitivity, epsilon);
        ledger.record(spend("bounded-sum", PrivacySpend.Kind.LAPLACE, epsilon, 0, Double.NaN, "lower", lower,
                "upper", upper));
        return out;
    }

    private static PrivacySpend spend(String name, PrivacySpend.Kind kind, double eps, double delta, double sigma,
                                      Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        p.put("epsilon", eps);
        if (delta > 0) {
            p.put("delta", delta);
        }
        return new PrivacySpend(name, kind, eps, delta, sigma, 1, Double.NaN, 1, p);
    }
}

package dev.assay.core.privacy.internal;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * Exact samplers of Canonne, Kamath and Steinke ("The Discrete Gaussian for Differential Privacy", 2020, Algorithms
 * 1-3): Bernoulli(exp(−γ)) for rational γ, the discrete Laplace and the discrete Gaussian, using integer arithmetic
 * and uniform integers only (no floating point touches the distribution).
 */
public final class Samplers {
    private Samplers() {
    }

    /** Bernoulli(n/d), exactly. */
    static boolean bernoulli(RandomGenerator rng, long n, long d) {
        return rng.nextLong(d) < n;
    }

    /** Bernoulli(exp(−n/d)) for 0 ≤ n/d (CKS Algorithm 1). */
    public static boolean bernoulliExp(RandomGenerator rng, long n, long d) {
        if (n < 0 || d <= 0) {
            throw new IllegalArgumentException("need n >= 0 and d > 0, got " + n + "/" + d);
        }
        while (n > d) {
            // exp(−γ) = exp(−1)^floor(γ) · exp(−(γ − floor γ)); peel off one exp(−1) at a time
            if (!bernoulliExpAtMostOne(rng, 1, 1)) {
                return false;
            }
            n -= d;
        }
        return bernoulliExpAtMostOne(rng, n, d);
    }

    private static boolean bernoulliExpAtMostOne(RandomGenerator rng, long n, long d) {
        long k = 1;
        while (true) {
            // A ~ Bernoulli(γ / k): the product of Bernoulli(n/d) and Bernoulli(1/k), without overflow
            if (!(bernoulli(rng, n, d) && rng.nextLong(k) == 0)) {
                break;
            }
            k++;
        }
        return (k & 1) == 1;
    }

    /** Bernoulli(exp(−n/d)) with big integers (CKS Algorithm 1). */
    static boolean bernoulliExp(RandomGenerator rng, BigInteger n, BigInteger d) {
        if (n.bitLength() < 62 && d.bitLength() < 40) {
            return bernoulliExp(rng, n.longValue(), d.longValue());
        }
        while (n.compareTo(d) > 0) {
            if (!bernoulliExpAtMostOne(rng, 1, 1)) {
                return false;
            }
            n = n.subtract(d);
        }
        BigInteger k = BigInteger.ONE;
        while (uniform(rng, d.multiply(k)).compareTo(n) < 0) {
            k = k.add(BigInteger.ONE);
        }
        return k.testBit(0);
    }

    /** A uniform integer in [0, bound). */
    static BigInteger uniform(RandomGenerator rng, BigInteger bound) {
        if (bound.bitLength() < 63) {
            return BigInteger.valueOf(rng.nextLong(bound.longValue()));
        }
        int bits = bound.bitLength();
        while (true) {
            BigInteger r = BigInteger.ZERO;
            int left = bits;
            while (left > 0) {
                int take = Math.min(left, 62);
                r = r.shiftLeft(take).or(BigInteger.valueOf(rng.nextLong() >>> (64 - take)));
                left -= take;
            }
            if (r.compareTo(bound) < 0) {
                return r;
            }
        }
    }

    /** A sample of the discrete Laplace distribution with scale t/s, P(y) ∝ exp(−|y|·s/t) (CKS Algorithm 2). */
    public static long discreteLaplace(RandomGenerator rng, long s, long t) {
        if (s <= 0 || t <= 0) {
            throw new IllegalArgumentException("discrete Laplace needs s, t > 0, got " + s + ", " + t);
        }
        while (true) {
            long u = rng.nextLong(t);
            if (!bernoulliExp(rng, u, t)) {
                continue;
            }
            long v = 0;
            while (bernoulliExpAtMostOne(rng, 1, 1)) {
                v++;
            }
            long y;
            try {
                y = Math.addExact(u, Math.multiplyExact(t, v)) / s;
            } catch (ArithmeticException overflow) {
                BigInteger x = BigInteger.valueOf(t).multiply(BigInteger.valueOf(v)).add(BigInteger.valueOf(u))
                        .divide(BigInteger.valueOf(s));
                y = x.bitLength() < 63 ? x.longValue() : Long.MAX_VALUE; // saturating noise: post-processing
            }
            boolean b = rng.nextBoolean();
            if (b && y == 0) {
                continue;
            }
            return b ? -y : y;
        }
    }

    /**
     * A sample of the discrete Gaussian N_Z(0, σ²) with σ² = num/den (CKS Algorithm 3): discrete Laplace proposals
     * with scale t = floor(σ) + 1, accepted with probability exp(−(|Y| − σ²/t)²/(2σ²)).
     */
    public static long discreteGaussian(RandomGenerator rng, long sigma2Num, long sigma2Den) {
        if (sigma2Num <= 0 || sigma2Den <= 0) {
            throw new IllegalArgumentException("discrete Gaussian needs sigma^2 > 0, got " + sigma2Num + "/"
                    + sigma2Den);
        }
        long t = (long) Math.floor(Math.sqrt((double) sigma2Num / sigma2Den)) + 1;
        // guard against the double sqrt being one off: t must satisfy t > sigma, i.e. t² · den > num
        while (BigInteger.valueOf(t).pow(2).multiply(BigInteger.valueOf(sigma2Den))
                .compareTo(BigInteger.valueOf(sigma2Num)) <= 0) {
            t++;
        }
        BigInteger a = BigInteger.valueOf(sigma2Num);
        BigInteger b = BigInteger.valueOf(sigma2Den);
        BigInteger bt = b.multiply(BigInteger.valueOf(t));
        BigInteger den = BigInteger.TWO.multiply(a).multiply(b).multiply(BigInteger.valueOf(t).pow(2));
        while (true) {
            long y = discreteLaplace(rng, 1, t);
            // (|y| − a/(b t))² / (2 a / b) = (|y| b t − a)² / (2 a b t²)
            BigInteger num = BigInteger.valueOf(Math.abs(y)).multiply(bt).subtract(a).pow(2);
            if (bernoulliExp(rng, num, den)) {
                return y;
            }
        }
    }
}

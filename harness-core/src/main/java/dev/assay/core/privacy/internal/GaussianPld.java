package dev.assay.core.privacy.internal;

/**
 * The exact privacy-loss distribution of the Gaussian mechanism (Balle–Wang 2018; reference/privacy.md §3e): with
 * μ = Δ/σ the privacy loss is N(μ²/2, μ²), composition multiplies μ by √T, and
 * δ(ε) = Φ(−ε/μ + μ/2) − e^ε·Φ(−ε/μ − μ/2).
 */
public final class GaussianPld {
    private GaussianPld() {
    }

    /** ln Φ(x). */
    static double logPhi(double x) {
        return Math.log(0.5) + Rdp.logErfc(-x / Math.sqrt(2));
    }

    /** δ(ε) for μ = Δ/σ (after composition: μ = √(Σ μ_i²)). */
    public static double delta(double mu, double eps) {
        if (mu == 0) {
            return 0;
        }
        if (Double.isInfinite(mu)) {
            return 1;
        }
        double a = logPhi(-eps / mu + mu / 2);
        double b = eps + logPhi(-eps / mu - mu / 2);
        if (b >= a) {
            return 0;
        }
        return Math.exp(a) * -Math.expm1(b - a);
    }

    /** The smallest ε with δ(ε) ≤ {@code delta}, by bisection to 1e-12 relative accuracy. */
    public static double epsilon(double mu, double delta) {
        if (mu == 0) {
            return 0;
        }
        if (Double.isInfinite(mu) || delta <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (delta(mu, 0) <= delta) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (delta(mu, hi) > delta) {
            lo = hi;
            hi *= 2;
            if (hi > 1e9) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (delta(mu, mid) > delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** The smallest σ (noise std per unit of L2 sensitivity) for which one Gaussian release is (ε, δ)-DP. */
    public static double sigma(double eps, double delta) {
        double lo = 0;
        double hi = 1;
        while (delta(1 / hi, eps) > delta) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (delta(1 / mid, eps) > delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}

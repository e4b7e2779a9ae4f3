package dev.assay.core.privacy.internal;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Rényi-DP curves and conversions (Mironov 2017; Mironov, Talwar, Zhang 2019; Balle et al. 2020), computed in log
 * space, following the formulas of Google's dp_accounting and Opacus (see reference/privacy.md §3c).
 */
public final class Rdp {
    private Rdp() {
    }

    /** How the fractional-order series of the subsampled Gaussian is summed. */
    public enum Fractional {
        /** dp_accounting: |binomial coefficients|, terms always added (an upper bound); stops on convergence. */
        ABSOLUTE,
        /** Opacus (and older TF-Privacy): the sign of the binomial coefficient is kept; stops when terms < e^-30. */
        SIGNED
    }

    /** dp_accounting {@code DEFAULT_RDP_ORDERS}: 1.1..10.9 step 0.1, 11..63, 128, 256, 512, 1024. */
    public static double[] dpAccountingOrders() {
        double[] o = new double[99 + 53 + 4];
        int k = 0;
        for (int x = 1; x <= 99; x++) {
            o[k++] = 1 + x / 10.0;
        }
        for (int x = 11; x <= 63; x++) {
            o[k++] = x;
        }
        o[k++] = 128;
        o[k++] = 256;
        o[k++] = 512;
        o[k] = 1024;
        return o;
    }

    /** Opacus {@code DEFAULT_ALPHAS}: 1.1..10.9 step 0.1, 12..63. */
    public static double[] opacusOrders() {
        double[] o = new double[99 + 52];
        int k = 0;
        for (int x = 1; x <= 99; x++) {
            o[k++] = 1 + x / 10.0;
        }
        for (int x = 12; x <= 63; x++) {
            o[k++] = x;
        }
        return o;
    }

    /** TF-Privacy {@code compute_dp_sgd_privacy} orders: 1.25..4.5, 5..63, 128, 256, 512. */
    public static double[] tfPrivacyOrders() {
        double[] head = {1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5};
        double[] o = new double[head.length + 59 + 3];
        System.arraycopy(head, 0, o, 0, head.length);
        int k = head.length;
        for (int x = 5; x <= 63; x++) {
            o[k++] = x;
        }
        o[k++] = 128;
        o[k++] = 256;
        o[k] = 512;
        return o;
    }

    /** RDP of the Gaussian mechanism with noise multiplier {@code sigma}: α / (2σ²). */
    public static double gaussian(double sigma, double alpha) {
        if (sigma == 0 || Double.isInfinite(alpha)) {
            return Double.POSITIVE_INFINITY;
        }
        return alpha / (2 * sigma * sigma);
    }

    /**
     * RDP of the Laplace mechanism with pure ε = sensitivity/scale (Mironov 2017, Prop. 6):
     * 1/(α−1) · ln(α/(2α−1)·e^{(α−1)ε} + (α−1)/(2α−1)·e^{−αε}); ε + e^{−ε} − 1 at α = 1; ε at α = ∞.
     */
    public static double laplace(double eps, double alpha) {
        if (Double.isInfinite(alpha)) {
            return eps;
        }
        if (alpha == 1) {
            return eps + Math.expm1(-eps);
        }
        double a = Math.log(alpha / (2 * alpha - 1)) + (alpha - 1) * eps;
        double b = Math.log((alpha - 1) / (2 * alpha - 1)) - alpha * eps;
        return Math.min(eps, logAdd(a, b) / (alpha - 1));
    }

    /** RDP of a pure ε-DP mechanism: min(ε, αε²/2) (ε-DP implies ε²/2-zCDP, Bun–Steinke Prop. 3.3). */
    public static double pure(double eps, double alpha) {
        return Math.min(eps, alpha * eps * eps / 2);
    }

    /** RDP of one step of the Poisson-subsampled Gaussian mechanism, dp_accounting's edge cases included. */
    public static double subsampledGaussian(double q, double sigma, double alpha, Fractional method) {
        if (Double.isInfinite(alpha) || sigma == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (q == 0) {
            return 0;
        }
        if (q == 1) {
            return alpha / (2 * sigma * sigma);
        }
        double logA = alpha == Math.rint(alpha) && alpha < Integer.MAX_VALUE
                ? logAInt(q, sigma, (int) alpha)
                : logAFrac(q, sigma, alpha, method);
        return logA / (alpha - 1);
    }

    /** RDP curve of {@code steps} compositions of the Poisson-subsampled Gaussian over {@code orders}. */
    public static double[] subsampledGaussian(double q, double sigma, double steps, double[] orders,
                                              Fractional method) {
        double[] r = new double[orders.length];
        for (int i = 0; i < orders.length; i++) {
            r[i] = subsampledGaussian(q, sigma, orders[i], method) * steps;
        }
        return r;
    }

    static double logAInt(double q, double sigma, int alpha) {
        double logA = Double.NEGATIVE_INFINITY;
        double lq = Math.log(q);
        double l1q = Math.log1p(-q);
        double s2 = 2 * sigma * sigma;
        double lgA = LogGamma.value(alpha + 1.0);
        for (int i = 0; i <= alpha; i++) {
            double logCoef = lgA - LogGamma.value(i + 1.0) - LogGamma.value(alpha - i + 1.0)
                    + i * lq + (alpha - i) * l1q;
            double s = logCoef + ((double) i * i - i) / s2;
            logA = logAdd(logA, s);
        }
        return logA;
    }

    static double logAFrac(double q, double sigma, double alpha, Fractional method) {
        double logA0 = Double.NEGATIVE_INFINITY;
        double logA1 = Double.NEGATIVE_INFINITY;
        double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
        double lq = Math.log(q);
        double l1q = Math.log1p(-q);
        double s2 = 2 * sigma * sigma;
        double rs = Math.sqrt(2) * sigma;
        double lastS0 = Double.NEGATIVE_INFINITY;
        double lastS1 = Double.NEGATIVE_INFINITY;
        double lgA = logAbsGamma(alpha + 1);
        for (int i = 0; i < 1000; i++) {
            double logCoef = lgA - LogGamma.value(i + 1.0) - logAbsGamma(alpha - i + 1);
            double j = alpha - i;
            double logT0 = logCoef + i * lq + j * l1q;
            double logT1 = logCoef + j * lq + i * l1q;
            double logE0 = Math.log(0.5) + logErfc((i - z0) / rs);
            double logE1 = Math.log(0.5) + logErfc((z0 - j) / rs);
            double logS0 = logT0 + ((double) i * i - i) / s2 + logE0;
            double logS1 = logT1 + (j * j - j) / s2 + logE1;
            if (method == Fractional.ABSOLUTE) {
                logA0 = logAdd(logA0, logS0);
                logA1 = logAdd(logA1, logS1);
                double total = logAdd(logA0, logA1);
                if (logS0 < lastS0 && logS1 < lastS1 && Math.max(logS0, logS1) < total - 30) {
                    return total;
                }
                lastS0 = logS0;
                lastS1 = logS1;
            } else {
                boolean positive = binomialSignPositive(alpha, i);
                if (positive) {
                    logA0 = logAdd(logA0, logS0);
                    logA1 = logAdd(logA1, logS1);
                } else {
                    logA0 = logSub(logA0, logS0);
                    logA1 = logSub(logA1, logS1);
                }
                if (Math.max(logS0, logS1) < -30) {
                    return logAdd(logA0, logA1);
                }
            }
        }
        return method == Fractional.ABSOLUTE ? Double.POSITIVE_INFINITY : logAdd(logA0, logA1);
    }

    /** Sign of the generalised binomial coefficient C(alpha, i) = prod_{k<i} (alpha − k)/(k+1). */
    private static boolean binomialSignPositive(double alpha, int i) {
        int negatives = 0;
        for (int k = 0; k < i; k++) {
            if (alpha - k < 0) {
                negatives++;
            }
        }
        return negatives % 2 == 0;
    }

    /** ln|Γ(x)|, also for negative non-integer x (reflection), as scipy's gammaln. */
    static double logAbsGamma(double x) {
        if (x > 0) {
            return LogGamma.value(x);
        }
        if (x == Math.rint(x)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log(Math.PI) - Math.log(Math.abs(Math.sin(Math.PI * x))) - LogGamma.value(1 - x);
    }

    /** ln(erfc(x)), accurate in the far tail via the scaled erfcx. */
    public static double logErfc(double x) {
        if (x > 1) {
            return Math.log(Erfcx.value(x)) - x * x;
        }
        return Math.log(Erfc.value(x));
    }

    public static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(Math.min(a, b) - m));
    }

    static double logSub(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (a <= b) {
            return Double.NEGATIVE_INFINITY; // as in Opacus: the difference is not representable, treat as 0
        }
        return a + Math.log1p(-Math.exp(b - a));
    }

    /** An (ε, order) or (δ, order) pair from an RDP conversion. */
    public record Conversion(double value, double order) {
    }

    /**
     * The improved RDP-to-(ε, δ) conversion (Balle et al. 2020 Thm 21; Canonne–Kamath–Steinke 2020 Prop. 12) with
     * dp_accounting's guards: orders ≤ 1.01 are skipped, the KL bound gives ε = 0 when δ² + expm1(−r) > 0, ε ≥ 0.
     */
    public static Conversion epsilon(double[] orders, double[] rdp, double delta) {
        check(orders, rdp);
        if (!(delta >= 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1], was " + delta);
        }
        if (delta == 0) {
            for (double r : rdp) {
                if (r != 0) {
                    return new Conversion(Double.POSITIVE_INFINITY, Double.NaN);
                }
            }
            return new Conversion(0, Double.NaN);
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int i = 0; i < orders.length; i++) {
            double a = orders[i];
            double r = rdp[i];
            double eps;
            if (delta * delta + Math.expm1(-r) > 0) {
                eps = 0;
            } else if (a > 1.01) {
                eps = r + Math.log1p(-1 / a) - Math.log(delta * a) / (a - 1);
            } else {
                eps = Double.POSITIVE_INFINITY;
            }
            if (i == 0 || eps < best) {
                best = eps;
                bestOrder = a;
            }
        }
        return new Conversion(Math.max(0, best), bestOrder);
    }

    /** The basic conversion (Mironov 2017 Prop. 3): min over α of r + ln(1/δ)/(α − 1). */
    public static Conversion epsilonBasic(double[] orders, double[] rdp, double delta) {
        check(orders, rdp);
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int i = 0; i < orders.length; i++) {
            if (orders[i] <= 1) {
                continue;
            }
            double eps = rdp[i] - Math.log(delta) / (orders[i] - 1);
            if (eps < best) {
                best = eps;
                bestOrder = orders[i];
            }
        }
        return new Conversion(best, bestOrder);
    }

    /** The inverse conversion: ln δ = min over α of (α−1)(r − ε + ln(1 − 1/α)) − ln α, with the KL bound. */
    public static Conversion delta(double[] orders, double[] rdp, double epsilon) {
        check(orders, rdp);
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be >= 0, was " + epsilon);
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int i = 0; i < orders.length; i++) {
            double a = orders[i];
            double r = rdp[i];
            double logDelta = r == 0 ? Double.NEGATIVE_INFINITY : 0.5 * Math.log1p(-Math.exp(-r));
            if (a > 1.01) {
                double bound = (a - 1) * (r - epsilon + Math.log1p(-1 / a)) - Math.log(a);
                logDelta = Math.min(logDelta, bound);
            }
            if (i == 0 || logDelta < best) {
                best = logDelta;
                bestOrder = a;
            }
        }
        return new Conversion(Math.min(Math.exp(best), 1.0), bestOrder);
    }

    /**
     * ε for ρ-zCDP by the improved conversion, minimised over continuous α > 1 (CKS 2020 Prop. 12 with r_α = αρ).
     * Returns (ε, α*).
     */
    public static Conversion zcdpEpsilon(double rho, double delta) {
        if (rho == 0) {
            return new Conversion(0, Double.NaN);
        }
        if (Double.isInfinite(rho)) {
            return new Conversion(Double.POSITIVE_INFINITY, Double.NaN);
        }
        // f is unimodal in ln(α − 1): coarse grid, then golden section around the best grid point
        double lo = -12;
        double hi = 14;
        int n = 400;
        double bestX = lo;
        double bestF = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            double x = lo + (hi - lo) * i / n;
            double f = zcdpEps(rho, delta, x);
            if (f < bestF) {
                bestF = f;
                bestX = x;
            }
        }
        double a = bestX - (hi - lo) / n;
        double b = bestX + (hi - lo) / n;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 100; i++) {
            double c = b - g * (b - a);
            double d = a + g * (b - a);
            if (zcdpEps(rho, delta, c) < zcdpEps(rho, delta, d)) {
                b = d;
            } else {
                a = c;
            }
        }
        double x = (a + b) / 2;
        return new Conversion(Math.max(0, zcdpEps(rho, delta, x)), 1 + Math.exp(x));
    }

    private static double zcdpEps(double rho, double delta, double x) {
        double alpha = 1 + Math.exp(x);
        double am1 = Math.exp(x);
        return alpha * rho + Math.log1p(-1 / alpha) - (Math.log(delta) + Math.log(alpha)) / am1;
    }

    /** Bun–Steinke Prop. 1.3: ε = ρ + 2√(ρ ln(1/δ)). */
    public static double zcdpEpsilonBunSteinke(double rho, double delta) {
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }

    private static void check(double[] orders, double[] rdp) {
        if (orders.length != rdp.length) {
            throw new IllegalArgumentException("orders and rdp differ in length: " + orders.length + " vs "
                    + rdp.length);
        }
        for (int i = 0; i < orders.length; i++) {
            if (orders[i] < 1) {
                throw new IllegalArgumentException("Rényi order must be at least 1, found " + orders[i]);
            }
            if (rdp[i] < 0) {
                throw new IllegalArgumentException("Rényi divergence cannot be negative, found " + rdp[i]);
            }
        }
    }
}

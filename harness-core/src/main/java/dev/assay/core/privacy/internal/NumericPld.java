package dev.assay.core.privacy.internal;

import dev.assay.core.privacy.PrivacySpend;
import java.util.List;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * A numeric privacy-loss-distribution accountant in the manner of Google's dp_accounting {@code pld} package
 * (Koskela et al. 2020; Doroshenko et al. 2022, "Connect the dots"; reference/privacy.md §3e).
 *
 * <p>Each spend becomes a discrete PLD on the grid {@code k·h} ({@code h} = the value discretisation interval):
 * <ul>
 *   <li>Poisson-subsampled Gaussian (and the plain Gaussian, q = 1), for both neighbouring directions of add/remove
 *       adjacency: "remove" is P = (1−q)N(0, σ²) + qN(1, σ²) against Q = N(0, σ²), "add" the reverse. The loss is
 *       monotone in the output x, so the P- and Q-mass of every loss interval [k·h, (k+1)·h] are normal CDF
 *       differences, and the interval's mass is split between its two ends so that both masses are kept (the
 *       connect-the-dots dominating pair: δ(ε) is exact at every grid ε and an upper bound between them). The loss
 *       tail above the grid goes to the mass at +∞, the one below it is rounded up to the lowest grid point: both
 *       pessimistic. The grid covers x within ±{@value #TAIL_SIGMAS}σ (tail mass below 1e-20 per step).</li>
 *   <li>Pure ε (and Laplace) spends: randomised response, the dominating pair of ε-DP, with ±ε rounded up to the
 *       grid; approximate (ε, δ) spends add δ to the mass at +∞.</li>
 * </ul>
 * Composition multiplies discrete Fourier transforms (a spend used n times is raised to the n-th power) on a
 * circular window sized by a Chernoff bound on the composed loss; the mass that bound leaves outside the window
 * (at most 1e-18) is added to the mass at +∞. Then δ(ε) = P[L = ∞] + Σ p_k (1 − e^{ε − kh})₊, and ε(δ) solves it
 * exactly between grid points. The ε of add/remove adjacency is the larger of the two directions.
 */
public final class NumericPld {
    private NumericPld() {
    }

    /** dp_accounting's {@code PLDAccountant} default value discretisation interval. */
    public static final double DEFAULT_INTERVAL = 1e-4;
    static final double TAIL_SIGMAS = 9.3;
    private static final double WINDOW_TAIL = 1e-18;
    private static final long MAX_POINTS = 1L << 24;
    private static final double SQRT2 = Math.sqrt(2);

    /** A discrete PLD: {@code mass[i]} is the probability of loss {@code (lo + i)·h}; {@code infinity} of +∞. */
    static final class Pmf {
        final double h;
        final long lo;
        final double[] mass;
        final double infinity;

        Pmf(double h, long lo, double[] mass, double infinity) {
            this.h = h;
            this.lo = lo;
            this.mass = mass;
            this.infinity = infinity;
        }

        long hi() {
            return lo + mass.length - 1;
        }

        /** δ(ε) = P[L = ∞] + Σ p_k (1 − e^{ε − kh})₊. */
        double delta(double eps) {
            double sum = 0;
            for (int i = mass.length - 1; i >= 0; i--) {
                double l = (lo + i) * h;
                if (l <= eps) {
                    break;
                }
                sum += mass[i] * -Math.expm1(eps - l);
            }
            return Math.min(1, infinity + sum);
        }

        /** The smallest ε ≥ 0 with δ(ε) ≤ {@code delta} (+∞ if the mass at infinity alone exceeds it). */
        double epsilon(double delta) {
            if (infinity > delta) {
                return Double.POSITIVE_INFINITY;
            }
            double a = infinity; // P[L > ℓ_{i+1}] incl. ∞, accumulated from the top
            double b = 0; // Σ_{k > i} p_k e^{−kh}
            for (int i = mass.length - 1; i >= 0; i--) {
                double l = (lo + i) * h;
                // for ε in [ℓ_i, ℓ_{i+1}]: δ(ε) = a − e^ε b, with a, b over the points above i
                double atL = b == 0 ? a : a - Math.exp(l) * b;
                if (atL > delta) {
                    double eps = b > 0 ? Math.log((a - delta) / b) : l;
                    return Math.max(0, eps);
                }
                if (l <= 0) {
                    return 0;
                }
                a += mass[i];
                b += mass[i] * Math.exp(-l);
            }
            return 0;
        }
    }

    /** The composed (add, remove) PLDs of {@code spends}; throws for spends with no PLD here. */
    static Pmf[] compose(List<PrivacySpend> spends, double h, String accountant) {
        Pmf[] remove = new Pmf[spends.size()];
        Pmf[] add = new Pmf[spends.size()];
        long[] counts = new long[spends.size()];
        for (int s = 0; s < spends.size(); s++) {
            PrivacySpend sp = spends.get(s);
            counts[s] = sp.count();
            switch (sp.kind()) {
                case GAUSSIAN:
                    remove[s] = gaussian(1, sp.noiseMultiplier(), h, true);
                    add[s] = gaussian(1, sp.noiseMultiplier(), h, false);
                    break;
                case SUBSAMPLED_GAUSSIAN:
                    remove[s] = gaussian(sp.samplingRate(), sp.noiseMultiplier(), h, true);
                    add[s] = gaussian(sp.samplingRate(), sp.noiseMultiplier(), h, false);
                    break;
                case LAPLACE:
                case PURE:
                    remove[s] = randomisedResponse(sp.epsilon(), 0, h);
                    add[s] = remove[s];
                    break;
                case APPROXIMATE:
                    remove[s] = randomisedResponse(sp.epsilon(), sp.delta(), h);
                    add[s] = remove[s];
                    break;
                default:
                    throw Accountants.unsupported(accountant, sp, "a zCDP guarantee has no privacy-loss"
                            + " distribution; use rdp or zcdp");
            }
        }
        return new Pmf[] {compose(add, counts), compose(remove, counts)};
    }

    /** ε at {@code delta} for add/remove adjacency: the larger of both directions. */
    public static double epsilon(List<PrivacySpend> spends, double delta, double h, String accountant) {
        Pmf[] both = compose(spends, h, accountant);
        return Math.max(both[0].epsilon(delta), both[1].epsilon(delta));
    }

    /** δ at {@code epsilon} for add/remove adjacency: the larger of both directions. */
    public static double delta(List<PrivacySpend> spends, double epsilon, double h, String accountant) {
        Pmf[] both = compose(spends, h, accountant);
        return Math.max(both[0].delta(epsilon), both[1].delta(epsilon));
    }

    static Pmf randomisedResponse(double eps, double delta, double h) {
        if (eps == 0) {
            return new Pmf(h, 0, new double[] {1 - delta}, delta);
        }
        long up = (long) Math.ceil(eps / h);
        long down = (long) Math.ceil(-eps / h);
        double[] m = new double[(int) (up - down + 1)];
        double pUp = 1 / (1 + Math.exp(-eps));
        m[(int) (up - down)] = (1 - delta) * pUp;
        m[0] += (1 - delta) * (1 - pUp);
        return new Pmf(h, down, m, delta);
    }

    /** Privacy loss of output x: ±ln(1 − q + q·e^{(2x−1)/(2σ²)}) ("remove" +, "add" −). */
    static double loss(double q, double sigma, double x, boolean remove) {
        double z = (2 * x - 1) / (2 * sigma * sigma);
        double l = q == 1 ? z : Rdp.logAdd(Math.log1p(-q), Math.log(q) + z);
        return remove ? l : -l;
    }

    /** The output x with loss ℓ (the inverse of {@link #loss}); −∞ when no output has a loss that low/high. */
    static double output(double q, double sigma, double l, boolean remove) {
        double e = remove ? l : -l;
        double arg = Math.expm1(e) + q;
        if (!(arg > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double z = e > 30 ? e + Math.log1p(-(1 - q) * Math.exp(-e)) - Math.log(q) : Math.log(arg) - Math.log(q);
        return sigma * sigma * z + 0.5;
    }

    /** {P(X ≤ t), P(X > t)} for standard normal X, each accurate in its own tail. */
    private static void tails(double t, double[] out, int at) {
        if (t == Double.NEGATIVE_INFINITY) {
            out[at] = 0;
            out[at + 1] = 1;
        } else if (t == Double.POSITIVE_INFINITY) {
            out[at] = 1;
            out[at + 1] = 0;
        } else {
            out[at] = 0.5 * Erfc.value(-t / SQRT2);
            out[at + 1] = 0.5 * Erfc.value(t / SQRT2);
        }
    }

    /** Mass of N(0,1) between a ≤ b given their tails {lower, upper}. */
    private static double between(double[] ta, double[] tb, int at) {
        // choose the representation without cancellation: both upper tails, both lower tails, or 1 − the two ends
        if (ta[at] >= 0.5) {
            return Math.max(0, ta[at + 1] - tb[at + 1]);
        }
        if (tb[at] <= 0.5) {
            return Math.max(0, tb[at] - ta[at]);
        }
        return Math.max(0, 1 - ta[at] - tb[at + 1]);
    }

    /** The connect-the-dots PLD of one Poisson-subsampled Gaussian step (sensitivity 1) in one direction. */
    static Pmf gaussian(double q, double sigma, double h, boolean remove) {
        if (!(sigma > 0)) {
            return new Pmf(h, 0, new double[] {0}, q > 0 ? 1 : 0);
        }
        if (q == 0) {
            return new Pmf(h, 0, new double[] {1}, 0);
        }
        double xLo = -TAIL_SIGMAS * sigma;
        double xHi = 1 + TAIL_SIGMAS * sigma;
        double l1 = loss(q, sigma, xLo, remove);
        double l2 = loss(q, sigma, xHi, remove);
        long kLo = (long) Math.floor(Math.min(l1, l2) / h);
        long kHi = (long) Math.ceil(Math.max(l1, l2) / h);
        if (kHi - kLo + 1 > MAX_POINTS) {
            throw new IllegalArgumentException("the privacy-loss grid would need " + (kHi - kLo + 1)
                    + " points (noise multiplier " + sigma + "); choose a coarser value discretisation interval than "
                    + h);
        }
        int n = (int) (kHi - kLo + 1);
        // boundary outputs x_k and the N(0, σ²) and N(1, σ²) tails at them
        double[] t0 = new double[2 * n];
        double[] t1 = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double x = output(q, sigma, (kLo + i) * h, remove);
            if (!remove && x == Double.NEGATIVE_INFINITY) {
                x = Double.NEGATIVE_INFINITY; // loss above the add-direction maximum: no outputs
            }
            tails(x / sigma, t0, 2 * i);
            tails((x - 1) / sigma, t1, 2 * i);
        }
        double[] mass = new double[n];
        double spread = -Math.expm1(-h);
        double[] a0 = new double[2];
        double[] b0 = new double[2];
        double[] a1 = new double[2];
        double[] b1 = new double[2];
        for (int i = 0; i + 1 < n; i++) {
            // outputs with loss in [ℓ_i, ℓ_{i+1}]: x in [x_i, x_{i+1}] (remove) or [x_{i+1}, x_i] (add)
            int lowAt = remove ? i : i + 1;
            int highAt = remove ? i + 1 : i;
            copy(t0, lowAt, a0);
            copy(t0, highAt, b0);
            copy(t1, lowAt, a1);
            copy(t1, highAt, b1);
            double m0 = between(a0, b0, 0);
            double m1 = between(a1, b1, 0);
            double p = remove ? (1 - q) * m0 + q * m1 : m0;
            double r = remove ? m0 : (1 - q) * m0 + q * m1;
            if (p == 0) {
                continue;
            }
            // keep P- and Q-mass: top·(1 − e^{−h}) = p − r·e^{ℓ_i}
            double top = (p - r * Math.exp((kLo + i) * h)) / spread;
            top = Math.min(p, Math.max(0, top));
            mass[i + 1] += top;
            mass[i] += p - top;
        }
        // tails: P-mass with loss below ℓ_lo is rounded up to it, above ℓ_hi goes to +∞
        double pBelow;
        double pAbove;
        if (remove) {
            pBelow = (1 - q) * t0[0] + q * t1[0];
            pAbove = (1 - q) * t0[2 * (n - 1) + 1] + q * t1[2 * (n - 1) + 1];
        } else {
            pBelow = t0[1];
            pAbove = t0[2 * (n - 1)];
        }
        mass[0] += pBelow;
        return new Pmf(h, kLo, mass, pAbove);
    }

    private static void copy(double[] t, int i, double[] out) {
        out[0] = t[2 * i];
        out[1] = t[2 * i + 1];
    }

    /** The composition of {@code counts[s]} uses of each {@code pmfs[s]} (all on the same grid). */
    static Pmf compose(Pmf[] pmfs, long[] counts) {
        double h = pmfs[0].h;
        double logNoInf = 0;
        long trivialLo = 0;
        long trivialHi = 0;
        boolean single = pmfs.length == 1 && counts[0] == 1;
        for (int s = 0; s < pmfs.length; s++) {
            logNoInf += counts[s] * Math.log1p(-pmfs[s].infinity);
            trivialLo += counts[s] * pmfs[s].lo;
            trivialHi += counts[s] * pmfs[s].hi();
        }
        double infinity = -Math.expm1(logNoInf);
        if (single) {
            return pmfs[0];
        }
        // Chernoff window: P(S ≥ U) ≤ exp(Σ n_s ln M_s(t) − tU), likewise below
        long hi = trivialHi;
        long lo = trivialLo;
        double logTail = Math.log(WINDOW_TAIL);
        for (double t = 1e-2; t <= 1e5; t *= 2) {
            double ti = t * h;
            double up = 0;
            double down = 0;
            for (int s = 0; s < pmfs.length; s++) {
                up += counts[s] * logMgf(pmfs[s], ti);
                down += counts[s] * logMgf(pmfs[s], -ti);
            }
            if (Double.isFinite(up) && Double.isFinite(down)) {
                hi = Math.min(hi, (long) Math.ceil((up - logTail) / ti));
                lo = Math.max(lo, (long) Math.floor(-(down - logTail) / ti));
            }
        }
        if (hi < lo) {
            hi = lo;
        }
        long width = hi - lo + 1;
        for (Pmf p : pmfs) {
            width = Math.max(width, p.mass.length);
        }
        if (width > MAX_POINTS) {
            throw new IllegalArgumentException("the composed privacy-loss distribution needs " + width
                    + " grid points; choose a coarser value discretisation interval than " + h);
        }
        int size = Integer.highestOneBit((int) Math.max(2, width));
        if (size < width) {
            size <<= 1;
        }
        double[] re = new double[size];
        double[] im = new double[size];
        re[0] = 1;
        double[] pr = new double[size];
        double[] pi = new double[size];
        for (int s = 0; s < pmfs.length; s++) {
            java.util.Arrays.fill(pr, 0);
            java.util.Arrays.fill(pi, 0);
            Pmf p = pmfs[s];
            for (int i = 0; i < p.mass.length; i++) {
                pr[(int) Math.floorMod(p.lo + i, (long) size)] += p.mass[i];
            }
            Fft.transform(pr, pi, false);
            long n = counts[s];
            for (int k = 0; k < size; k++) {
                double r = pr[k];
                double c = pi[k];
                if (n != 1) {
                    double mod = Math.hypot(r, c);
                    double arg = Math.atan2(c, r);
                    double m = Math.pow(mod, n);
                    double a = arg * n;
                    r = m * Math.cos(a);
                    c = m * Math.sin(a);
                }
                if (s == 0) {
                    re[k] = r;
                    im[k] = c;
                } else {
                    double x = re[k] * r - im[k] * c;
                    im[k] = re[k] * c + im[k] * r;
                    re[k] = x;
                }
            }
        }
        Fft.transform(re, im, true);
        double[] mass = new double[size];
        for (int k = 0; k < size; k++) {
            int i = (int) Math.floorMod(k - lo, (long) size);
            mass[i] = Math.max(0, re[k]);
        }
        return new Pmf(h, lo, mass, Math.min(1, infinity + WINDOW_TAIL));
    }

    /** ln Σ p_i e^{t·(lo + i)}, shifted so no term overflows. */
    private static double logMgf(Pmf p, double t) {
        long ref = t > 0 ? p.hi() : p.lo;
        double sum = 0;
        for (int i = 0; i < p.mass.length; i++) {
            if (p.mass[i] > 0) {
                sum += p.mass[i] * Math.exp(t * (p.lo + i - ref));
            }
        }
        return sum > 0 ? Math.log(sum) + t * ref : Double.NEGATIVE_INFINITY;
    }
}

package dev.assay.core.fairness.internal;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact binomial variates without per-draw set-up: inversion for {@code n * min(p, 1-p) <= 30}, otherwise
 * Kachitvichyanukul and Schmeiser's BTPE (Comm. ACM 31(2), 1988), as numpy's {@code random_binomial}. The
 * multinomial resamples of the cell bootstrap draw one binomial per sub-cell with a different number of trials
 * each time, where a sampler built per draw would cost tens of microseconds.
 */
public final class FastBinomial {
    private FastBinomial() {
    }

    public static long sample(UniformRandomProvider rng, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p <= 0.5) {
            return p * n <= 30 ? inversion(rng, n, p) : btpe(rng, n, p);
        }
        double q = 1 - p;
        return q * n <= 30 ? n - inversion(rng, n, q) : btpe(rng, n, p);
    }

    static long inversion(UniformRandomProvider rng, long n, double p) {
        double q = 1 - p;
        double qn = Math.exp(n * Math.log(q));
        double np = n * p;
        double bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
        long x = 0;
        double px = qn;
        double u = rng.nextDouble();
        while (u > px) {
            x++;
            if (x > bound) {
                x = 0;
                px = qn;
                u = rng.nextDouble();
            } else {
                u -= px;
                px = ((n - x + 1) * p * px) / (x * q);
            }
        }
        return x;
    }

    static long btpe(UniformRandomProvider rng, long n, double p) {
        double r = Math.min(p, 1 - p);
        double q = 1 - r;
        double fm = n * r + r;
        long m = (long) Math.floor(fm);
        double p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
        double xm = m + 0.5;
        double xl = xm - p1;
        double xr = xm + p1;
        double c = 0.134 + 20.5 / (15.3 + m);
        double a = (fm - xl) / (fm - xl * r);
        double laml = a * (1 + a / 2);
        a = (xr - fm) / (xr * q);
        double lamr = a * (1 + a / 2);
        double p2 = p1 * (1 + 2 * c);
        double p3 = p2 + c / laml;
        double p4 = p3 + c / lamr;
        double nrq = n * r * q;
        long y;
        while (true) {
            double u = rng.nextDouble() * p4;
            double v = rng.nextDouble();
            if (u <= p1) {
                y = (long) Math.floor(xm - p1 * v + u);
                break;
            }
            if (u <= p2) {
                double x = xl + (u - p1) / c;
                v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
                if (v > 1) {
                    continue;
                }
                y = (long) Math.floor(x);
            } else if (u <= p3) {
                y = (long) Math.floor(xl + Math.log(v) / laml);
                if (y < 0 || v == 0) {
                    continue;
                }
                v = v * (u - p2) * laml;
            } else {
                y = (long) Math.floor(xr - Math.log(v) / lamr);
                if (y > n || v == 0) {
                    continue;
                }
                v = v * (u - p3) * lamr;
            }
            long k = Math.abs(y - m);
            if (k <= 20 || k >= nrq / 2 - 1) {
                // explicit evaluation of f(y) / f(m)
                double s = r / q;
                double aa = s * (n + 1);
                double f = 1;
                if (m < y) {
                    for (long i = m + 1; i <= y; i++) {
                        f *= aa / i - s;
                    }
                } else if (m > y) {
                    for (long i = y + 1; i <= m; i++) {
                        f /= aa / i - s;
                    }
                }
                if (v > f) {
                    continue;
                }
                break;
            }
            // squeezing with the normal approximation, then the Stirling-based bound
            double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
            double t = -(double) k * k / (2 * nrq);
            double aLog = Math.log(v);
            if (aLog < t - rho) {
                break;
            }
            if (aLog > t + rho) {
                continue;
            }
            double x1 = y + 1;
            double f1 = m + 1;
            double z = n + 1 - m;
            double w = n - y + 1;
            double x2 = x1 * x1;
            double f2 = f1 * f1;
            double z2 = z * z;
            double w2 = w * w;
            double bound = xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (y - m) * Math.log(w * r / (x1 * q))
                    + stirling(f1, f2) + stirling(z, z2) + stirling(x1, x2) + stirling(w, w2);
            if (aLog > bound) {
                continue;
            }
            break;
        }
        return p > 0.5 ? n - y : y;
    }

    private static double stirling(double x, double x2) {
        return (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
    }

    /**
     * A multinomial draw of {@code sum(counts)} trials with probabilities {@code counts[i] / sum} into {@code out},
     * by conditional binomials.
     */
    public static void multinomial(UniformRandomProvider rng, long[] counts, long total, long[] out) {
        long left = total;
        long remainingWeight = total;
        for (int i = 0; i < counts.length; i++) {
            long c = counts[i];
            if (left == 0 || c == 0) {
                out[i] = 0;
                remainingWeight -= c;
                continue;
            }
            if (c >= remainingWeight) {
                out[i] = left;
                left = 0;
                remainingWeight -= c;
                continue;
            }
            long draw = sample(rng, left, (double) c / remainingWeight);
            out[i] = draw;
            left -= draw;
            remainingWeight -= c;
        }
    }
}

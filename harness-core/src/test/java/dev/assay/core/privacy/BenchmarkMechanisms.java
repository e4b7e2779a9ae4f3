package dev.assay.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The StatDP / DP-Sniper benchmark mechanisms of reference/privacy.md §4a (StatDP {@code algorithms.py}, DP-Sniper
 * {@code dpsniper/mechanisms}), written from their pseudo-code. Correct and buggy ones, with their true privacy loss.
 */
final class BenchmarkMechanisms {
    private BenchmarkMechanisms() {
    }

    /** Textbook Laplace(b): −b·sgn(u)·ln(1 − 2|u|), u uniform in (−1/2, 1/2). */
    static double lap(RandomGenerator rng, double b) {
        double u = rng.nextDouble() - 0.5;
        return -b * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }

    /** Exponential with mean b. */
    static double exp(RandomGenerator rng, double b) {
        return -b * Math.log(1 - rng.nextDouble());
    }

    /** noisy_max_v1a / ReportNoisyMax1: argmax(q + Lap(2/ε)). ε-DP. */
    static Mechanism<double[], Integer> rnm1(double eps) {
        return (q, rng) -> {
            int best = 0;
            double bv = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < q.length; i++) {
                double v = q[i] + lap(rng, 2 / eps);
                if (v > bv) {
                    bv = v;
                    best = i;
                }
            }
            return best;
        };
    }

    /** noisy_max_v2a / RNM2: argmax(q + Exp(2/ε)). ε-DP. */
    static Mechanism<double[], Integer> rnm2(double eps) {
        return (q, rng) -> {
            int best = 0;
            double bv = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < q.length; i++) {
                double v = q[i] + exp(rng, 2 / eps);
                if (v > bv) {
                    bv = v;
                    best = i;
                }
            }
            return best;
        };
    }

    /** noisy_max_v1b / RNM3 (bug: returns the value): max(q + Lap(2/ε)). Truth nε/2. */
    static Mechanism<double[], Double> rnm3(double eps) {
        return (q, rng) -> {
            double bv = Double.NEGATIVE_INFINITY;
            for (double x : q) {
                bv = Math.max(bv, x + lap(rng, 2 / eps));
            }
            return bv;
        };
    }

    /** noisy_max_v2b / RNM4 (bug): max(q + Exp(2/ε)). Truth ∞. */
    static Mechanism<double[], Double> rnm4(double eps) {
        return (q, rng) -> {
            double bv = Double.NEGATIVE_INFINITY;
            for (double x : q) {
                bv = Math.max(bv, x + exp(rng, 2 / eps));
            }
            return bv;
        };
    }

    /** histogram / NoisyHist1: q + Lap(1/ε) per entry. ε-DP under ONE. */
    static Mechanism<double[], double[]> hist1(double eps) {
        return (q, rng) -> {
            double[] out = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                out[i] = q[i] + lap(rng, 1 / eps);
            }
            return out;
        };
    }

    /** histogram_eps / NoisyHist2 (bug: scale ε): q + Lap(ε). Truth 1/ε. */
    static Mechanism<double[], double[]> hist2(double eps) {
        return (q, rng) -> {
            double[] out = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                out[i] = q[i] + lap(rng, eps);
            }
            return out;
        };
    }

    /** SVT1 (Lyu Alg 1), c = 1, T = 0.5: ρ = Lap(2/ε), ν = Lap(4c/ε), stop after c ⊤. ε-DP. */
    static Mechanism<double[], List<Boolean>> svt1(double eps) {
        int c = 1;
        double t = 0.5;
        return (q, rng) -> {
            double rho = lap(rng, 2 / eps);
            List<Boolean> out = new ArrayList<>();
            int count = 0;
            for (double x : q) {
                if (x + lap(rng, 4 * c / eps) >= t + rho) {
                    out.add(true);
                    if (++count >= c) {
                        break;
                    }
                } else {
                    out.add(false);
                }
            }
            return out;
        };
    }

    /** SVT2 (Lyu Alg 2, Dwork–Roth), c = 1, T = 0.5: ε1 = ε/2, ρ = Lap(c/ε1) resampled after each ⊤. ε-DP. */
    static Mechanism<double[], List<Boolean>> svt2(double eps) {
        int c = 1;
        double t = 0.5;
        double e1 = eps / 2;
        return (q, rng) -> {
            double rho = lap(rng, c / e1);
            List<Boolean> out = new ArrayList<>();
            int count = 0;
            for (double x : q) {
                if (x + lap(rng, 2 * c / e1) >= t + rho) {
                    out.add(true);
                    rho = lap(rng, c / e1);
                    if (++count >= c) {
                        break;
                    }
                } else {
                    out.add(false);
                }
            }
            return out;
        };
    }

    /** iSVT4 / SVT3 (Lyu Alg 3, bug): as Alg 1 but outputs q + ν instead of ⊤ (⊥ is NaN). T = 1. */
    static Mechanism<double[], List<Double>> svt3(double eps) {
        int c = 1;
        double t = 1;
        return (q, rng) -> {
            double rho = lap(rng, 2 / eps);
            List<Double> out = new ArrayList<>();
            int count = 0;
            for (double x : q) {
                double v = x + lap(rng, 2 * c / eps);
                if (v >= t + rho) {
                    out.add(v);
                    if (++count >= c) {
                        break;
                    }
                } else {
                    out.add(Double.NaN);
                }
            }
            return out;
        };
    }

    /** iSVT3 / SVT4 (Lyu Alg 4, bug): ρ = Lap(4/ε), ν = Lap(4/(3ε)) not scaled by c, c = 1, T = 1. Truth 1.75ε. */
    static Mechanism<double[], List<Boolean>> svt4(double eps) {
        int c = 1;
        double t = 1;
        return (q, rng) -> {
            double rho = lap(rng, 4 / eps);
            List<Boolean> out = new ArrayList<>();
            int count = 0;
            for (double x : q) {
                if (x + lap(rng, 4 / (3 * eps)) >= t + rho) {
                    out.add(true);
                    if (++count >= c) {
                        break;
                    }
                } else {
                    out.add(false);
                }
            }
            return out;
        };
    }

    /** iSVT1 / SVT5 (Lyu Alg 5, bug): ρ = Lap(2/ε), no query noise, no cutoff, T = 1. Truth ∞. */
    static Mechanism<double[], List<Boolean>> svt5(double eps) {
        double t = 1;
        return (q, rng) -> {
            double rho = lap(rng, 2 / eps);
            List<Boolean> out = new ArrayList<>();
            for (double x : q) {
                out.add(x >= t + rho);
            }
            return out;
        };
    }

    /** iSVT2 / SVT6 (Lyu Alg 6, bug): ρ = Lap(2/ε), ν = Lap(2/ε), no cutoff, T = 1. Not ε-DP. */
    static Mechanism<double[], List<Boolean>> svt6(double eps) {
        double t = 1;
        return (q, rng) -> {
            double rho = lap(rng, 2 / eps);
            List<Boolean> out = new ArrayList<>();
            for (double x : q) {
                out.add(x + lap(rng, 2 / eps) >= t + rho);
            }
            return out;
        };
    }

    /** DP-Sniper LaplaceMechanism: x + Lap(1/ε). */
    static Mechanism<Double, Double> laplace(double eps) {
        return (x, rng) -> x + lap(rng, 1 / eps);
    }

    /** The Gaussian mechanism with standard deviation sigma (sensitivity 1). */
    static Mechanism<Double, Double> gaussian(double sigma) {
        return (x, rng) -> x + sigma * rng.nextGaussian();
    }

    /** StatDP's neighbour patterns for n queries (generators.py): ALL patterns when {@code all}, else ONE. */
    static List<double[][]> statDpPairs(int n, boolean all) {
        List<double[][]> pairs = new ArrayList<>();
        double[] ones = fill(n, 1);
        double[] below = fill(n, 1);
        below[0] = 0;
        double[] above = fill(n, 1);
        above[0] = 2;
        pairs.add(new double[][] {ones, below});
        pairs.add(new double[][] {ones, above});
        if (all) {
            double[] a = fill(n, 0);
            a[0] = 2;
            double[] b = fill(n, 2);
            b[0] = 0;
            double[] half = new double[n];
            for (int i = 0; i < n; i++) {
                half[i] = i < n / 2 ? 2 : 0;
            }
            pairs.add(new double[][] {ones, a});
            pairs.add(new double[][] {ones, b});
            pairs.add(new double[][] {ones, half});
            pairs.add(new double[][] {ones, fill(n, 2)});
            pairs.add(new double[][] {ones, fill(n, 0)});
            double[] x1 = new double[n];
            double[] x2 = new double[n];
            for (int i = 0; i < n; i++) {
                x1[i] = i < n / 2 ? 1 : 0;
                x2[i] = i < n / 2 ? 0 : 1;
            }
            pairs.add(new double[][] {x1, x2});
        }
        return pairs;
    }

    static double[] fill(int n, double v) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, v);
        return d;
    }
}

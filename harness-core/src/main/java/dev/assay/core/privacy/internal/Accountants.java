package dev.assay.core.privacy.internal;

import dev.assay.core.privacy.Accountant;
import dev.assay.core.privacy.PrivacyLoss;
import dev.assay.core.privacy.PrivacySpend;
import java.util.List;

/** The accountants behind {@link Accountant}'s factories. */
public final class Accountants {
    private Accountants() {
    }

    public static final Accountant BASIC = new Basic();
    public static final Accountant ADVANCED = new Advanced();
    public static final Accountant ZCDP = new Zcdp();
    public static final Accountant PLD = new Pld(NumericPld.DEFAULT_INTERVAL, true);
    public static final Accountant BEST = new Best();

    /** The tightest of the accountants that can account for every spend (each bound is valid, so is their min). */
    static final class Best implements Accountant {
        private static final Accountant[] ALL = {BASIC, ADVANCED, rdp(Rdp.dpAccountingOrders(), false), ZCDP, PLD};

        @Override
        public String id() {
            return "best";
        }

        @Override
        public PrivacyLoss epsilon(List<PrivacySpend> spends, double delta) {
            PrivacyLoss best = null;
            IllegalArgumentException last = null;
            for (Accountant a : ALL) {
                try {
                    PrivacyLoss l = a.epsilon(spends, delta);
                    if (best == null || l.epsilon() < best.epsilon()) {
                        best = l;
                    }
                } catch (IllegalArgumentException e) {
                    last = e;
                }
            }
            if (best == null) {
                throw last;
            }
            return best;
        }

        @Override
        public double delta(List<PrivacySpend> spends, double epsilon) {
            double best = 1;
            boolean any = false;
            IllegalArgumentException last = null;
            for (Accountant a : ALL) {
                try {
                    best = Math.min(best, a.delta(spends, epsilon));
                    any = true;
                } catch (IllegalArgumentException e) {
                    last = e;
                }
            }
            if (!any) {
                throw last;
            }
            return best;
        }
    }

    /** An RDP accountant; {@code signed} selects Opacus's summation of fractional orders. */
    public static Accountant rdp(double[] orders, boolean signed) {
        if (orders.length == 0) {
            throw new IllegalArgumentException("at least one Rényi order is needed");
        }
        for (double o : orders) {
            if (!(o >= 1)) {
                throw new IllegalArgumentException("Rényi orders must be at least 1, found " + o);
            }
        }
        return new RdpAccountant(orders, signed ? Rdp.Fractional.SIGNED : Rdp.Fractional.ABSOLUTE);
    }

    static IllegalArgumentException unsupported(String accountant, PrivacySpend s, String hint) {
        return new IllegalArgumentException("the " + accountant + " accountant cannot account for spend "
                + s.describe() + ": " + hint);
    }

    /** Per-use (ε, δ) of a spend for basic and advanced composition. */
    static double[] epsDelta(String accountant, PrivacySpend s) {
        switch (s.kind()) {
            case LAPLACE:
            case PURE:
                return new double[] {s.epsilon(), 0};
            case APPROXIMATE:
                return new double[] {s.epsilon(), s.delta()};
            case GAUSSIAN:
                if (!Double.isNaN(s.epsilon()) && !Double.isNaN(s.delta())) {
                    return new double[] {s.epsilon(), s.delta()};
                }
                throw unsupported(accountant, s, "it has no (epsilon, delta) of its own; use rdp, zcdp or pld");
            default:
                throw unsupported(accountant, s, "use the rdp accountant for subsampled or zCDP mechanisms");
        }
    }

    static final class Basic implements Accountant {
        @Override
        public String id() {
            return "basic";
        }

        @Override
        public PrivacyLoss epsilon(List<PrivacySpend> spends, double delta) {
            double[] total = total(spends);
            if (total[1] > delta * (1 + 1e-12)) {
                return new PrivacyLoss(Double.POSITIVE_INFINITY, delta, Double.NaN, id());
            }
            return new PrivacyLoss(total[0], total[1], Double.NaN, id());
        }

        @Override
        public double delta(List<PrivacySpend> spends, double epsilon) {
            double[] total = total(spends);
            return epsilon >= total[0] * (1 - 1e-12) ? Math.min(1, total[1]) : 1;
        }

        /** Basic composition: the sums of the spends' epsilons and deltas, {@code {epsilon, delta}}. */
        private double[] total(List<PrivacySpend> spends) {
            double eps = 0;
            double d = 0;
            for (PrivacySpend s : spends) {
                double[] ed = epsDelta(id(), s);
                eps += ed[0] * s.count();
                d += ed[1] * s.count();
            }
            return new double[] {eps, d};
        }
    }

    static final class Advanced implements Accountant {
        @Override
        public String id() {
            return "advanced";
        }

        /** {Σε_i², Σε_i(e^{ε_i} − 1), Σδ_i}. */
        private double[] sums(List<PrivacySpend> spends) {
            double sq = 0;
            double lin = 0;
            double d = 0;
            for (PrivacySpend s : spends) {
                double[] ed = epsDelta(id(), s);
                sq += s.count() * ed[0] * ed[0];
                lin += s.count() * ed[0] * Math.expm1(ed[0]);
                d += s.count() * ed[1];
            }
            return new double[] {sq, lin, d};
        }

        @Override
        public PrivacyLoss epsilon(List<PrivacySpend> spends, double delta) {
            double[] s = sums(spends);
            double deltaPrime = delta - s[2];
            if (!(deltaPrime > 0)) {
                return new PrivacyLoss(Double.POSITIVE_INFINITY, delta, Double.NaN, id());
            }
            double eps = Math.sqrt(2 * s[0] * Math.log(1 / deltaPrime)) + s[1];
            return new PrivacyLoss(eps, delta, Double.NaN, id());
        }

        @Override
        public double delta(List<PrivacySpend> spends, double epsilon) {
            double[] s = sums(spends);
            double slack = epsilon - s[1];
            if (s[0] == 0) {
                return slack >= 0 ? Math.min(1, s[2]) : 1;
            }
            if (slack <= 0) {
                return 1;
            }
            return Math.min(1, Math.exp(-slack * slack / (2 * s[0])) + s[2]);
        }
    }

    static final class RdpAccountant implements Accountant {
        private final double[] orders;
        private final Rdp.Fractional method;

        RdpAccountant(double[] orders, Rdp.Fractional method) {
            this.orders = orders;
            this.method = method;
        }

        @Override
        public String id() {
            return "rdp";
        }

        public double[] curve(List<PrivacySpend> spends) {
            double[] total = new double[orders.length];
            for (PrivacySpend s : spends) {
                for (int i = 0; i < orders.length; i++) {
                    total[i] += rdp(s, orders[i]);
                }
            }
            return total;
        }

        private double rdp(PrivacySpend s, double alpha) {
            double n = s.count();
            switch (s.kind()) {
                case LAPLACE:
                    return s.epsilon() == 0 ? 0 : n * Rdp.laplace(s.epsilon(), alpha);
                case PURE:
                    return s.epsilon() == 0 ? 0 : n * Rdp.pure(s.epsilon(), alpha);
                case GAUSSIAN:
                    return n * Rdp.gaussian(s.noiseMultiplier(), alpha);
                case SUBSAMPLED_GAUSSIAN:
                    return n * Rdp.subsampledGaussian(s.samplingRate(), s.noiseMultiplier(), alpha, method);
                case ZCDP:
                    return n * alpha * s.rho();
                default:
                    throw unsupported(id(), s, "an (epsilon, delta) guarantee has no Rényi curve; use basic or"
                            + " advanced");
            }
        }

        @Override
        public PrivacyLoss epsilon(List<PrivacySpend> spends, double delta) {
            Rdp.Conversion c = Rdp.epsilon(orders, curve(spends), delta);
            return new PrivacyLoss(c.value(), delta, c.order(), id());
        }

        @Override
        public double delta(List<PrivacySpend> spends, double epsilon) {
            return Rdp.delta(orders, curve(spends), epsilon).value();
        }
    }

    static final class Zcdp implements Accountant {
        @Override
        public String id() {
            return "zcdp";
        }

        double rho(List<PrivacySpend> spends) {
            double rho = 0;
            for (PrivacySpend s : spends) {
                double n = s.count();
                switch (s.kind()) {
                    case ZCDP:
                        rho += n * s.rho();
                        break;
                    case GAUSSIAN:
                        rho += n / (2 * s.noiseMultiplier() * s.noiseMultiplier());
                        break;
                    case SUBSAMPLED_GAUSSIAN:
                        if (s.samplingRate() == 1) {
                            rho += n / (2 * s.noiseMultiplier() * s.noiseMultiplier());
                        } else if (s.samplingRate() > 0) {
                            throw unsupported(id(), s, "zCDP has no amplification by subsampling; use rdp");
                        }
                        break;
                    case LAPLACE:
                    case PURE:
                        rho += n * s.epsilon() * s.epsilon() / 2;
                        break;
                    default:
                        throw unsupported(id(), s, "an (epsilon, delta) guarantee is not zCDP; use basic or advanced");
                }
            }
            return rho;
        }

        @Override
        public PrivacyLoss epsilon(List<PrivacySpend> spends, double delta) {
            Rdp.Conversion c = Rdp.zcdpEpsilon(rho(spends), delta);
            return new PrivacyLoss(c.value(), delta, c.order(), id());
        }

        @Override
        public double delta(List<PrivacySpend> spends, double epsilon) {
            double rho = rho(spends);
            if (rho == 0) {
                return 0;
            }
            // ln δ = min_α (α−1)(αρ − ε + ln(1 − 1/α)) − ln α; scan ln(α − 1) then refine
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= 4000; i++) {
                double x = -12 + 26.0 * i / 4000;
                double a = 1 + Math.exp(x);
                double v = (a - 1) * (a * rho - epsilon + Math.log1p(-1 / a)) - Math.log(a);
                best = Math.min(best, v);
            }
            return Math.min(1, Math.exp(best));
        }
    }

    /** The numeric PLD accountant with value discretisation interval {@code h} (dp_accounting's default 1e-4). */
    public static Accountant pld(double h) {
        if (!(h > 0 && h <= 0.1)) {
            throw new IllegalArgumentException("value-discretization-interval must be in (0, 0.1], was " + h);
        }
        return new Pld(h, false);
    }

    /**
     * The privacy-loss-distribution accountant. With {@code exactGaussian}, spends that are all (unsampled) Gaussian
     * use the analytic formula; anything else, or every spend when not set, goes through {@link NumericPld}.
     */
    static final class Pld implements Accountant {
        private final double h;
        private final boolean exactGaussian;

        Pld(double h, boolean exactGaussian) {
            this.h = h;
            this.exactGaussian = exactGaussian;
        }

        @Override
        public String id() {
            return "pld";
        }

        /** √(Σ n/σ²) when every spend is an unsampled Gaussian, else NaN. */
        static double mu(List<PrivacySpend> spends) {
            double mu2 = 0;
            for (PrivacySpend s : spends) {
                boolean gaussian = s.kind() == PrivacySpend.Kind.GAUSSIAN
                        || (s.kind() == PrivacySpend.Kind.SUBSAMPLED_GAUSSIAN && s.samplingRate() == 1);
                if (!gaussian) {
                    return Double.NaN;
                }
                mu2 += s.count() / (s.noiseMultiplier() * s.noiseMultiplier());
            }
            return Math.sqrt(mu2);
        }

        @Override
        public PrivacyLoss epsilon(List<PrivacySpend> spends, double delta) {
            double mu = exactGaussian ? mu(spends) : Double.NaN;
            double eps = Double.isNaN(mu) ? NumericPld.epsilon(spends, delta, h, id()) : GaussianPld.epsilon(mu, delta);
            return new PrivacyLoss(eps, delta, Double.NaN, id());
        }

        @Override
        public double delta(List<PrivacySpend> spends, double epsilon) {
            double mu = exactGaussian ? mu(spends) : Double.NaN;
            return Double.isNaN(mu) ? NumericPld.delta(spends, epsilon, h, id()) : GaussianPld.delta(mu, epsilon);
        }
    }
}

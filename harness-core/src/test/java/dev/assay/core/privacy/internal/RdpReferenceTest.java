package dev.assay.core.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/**
 * The RDP formulas against the reference values of reference/privacy.md §3c. Each test names the source test; the
 * tolerance is that test's ({@code assertAlmostEqual} = 7 decimal places, {@code np.allclose(rtol=1e-4)}).
 */
class RdpReferenceTest {
    private static final double[] TFP = Rdp.tfPrivacyOrders();
    private static final double[] DPA = Rdp.dpAccountingOrders();

    private static Rdp.Conversion dpSgd(double q, double sigma, long steps, double delta, double[] orders) {
        return Rdp.epsilon(orders, Rdp.subsampledGaussian(q, sigma, steps, orders, Rdp.Fractional.ABSOLUTE), delta);
    }

    @Test
    void tfPrivacyComputeDpSgdPrivacyTest0() {
        // tensorflow_privacy/privacy/analysis/compute_dp_sgd_privacy_test.py, Test0: n=60000, batch=150, sigma=1.3,
        // 15 epochs (T=6000), delta=1e-5 -> 0.7242234026109595 at order 19
        Rdp.Conversion c = dpSgd(150 / 60000.0, 1.3, 6000, 1e-5, TFP);
        assertThat(c.value()).isCloseTo(0.7242234026109595, offset(1e-7));
        assertThat(c.order()).isEqualTo(19);
    }

    @Test
    void tfPrivacyComputeDpSgdPrivacyTest1() {
        // same file, Test1: n=1e5, batch=100, sigma=1.0, 30 epochs (T=30000), delta=1e-7 -> 1.4154988495444842, order 13
        Rdp.Conversion c = dpSgd(100 / 1e5, 1.0, 30000, 1e-7, TFP);
        assertThat(c.value()).isCloseTo(1.4154988495444842, offset(1e-7));
        assertThat(c.order()).isEqualTo(13);
    }

    @Test
    void tfPrivacyComputeDpSgdPrivacyTest2() {
        // same file, Test2: n=1e8, batch=1024, sigma=0.1, 10 epochs, delta=1e-7 -> 5907982.3113984 at order 1.25
        long steps = (long) Math.ceil(10 * 1e8 / 1024);
        Rdp.Conversion c = dpSgd(1024 / 1e8, 0.1, steps, 1e-7, TFP);
        assertThat(c.value()).isCloseTo(5907982.3113984, withinPercentage(1e-5));
        assertThat(c.order()).isEqualTo(1.25);
    }

    @Test
    void tfPrivacyExamplePrivacyRdpValues() {
        // same file, test_compute_dp_sgd_example_privacy (DP_ORDERS = dp_accounting defaults, delta=1e-5,
        // sigma=0.7, 1.2 epochs): no subsampling (q=1, T=2), Poisson q=0.01 (T=120), microbatching (sigma/2)
        assertThat(dpSgd(1, 0.7, 2, 1e-5, DPA).value()).isCloseTo(10.8602036, offset(1e-6));
        assertThat(dpSgd(0.01, 0.7, 120, 1e-5, DPA).value()).isCloseTo(3.2392676, offset(1e-6));
        assertThat(dpSgd(0.01, 0.35, 120, 1e-5, DPA).value()).isCloseTo(22.6248601, offset(1e-6));
    }

    @Test
    void dpAccountingPoissonSampledGaussianCurve() {
        // dp_accounting rdp_privacy_accountant_test.py::test_compute_rdp_poisson_sampled_gaussian (rtol 1e-4)
        double[] orders = {1.5, 2.5, 5, 50, 100, Double.POSITIVE_INFINITY};
        double[] rdp = Rdp.subsampledGaussian(0.01, 2.5, 50, orders, Rdp.Fractional.ABSOLUTE);
        double[] expected = {6.70579741e-04, 1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02};
        for (int i = 0; i < expected.length; i++) {
            assertThat(rdp[i]).as("order %s", orders[i]).isCloseTo(expected[i], withinPercentage(1e-2));
        }
        assertThat(rdp[5]).isInfinite();
    }

    @Test
    void signedFractionalSummationIsNotAnUpperBound() {
        // Opacus keeps the sign of C(alpha, i) and drops differences it cannot represent: on dp_accounting's curve it
        // comes out below the reference (3% at order 1.5), so the default accountant uses dp_accounting's summation
        double[] orders = {1.5, 2.5};
        double[] signed = Rdp.subsampledGaussian(0.01, 2.5, 50, orders, Rdp.Fractional.SIGNED);
        double[] abs = Rdp.subsampledGaussian(0.01, 2.5, 50, orders, Rdp.Fractional.ABSOLUTE);
        assertThat(signed[0]).isLessThan(abs[0]);
        assertThat(abs[0]).isCloseTo(6.70579741e-04, withinPercentage(1e-2));
    }

    @Test
    void dpAccountingPureDpConversionAndInverse() {
        // dp_accounting test_compute_epsilon_delta_pure_dp: orders 2..32, rdp = 1.1 -> eps 1.32783806176 @32
        double[] orders = new double[31];
        double[] rdp = new double[31];
        for (int i = 0; i < 31; i++) {
            orders[i] = i + 2;
            rdp[i] = 1.1;
        }
        Rdp.Conversion e = Rdp.epsilon(orders, rdp, 1e-5);
        assertThat(e.value()).isCloseTo(1.32783806176, offset(1e-7));
        assertThat(e.order()).isEqualTo(32);
        Rdp.Conversion d = Rdp.delta(orders, rdp, 1.32783806176);
        assertThat(d.value()).isCloseTo(1e-5, offset(1e-7));
        assertThat(d.order()).isEqualTo(32);
    }

    @Test
    void dpAccountingGaussianExactlyOneAtOneInAMillion() {
        // dp_accounting test_compute_epsilon_delta_gaussian: q=1, sigma=4.530877117, orders 1.000..99.999 by 0.001
        double[] orders = new double[99000];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = 0.001 * (i + 1000);
        }
        double[] rdp = Rdp.subsampledGaussian(1, 4.530877117, 1, orders, Rdp.Fractional.ABSOLUTE);
        assertThat(Rdp.epsilon(orders, rdp, 1e-6).value()).isCloseTo(1, offset(1e-7));
        assertThat(Rdp.delta(orders, rdp, 1).value()).isCloseTo(1e-6, offset(1e-7));
    }

    @Test
    void dpAccountingGaussianRdpIsAlphaOverTwoSigmaSquared() {
        // dp_accounting test_compute_rdp_gaussian: alpha=3.14159, sigma=2.71828
        assertThat(Rdp.gaussian(2.71828, 3.14159)).isCloseTo(3.14159 / (2 * 2.71828 * 2.71828), offset(1e-12));
        // and the subsampled formula at q = 1 (test_compute_rdp_multi_gaussian)
        assertThat(Rdp.subsampledGaussian(1, 2.71828, 3.14159, Rdp.Fractional.ABSOLUTE))
                .isCloseTo(3.14159 / (2 * 2.71828 * 2.71828), offset(1e-12));
    }

    @Test
    void dpAccountingEdgeCases() {
        // test_zero_poisson_sample: q=0 gives eps=0 and delta=0; test_epsilon_non_private_gaussian: sigma=0 -> inf
        double[] o = {3.14159};
        assertThat(Rdp.epsilon(o, Rdp.subsampledGaussian(0, 1, 1, o, Rdp.Fractional.ABSOLUTE), 1e-10).value())
                .isZero();
        assertThat(Rdp.delta(o, new double[] {0}, 1e-10).value()).isZero();
        assertThat(Rdp.epsilon(o, Rdp.subsampledGaussian(1, 0, 1, o, Rdp.Fractional.ABSOLUTE), 1e-1).value())
                .isInfinite();
    }

    @Test
    void fractionalOrdersAgreeWithNumericalIntegration() {
        // dp_accounting test_compute_log_a_equals_mp compares log A with an mpmath integral; here we integrate
        // A_alpha = E_{z~N(0,s^2)}[((1-q) + q e^{(2z-1)/(2s^2)})^alpha] by Simpson's rule instead (rtol 1e-4)
        // cases from dp_accounting's parameter list (q=.1, sigma=100, order 20.5; q=1e-4, sigma=1, order 1.5) must
        // agree to rtol 1e-4; with large q the |C| summation is an upper bound only (q=.1, sigma=2, order 2.5)
        double[][] cases = {{0.1, 100, 20.5}, {1e-4, 1, 1.5}, {0.1, 2, 2.5}};
        for (double[] c : cases) {
            double q = c[0];
            double s = c[1];
            double a = c[2];
            double lo = -40 * s;
            double hi = 40 * s + 40;
            int n = 400000;
            double h = (hi - lo) / n;
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                double z = lo + i * h;
                double f = Math.exp(-z * z / (2 * s * s)) / (s * Math.sqrt(2 * Math.PI))
                        * Math.pow((1 - q) + q * Math.exp((2 * z - 1) / (2 * s * s)), a);
                sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
            }
            double logA = Math.log(sum * h / 3);
            double mine = Rdp.logAFrac(q, s, a, Rdp.Fractional.ABSOLUTE);
            if (s == 2) {
                assertThat(mine).as("upper bound at q=%s sigma=%s alpha=%s", q, s, a).isGreaterThan(logA);
            } else {
                assertThat(mine).as("q=%s sigma=%s alpha=%s", q, s, a).isCloseTo(logA, offset(1e-8 + 1e-4 * Math.abs(logA))); // allclose(rtol=1e-4, atol=1e-8)
            }
        }
    }

    @Test
    void opacusRdpAccountantTest() {
        // opacus/tests/accountants_test.py::test_rdp_accountant: sigma=1.5, q=0.04, T=int(90/0.04)=2250,
        // delta=1e-5, Opacus alphas and signed summation -> 7.32911117143
        double[] orders = Rdp.opacusOrders();
        double[] rdp = Rdp.subsampledGaussian(0.04, 1.5, 2250, orders, Rdp.Fractional.SIGNED);
        assertThat(Rdp.epsilon(orders, rdp, 1e-5).value()).isCloseTo(7.32911117143, offset(1e-7));
        // dp_accounting's summation of the same curve is a little more conservative (privacy.md: 7.3293347)
        double[] abs = Rdp.subsampledGaussian(0.04, 1.5, 2250, orders, Rdp.Fractional.ABSOLUTE);
        assertThat(Rdp.epsilon(orders, abs, 1e-5).value()).isCloseTo(7.3293347, offset(1e-6));
    }

    @Test
    void tfPrivacyMnistTutorial() {
        // tutorials/README.md: n=60000, batch=256, sigma=1.1, 60 epochs, delta=1e-5: "eps = 3.01" with the old
        // basic conversion (order 9); improved 2.5971 (TFP orders) / 2.5967 (dp_accounting orders); privacy.md "mine"
        long steps = (long) Math.ceil(60 * 60000 / 256.0);
        double q = 256 / 60000.0;
        double[] r = Rdp.subsampledGaussian(q, 1.1, steps, TFP, Rdp.Fractional.ABSOLUTE);
        Rdp.Conversion basic = Rdp.epsilonBasic(TFP, r, 1e-5);
        assertThat(basic.value()).isCloseTo(3.0092, offset(5e-5));
        assertThat(basic.order()).isEqualTo(9);
        assertThat(Rdp.epsilon(TFP, r, 1e-5).value()).isCloseTo(2.5971, offset(5e-5));
        assertThat(dpSgd(q, 1.1, steps, 1e-5, DPA).value()).isCloseTo(2.5967, offset(5e-5));
    }

    @Test
    void privacyMdQ001Sigma11() {
        // privacy.md §3c "mine": q=0.01, sigma=1.1, delta=1e-5, dp_accounting orders
        assertThat(dpSgd(0.01, 1.1, 1000, 1e-5, DPA).value()).isCloseTo(1.7118, offset(5e-5));
        double[] r = Rdp.subsampledGaussian(0.01, 1.1, 1000, DPA, Rdp.Fractional.ABSOLUTE);
        assertThat(Rdp.epsilonBasic(DPA, r, 1e-5).value()).isCloseTo(2.0821, offset(5e-5));
        assertThat(dpSgd(0.01, 1.1, 10000, 1e-5, DPA).value()).isCloseTo(5.6320, offset(5e-5));
    }

    @Test
    void laplaceRdpMatchesClosedForms() {
        // Mironov 2017 Prop. 6: order 1 -> eps + e^-eps - 1, order inf -> eps, order 2 by hand
        double eps = 0.5;
        assertThat(Rdp.laplace(eps, 1)).isCloseTo(eps + Math.exp(-eps) - 1, offset(1e-15));
        assertThat(Rdp.laplace(eps, Double.POSITIVE_INFINITY)).isEqualTo(eps);
        double byHand = Math.log(2.0 / 3 * Math.exp(0.5) + 1.0 / 3 * Math.exp(-1.0));
        assertThat(Rdp.laplace(eps, 2)).isCloseTo(byHand, offset(1e-15));
        // increasing in the order, bounded by eps
        assertThat(Rdp.laplace(eps, 1024)).isLessThanOrEqualTo(eps).isGreaterThan(Rdp.laplace(eps, 10));
    }

    @Test
    void zcdpConversions() {
        // privacy.md §3d "mine": 100 Gaussians with sigma=10 -> rho=0.5; delta=1e-5: Bun-Steinke 5.2985,
        // improved 4.7284 at alpha ~ 5.43
        assertThat(Rdp.zcdpEpsilonBunSteinke(0.5, 1e-5)).isCloseTo(5.2985, offset(5e-5));
        Rdp.Conversion c = Rdp.zcdpEpsilon(0.5, 1e-5);
        assertThat(c.value()).isCloseTo(4.7284, offset(5e-5));
        assertThat(c.order()).isCloseTo(5.43, offset(0.01));
    }

    @Test
    void exactGaussianPld() {
        // privacy.md §3e "mine": sigma=1, delta=1e-5 -> eps 4.37718; sigma=1, eps=1 -> delta 0.126937;
        // (1, 1e-5) needs analytic sigma 3.73063; 100 Gaussians with sigma=10 -> 4.3772
        assertThat(GaussianPld.epsilon(1, 1e-5)).isCloseTo(4.37718, offset(5e-6));
        assertThat(GaussianPld.delta(1, 1)).isCloseTo(0.126937, offset(5e-7));
        assertThat(GaussianPld.sigma(1, 1e-5)).isCloseTo(3.73063, offset(5e-6));
        assertThat(GaussianPld.epsilon(Math.sqrt(100) / 10, 1e-5)).isCloseTo(4.3772, offset(5e-5));
        // Balle-Wang Theorem 8 as written in dp_accounting test_delta_bounds_gaussian, sigma=1, eps=2
        double d0 = org.apache.commons.numbers.gamma.Erfc.value((2 - .5) / Math.sqrt(2)) / 2
                - Math.exp(2) * org.apache.commons.numbers.gamma.Erfc.value((2 + .5) / Math.sqrt(2)) / 2;
        assertThat(GaussianPld.delta(1, 2)).isCloseTo(d0, offset(1e-15));
    }

    @Test
    void rdpDeltaBoundsDominateTheExactGaussian() {
        // dp_accounting test_delta_bounds_gaussian: orders 1.0..50.4, q=1, sigma=1; RDP delta >= exact delta,
        // and <= the standard bound exp(-(eps-0.5)^2/2)
        double[] orders = new double[495];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = 0.1 * (i + 10);
        }
        double[] rdp = Rdp.subsampledGaussian(1, 1, 1, orders, Rdp.Fractional.ABSOLUTE);
        for (int k = 0; k < 500; k++) {
            double eps = 0.1 * k;
            double delta = Rdp.delta(orders, rdp, eps).value();
            assertThat(GaussianPld.delta(1, eps)).isLessThanOrEqualTo(delta + 1e-300);
            double delta1 = eps >= 0.5 ? Math.exp(-0.5 * (eps - 0.5) * (eps - 0.5)) : 1;
            assertThat(delta).isLessThanOrEqualTo(delta1 + 1e-300);
        }
    }
}

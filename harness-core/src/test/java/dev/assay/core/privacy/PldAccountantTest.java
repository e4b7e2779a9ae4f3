package dev.assay.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The numeric privacy-loss-distribution accountant ({@link Accountant#pld()}) against the PLD and PRV reference values
 * of privacy.md §3c/§3e, plus hand-worked cases.
 */
class PldAccountantTest {
    /** The numeric path, even for plain Gaussians (the default {@code pld()} uses the analytic formula for those). */
    private static final Accountant NUMERIC = Accountant.pld(1e-4);

    private static double pld(double q, double sigma, long steps, double delta) {
        return NUMERIC.epsilon(List.of(PrivacySpend.subsampledGaussian("dp-sgd", q, sigma, steps)), delta).epsilon();
    }

    private static double rdp(double q, double sigma, long steps, double delta) {
        return Accountant.rdp().epsilon(List.of(PrivacySpend.subsampledGaussian("dp-sgd", q, sigma, steps)), delta)
                .epsilon();
    }

    // TF-Privacy compute_dp_sgd_privacy_test.py::test_compute_dp_sgd_example_privacy (delta 1e-5, sigma 0.7,
    // 1.2 epochs): the PLD column. dp_accounting's PLD gives these to the 7 decimals the reference lists.

    @Test
    void tfPrivacyExampleWithoutSubsampling() {
        // q = 1, T = ceil(1.2) = 2 -> PLD 10.1224946
        assertThat(pld(1, 0.7, 2, 1e-5)).isCloseTo(10.1224946, offset(1e-6));
        // the analytic Gaussian PLD agrees
        assertThat(Accountant.pld().epsilon(List.of(PrivacySpend.gaussian("g", 0.7).times(2)), 1e-5).epsilon())
                .isCloseTo(10.1224946, offset(1e-6));
    }

    @Test
    void tfPrivacyExamplePoissonSampled() {
        // q = 0.01, T = 120 -> PLD 2.4612381
        assertThat(pld(0.01, 0.7, 120, 1e-5)).isCloseTo(2.4612381, offset(1e-6));
    }

    @Test
    void tfPrivacyExampleMicrobatching() {
        // sigma / 2 = 0.35, q = 0.01, T = 120 -> PLD 18.6977407
        assertThat(pld(0.01, 0.35, 120, 1e-5)).isCloseTo(18.6977407, offset(1e-6));
    }

    // Opacus PRV accountant (Gopi et al.): opacus/tests/prv_accountant.py msr_values at delta 1e-6, and
    // accountants_test.py::test_prv_accountant. The PRV accountant returns an upper bound: its estimate plus
    // eps_error = 0.01. The PLD estimate must lie below that bound and within eps_error (+ 25%) of it.

    private static void belowPrvUpperBound(double ours, double prv) {
        assertThat(ours).isLessThanOrEqualTo(prv).isGreaterThanOrEqualTo(prv - 0.0125);
    }

    @Test
    void opacusPrvSmallSamplingFewSteps() {
        belowPrvUpperBound(pld(0.001, 0.8, 100, 1e-6), 0.27040336);
    }

    @Test
    void opacusPrvLargeSampling() {
        belowPrvUpperBound(pld(0.05, 1.5, 1000, 1e-6), 6.20996925);
    }

    @Test
    void opacusPrvManySteps() {
        belowPrvUpperBound(pld(0.001, 2.0, 20000, 1e-6), 0.30583794);
    }

    @Test
    void opacusPrvLargeEpsilon() {
        belowPrvUpperBound(pld(0.05, 3.0, 50000, 1e-6), 24.94200564);
    }

    @Test
    void opacusAccountantsTestPrv() {
        // sigma 1.5, q 0.04, T = int(90 / 0.04) = 2250, delta 1e-5 -> PRV 6.777395712150674 (RDP 7.32911117143)
        belowPrvUpperBound(pld(0.04, 1.5, 2250, 1e-5), 6.777395712150674);
    }

    @Test
    void exactGaussianThroughTheNumericPath() {
        // privacy.md §3e: sigma = 1, delta = 1e-5 -> 4.37718; sigma = 1, epsilon = 1 -> delta 0.126937
        List<PrivacySpend> g = List.of(PrivacySpend.gaussian("g", 1));
        assertThat(NUMERIC.epsilon(g, 1e-5).epsilon()).isCloseTo(4.37718, offset(5e-6));
        assertThat(NUMERIC.delta(g, 1)).isCloseTo(0.126937, offset(5e-7));
        // 100 Gaussians with sigma 10 (privacy.md §3d): exact 4.3772
        assertThat(NUMERIC.epsilon(List.of(PrivacySpend.gaussian("g", 10).times(100)), 1e-5).epsilon())
                .isCloseTo(4.3772, offset(5e-5));
    }

    @Test
    void neverAboveRdpForTheSameConfiguration() {
        double[][] configs = {{0.01, 1.1, 10_000, 1e-5}, {0.01, 1.1, 1000, 1e-5}, {0.0025, 1.3, 6000, 1e-5},
                {0.01, 0.7, 120, 1e-5}, {1, 0.7, 2, 1e-5}, {0.04, 1.5, 2250, 1e-5}};
        for (double[] c : configs) {
            double p = pld(c[0], c[1], (long) c[2], c[3]);
            double r = rdp(c[0], c[1], (long) c[2], c[3]);
            assertThat(p).as("q=%s sigma=%s T=%s", c[0], c[1], c[2]).isLessThanOrEqualTo(r).isGreaterThan(0);
        }
        // privacy.md §3c (mine): q = 0.01, sigma = 1.1, 10,000 steps -> RDP 5.6320; PLD is markedly tighter
        assertThat(pld(0.01, 1.1, 10_000, 1e-5)).isLessThan(5.6320 - 0.3);
    }

    @Test
    void pureCompositionMatchesTheBinomialFormula() {
        // k uses of eps-DP are dominated by k randomised responses: loss (k - 2i)eps with probability
        // C(k,i) p^(k-i) (1-p)^i, p = e^eps / (1 + e^eps); delta(e) = sum P_i (1 - e^(e - loss_i))_+
        int k = 10;
        double eps = 0.3;
        double target = 1e-3;
        double exact = bisect(e -> rrDelta(k, eps, e), target);
        double numeric = NUMERIC.epsilon(List.of(PrivacySpend.pure("q", eps).times(k)), target).epsilon();
        // the grid rounds each +-eps up by less than one interval
        assertThat(numeric).isGreaterThanOrEqualTo(exact - 1e-9).isLessThanOrEqualTo(exact + k * 1e-4);
        assertThat(numeric).isLessThan(Accountant.basic().epsilon(List.of(PrivacySpend.pure("q", eps).times(k)),
                target).epsilon());
    }

    private static double rrDelta(int k, double eps, double e) {
        double p = 1 / (1 + Math.exp(-eps));
        double d = 0;
        for (int i = 0; i <= k; i++) {
            double logC = 0;
            for (int j = 0; j < i; j++) {
                logC += Math.log((double) (k - j) / (j + 1));
            }
            double prob = Math.exp(logC + (k - i) * Math.log(p) + i * Math.log1p(-p));
            double loss = (k - 2 * i) * eps;
            d += prob * Math.max(0, 1 - Math.exp(e - loss));
        }
        return d;
    }

    private static double bisect(java.util.function.DoubleUnaryOperator delta, double target) {
        double lo = 0;
        double hi = 50;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (delta.applyAsDouble(mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    @Test
    void deltaIsTheInverseOfEpsilon() {
        List<PrivacySpend> s = List.of(PrivacySpend.subsampledGaussian("dp-sgd", 0.01, 1.1, 1000),
                PrivacySpend.laplace("count", 0.1).times(3), PrivacySpend.approximate("sel", 0.2, 1e-7));
        double eps = NUMERIC.epsilon(s, 1e-5).epsilon();
        assertThat(NUMERIC.delta(s, eps)).isCloseTo(1e-5, offset(1e-9));
        assertThat(NUMERIC.delta(s, eps + 0.05)).isLessThan(1e-5);
        assertThat(NUMERIC.delta(s, eps - 0.05)).isGreaterThan(1e-5);
        // the approximate spend's delta is never composed away
        assertThat(NUMERIC.delta(s, 1000)).isGreaterThanOrEqualTo(1e-7);
    }

    @Test
    void coarserGridIsLooserButStillAnUpperBound() {
        double fine = pld(0.01, 1.1, 1000, 1e-5);
        double coarse = Accountant.pld(1e-2).epsilon(List.of(PrivacySpend.subsampledGaussian("dp-sgd", 0.01, 1.1,
                1000)), 1e-5).epsilon();
        assertThat(coarse).isGreaterThanOrEqualTo(fine - 1e-9).isLessThan(rdp(0.01, 1.1, 1000, 1e-5));
    }

    @Test
    void refusesWhatItCannotAccount() {
        assertThatThrownBy(() -> NUMERIC.epsilon(List.of(PrivacySpend.zcdp("z", 0.5)), 1e-5))
                .hasMessageContaining("the pld accountant cannot account for spend").hasMessageContaining("zCDP");
        assertThatThrownBy(() -> Accountant.pld(0)).hasMessageContaining("value-discretization-interval");
        assertThatThrownBy(() -> Accountant.parse("prv")).hasMessageContaining("use pld");
    }

    @Test
    void ledgerComposesWithPld() {
        PrivacyLedger ledger = Privacy.ledger(Accountant.pld(), 1e-5);
        ledger.record(PrivacySpend.subsampledGaussian("dp-sgd", 0.01, 0.7, 120));
        assertThat(ledger.totalEpsilon()).isCloseTo(2.4612381, offset(1e-6));
        assertThat(ledger.total().accountant()).isEqualTo("pld");
    }
}

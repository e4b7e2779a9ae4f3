package dev.assay.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.assay.core.privacy.internal.Accountants;
import dev.assay.core.privacy.internal.Rdp;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public accountants against privacy.md §3 values. */
class AccountantTest {

    @Test
    void basicCompositionSumsEpsilonAndDelta() {
        // PipelineDP4j NaiveBudgetAccountant semantics: (sum eps, sum delta)
        List<PrivacySpend> s = List.of(PrivacySpend.laplace("a", 0.5), PrivacySpend.approximate("b", 1, 1e-6),
                PrivacySpend.pure("c", 0.25).times(4));
        PrivacyLoss loss = Accountant.basic().epsilon(s, 1e-5);
        assertThat(loss.epsilon()).isCloseTo(2.5, offset(1e-12));
        assertThat(loss.delta()).isEqualTo(1e-6);
        assertThat(Accountant.basic().epsilon(s, 1e-7).epsilon()).as("delta budget too small").isInfinite();
        assertThat(Accountant.basic().delta(s, 2.5)).isEqualTo(1e-6);
        assertThat(Accountant.basic().delta(s, 2.4)).isEqualTo(1);
    }

    @Test
    void advancedCompositionDworkRothblumVadhan() {
        // privacy.md §3b: eps=0.1, k=100, delta'=1e-5 -> 5.8502 (basic 10); eps=0.01, k=1000, delta'=1e-6 -> 1.7628
        List<PrivacySpend> a = List.of(PrivacySpend.pure("q", 0.1).times(100));
        assertThat(Accountant.advanced().epsilon(a, 1e-5).epsilon()).isCloseTo(5.8502, offset(5e-5));
        assertThat(Accountant.basic().epsilon(a, 1e-5).epsilon()).isCloseTo(10, offset(1e-9));
        List<PrivacySpend> b = List.of(PrivacySpend.pure("q", 0.01).times(1000));
        assertThat(Accountant.advanced().epsilon(b, 1e-6).epsilon()).isCloseTo(1.7628, offset(5e-5));
        // the inverse gives back delta' at that epsilon
        double eps = Accountant.advanced().epsilon(a, 1e-5).epsilon();
        assertThat(Accountant.advanced().delta(a, eps)).isCloseTo(1e-5, offset(1e-12));
        // the best accountant takes the tighter one, and names it
        assertThat(Accountant.best().epsilon(a, 1e-5).epsilon()).isLessThanOrEqualTo(5.8502);
    }

    @Test
    void rdpAccountantComposesSpendsOrderByOrder() {
        // TF-Privacy Test0 through the public API (dp-sgd spend, TFP orders): 0.7242234026109595 at order 19
        PrivacyLoss loss = Accountant.rdp(Rdp.tfPrivacyOrders())
                .epsilon(List.of(PrivacySpend.subsampledGaussian("dp-sgd", 0.0025, 1.3, 6000)), 1e-5);
        assertThat(loss.epsilon()).isCloseTo(0.7242234026109595, offset(1e-7));
        assertThat(loss.order()).isEqualTo(19);
        // two halves compose to the whole
        PrivacyLoss halves = Accountant.rdp(Rdp.tfPrivacyOrders()).epsilon(List.of(
                PrivacySpend.subsampledGaussian("dp-sgd", 0.0025, 1.3, 3000),
                PrivacySpend.subsampledGaussian("dp-sgd", 0.0025, 1.3, 3000)), 1e-5);
        assertThat(halves.epsilon()).isCloseTo(0.7242234026109595, offset(1e-9));
    }

    @Test
    void zcdpMatchesGaussianRdp() {
        // dp_accounting test_zcdp_matches_gaussian: rho = 1/(2 sigma^2) has the Gaussian's RDP curve
        double sigma = 3.0;
        double[] orders = {2, 3, 5.5, 10};
        PrivacyLoss viaRdp = Accountant.rdp(orders).epsilon(List.of(PrivacySpend.zcdp("z", 1 / (2 * sigma * sigma))),
                1e-5);
        PrivacyLoss viaGauss = Accountant.rdp(orders).epsilon(List.of(PrivacySpend.gaussian("g", sigma)), 1e-5);
        assertThat(viaRdp.epsilon()).isCloseTo(viaGauss.epsilon(), offset(1e-12));
        // privacy.md §3d: 100 Gaussians with sigma=10 (rho=0.5) at 1e-5 -> zCDP improved 4.7284, exact PLD 4.3772
        List<PrivacySpend> hundred = List.of(PrivacySpend.gaussian("g", 10).times(100));
        assertThat(Accountant.zcdp().epsilon(hundred, 1e-5).epsilon()).isCloseTo(4.7284, offset(5e-5));
        assertThat(Accountant.pld().epsilon(hundred, 1e-5).epsilon()).isCloseTo(4.3772, offset(5e-5));
        assertThat(Accountant.best().epsilon(hundred, 1e-5).accountant()).isEqualTo("pld");
    }

    @Test
    void laplaceUnderRdpAtTinyDeltaApproachesPureComposition() {
        // Laplace(1/eps) x count: RDP at order inf is eps*count, so the RDP epsilon at delta -> 0 tends to it
        double[] orders = {2, 8, 32, 128, 1024, 1e6};
        double eps = Accountant.rdp(orders).epsilon(List.of(PrivacySpend.laplace("l", 0.3).times(5)), 1e-10)
                .epsilon();
        assertThat(eps).isCloseTo(1.5, offset(0.03)).isGreaterThan(1.47);
    }

    @Test
    void accountantsRefuseWhatTheyCannotAccountFor() {
        assertThatThrownBy(() -> Accountant.rdp().epsilon(List.of(PrivacySpend.approximate("x", 1, 1e-6)), 1e-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x [approximate]")
                .hasMessageContaining("use basic or advanced");
        assertThatThrownBy(() -> Accountant.basic().epsilon(
                List.of(PrivacySpend.subsampledGaussian("dp-sgd", 0.01, 1, 10)), 1e-5))
                .hasMessageContaining("use the rdp accountant");
        assertThatThrownBy(() -> Accountant.zcdp().epsilon(
                List.of(PrivacySpend.subsampledGaussian("dp-sgd", 0.01, 1, 10)), 1e-5))
                .hasMessageContaining("no amplification by subsampling");
        assertThatThrownBy(() -> Accountant.parse("moments")).hasMessageContaining("unknown accountant 'moments'");
        assertThat(Accountant.rdp().epsilon(Collections.emptyList(), 1e-5).epsilon()).isZero();
    }

    @Test
    void opacusNoiseMultiplierForTargetEpsilon() {
        // opacus/tests/accountants_test.py get_noise_multiplier: eps=8, delta=1e-5, q=0.04, 90 epochs
        // (steps = int(90/0.04) = 2250), RDP -> 1.416 (4 places)
        Accountant opacus = Accountants.rdp(Rdp.opacusOrders(), true);
        double sigma = Privacy.noiseMultiplier(8, 1e-5, 0.04, 2250, opacus, 0.01);
        assertThat(sigma).isCloseTo(1.416, offset(5e-5));
        // steps = 2000 -> 1.3562
        assertThat(Privacy.noiseMultiplier(8, 1e-5, 0.04, 2000, opacus, 0.01)).isCloseTo(1.3562, offset(5e-5));
        // with the default accountant, the returned sigma meets the target within the tolerance
        double s = Privacy.noiseMultiplier(2, 1e-5, 0.01, 1000);
        double eps = Accountant.rdp().epsilon(List.of(PrivacySpend.subsampledGaussian("x", 0.01, s, 1000)), 1e-5)
                .epsilon();
        assertThat(eps).isBetween(1.99, 2.0);
    }
}

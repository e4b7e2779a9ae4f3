package dev.assay.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Mironov's floating-point attack (reference/privacy.md §6): a textbook Laplace computed with doubles reaches
 * different sets of doubles from neighbouring inputs; the output-support test catches it, the project's grid Laplace
 * passes. DP-Sniper's experiment uses ε = 0.1 and neighbours 0 and 1.
 */
class FloatingPointAuditTest {

    @Test
    void naiveDoubleLaplaceIsFlaggedByTheOutputSupportTest() {
        long t0 = System.nanoTime();
        DpAuditResult r = DpAudit.of(BenchmarkMechanisms.laplace(0.1)).neighbours(0.0, 1.0).claims(0.1)
                .outputSupport(true).seed(1).run();
        AuditorQualityTest.report("naive double Laplace, output support", 0.1, r, t0);
        assertThat(r.passed()).isFalse();
        assertThat(r.event()).startsWith("lowest set bit of output");
        // an output event that never happens under the other input
        assertThat(r.secondCount()).isZero();
        assertThat(r.firstCount()).isPositive();
        assertThat(r.describe()).contains("impossible under the second input");
    }

    @Test
    void safeGridLaplacePassesTheOutputSupportTest() {
        long t0 = System.nanoTime();
        DpAuditResult r = DpAudit.of(Privacy.laplaceMechanism(1, 0.1)).neighbours(0.0, 1.0).claims(0.1)
                .outputSupport(true).seed(1).run();
        AuditorQualityTest.report("safe grid Laplace, output support", 0.1, r, t0);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void naiveDoubleGaussianIsFlaggedToo() {
        // Jin et al. 2022: the attack extends to Gaussian samplers
        double sigma = dev.assay.core.privacy.internal.GaussianPld.sigma(1, 1e-5);
        DpAuditResult r = DpAudit.of(BenchmarkMechanisms.gaussian(sigma)).neighbours(0.0, 1.0).claims(1, 1e-5)
                .outputSupport(true).samples(200_000).seed(1).run();
        assertThat(r.passed()).isFalse();
    }
}

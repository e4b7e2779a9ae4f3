package dev.assay.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.privacy.internal.GaussianPld;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The auditor on the StatDP / DP-Sniper benchmark (reference/privacy.md §4a) with default settings (500,000
 * confirmation samples per input, 250,000 for selection, 95% confidence, seed 1). Correct mechanisms pass at their
 * claimed ε; buggy ones fail where the reference shows a violation. Figures go to stdout and BENCHMARKS.md.
 */
class AuditorQualityTest {

    private static <O> DpAuditResult audit(String name, Mechanism<double[], O> m, double eps, int n, boolean all) {
        DpAudit<double[], O> a = DpAudit.of(m).claims(eps).seed(1).name(name);
        for (double[][] p : BenchmarkMechanisms.statDpPairs(n, all)) {
            a.neighbours(p[0], p[1]);
        }
        long t0 = System.nanoTime();
        DpAuditResult r = a.run();
        report(name, eps, r, t0);
        return r;
    }

    private static long lastCpu = cpu();

    /** CPU time of this JVM (all threads), to report work independent of the shared machine's load. */
    static long cpu() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /** Prints one figure line; the CPU time is since the previous line (tests run one at a time). */
    static synchronized void report(String name, double eps, DpAuditResult r, long t0) {
        long now = cpu();
        System.out.printf(Locale.ROOT, "AUDIT | %s | claimed %.2f | lower bound %.4f | estimate %.4f | %s | %.1f s"
                + " wall | %.1f s cpu%n", name, eps, r.epsilonLowerBound(), r.epsilonEstimate(),
                r.passed() ? "pass" : "FAIL", (System.nanoTime() - t0) / 1e9, (now - lastCpu) / 1e9);
        lastCpu = now;
    }

    @Test
    void reportNoisyMaxWithLaplaceNoisePasses() {
        assertThat(audit("RNM1 argmax Lap", BenchmarkMechanisms.rnm1(0.7), 0.7, 5, true).passed()).isTrue();
    }

    @Test
    void reportNoisyMaxWithExponentialNoisePasses() {
        assertThat(audit("RNM2 argmax Exp", BenchmarkMechanisms.rnm2(0.7), 0.7, 5, true).passed()).isTrue();
    }

    @Test
    void noisyMaxReturningTheValueIsCaught() {
        // truth n·ε/2 = 2.5 · 0.7 = 1.75
        DpAuditResult r = audit("RNM3 max value Lap", BenchmarkMechanisms.rnm3(0.7), 0.7, 5, true);
        assertThat(r.passed()).isFalse();
        assertThat(r.epsilonLowerBound()).isLessThanOrEqualTo(1.75);
    }

    @Test
    void noisyMaxWithExponentialNoiseReturningTheValueIsCaught() {
        assertThat(audit("RNM4 max value Exp", BenchmarkMechanisms.rnm4(0.7), 0.7, 5, true).passed()).isFalse();
    }

    @Test
    void histogramWithTheRightScalePasses() {
        assertThat(audit("NoisyHist1 Lap(1/eps)", BenchmarkMechanisms.hist1(0.7), 0.7, 5, false).passed()).isTrue();
    }

    @Test
    void histogramWithTheWrongScaleIsCaughtBelowEpsilonOne() {
        // truth 1/ε = 10 at ε = 0.1 and 1.43 at ε = 0.7
        DpAuditResult r = audit("NoisyHist2 Lap(eps) at 0.1", BenchmarkMechanisms.hist2(0.1), 0.1, 5, false);
        assertThat(r.passed()).isFalse();
        assertThat(r.epsilonLowerBound()).isLessThanOrEqualTo(10);
        assertThat(audit("NoisyHist2 Lap(eps) at 0.7", BenchmarkMechanisms.hist2(0.7), 0.7, 5, false).passed())
                .isFalse();
    }

    @Test
    void histogramWithTheWrongScaleIsNoViolationAboveEpsilonOne() {
        // at ε = 1.5 the truth is 1/1.5 = 0.67 < 1.5: not a violation (StatDP accepts too)
        assertThat(audit("NoisyHist2 Lap(eps) at 1.5", BenchmarkMechanisms.hist2(1.5), 1.5, 5, false).passed())
                .isTrue();
    }

    @Test
    void sparseVectorAlgorithmOnePasses() {
        assertThat(audit("SVT1 (Lyu Alg 1)", BenchmarkMechanisms.svt1(0.7), 0.7, 10, true).passed()).isTrue();
    }

    @Test
    void sparseVectorAlgorithmTwoPasses() {
        assertThat(audit("SVT2 (Lyu Alg 2)", BenchmarkMechanisms.svt2(0.7), 0.7, 10, true).passed()).isTrue();
    }

    @Test
    void sparseVectorOutputtingNoisyAnswersIsCaught() {
        assertThat(audit("SVT3 / iSVT4 (Lyu Alg 3)", BenchmarkMechanisms.svt3(0.7), 0.7, 10, true).passed())
                .isFalse();
    }

    @Test
    void sparseVectorWithUnscaledQueryNoiseIsCaught() {
        // truth 1.75 ε = 1.225
        DpAuditResult r = audit("SVT4 / iSVT3 (Lyu Alg 4)", BenchmarkMechanisms.svt4(0.7), 0.7, 10, true);
        assertThat(r.passed()).isFalse();
        assertThat(r.epsilonLowerBound()).isLessThanOrEqualTo(1.225);
    }

    @Test
    void sparseVectorWithoutQueryNoiseIsCaught() {
        assertThat(audit("SVT5 / iSVT1 (Lyu Alg 5)", BenchmarkMechanisms.svt5(0.7), 0.7, 10, true).passed())
                .isFalse();
    }

    @Test
    void sparseVectorWithoutCutoffIsCaught() {
        assertThat(audit("SVT6 / iSVT2 (Lyu Alg 6)", BenchmarkMechanisms.svt6(0.7), 0.7, 10, true).passed())
                .isFalse();
    }

    @Test
    void laplaceMechanismPasses() {
        long t0 = System.nanoTime();
        DpAuditResult r = DpAudit.of(BenchmarkMechanisms.laplace(0.1)).neighbours(0.0, 1.0).claims(0.1).seed(1)
                .run();
        report("Laplace Lap(1/eps) at 0.1", 0.1, r, t0);
        assertThat(r.passed()).isTrue();
        assertThat(r.epsilonLowerBound()).isLessThanOrEqualTo(0.1);
    }

    @Test
    void gaussianMechanismPassesItsApproximateClaimAndFailsAPureOne() {
        double sigma = GaussianPld.sigma(1, 1e-5);
        long t0 = System.nanoTime();
        DpAuditResult r = DpAudit.of(BenchmarkMechanisms.gaussian(sigma)).neighbours(0.0, 1.0).claims(1, 1e-5)
                .seed(1).run();
        report("Gaussian (1, 1e-5) analytic sigma", 1, r, t0);
        assertThat(r.passed()).isTrue();
        // with a tenth of the noise, a claim of 1 is violated
        t0 = System.nanoTime();
        DpAuditResult bad = DpAudit.of(BenchmarkMechanisms.gaussian(sigma / 10)).neighbours(0.0, 1.0)
                .claims(1, 1e-5).seed(1).run();
        report("Gaussian (1, 1e-5) with sigma/10", 1, bad, t0);
        assertThat(bad.passed()).isFalse();
    }
}

package dev.assay.benchmarks.privacy;

import dev.assay.core.privacy.Accountant;
import dev.assay.core.privacy.PrivacyLoss;
import dev.assay.core.privacy.PrivacySpend;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5, PLD accountant: ε of a typical DP-SGD configuration (Poisson q = 0.01, σ = 1.1, 10,000 steps,
 * δ = 1e-5) by the numeric privacy-loss distribution on dp_accounting's default 1e-4 grid (discretisation of both
 * directions, FFT composition, inversion), with RDP on the same configuration for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class PldBenchmark {
    private final List<PrivacySpend> dpSgd = List.of(PrivacySpend.subsampledGaussian("dp-sgd", 0.01, 1.1, 10_000));

    @Benchmark
    public PrivacyLoss pldTenThousandSteps() {
        return Accountant.pld().epsilon(dpSgd, 1e-5);
    }

    @Benchmark
    public PrivacyLoss pldTenThousandStepsCoarseGrid() {
        return Accountant.pld(1e-3).epsilon(dpSgd, 1e-5);
    }

    @Benchmark
    public PrivacyLoss rdpTenThousandSteps() {
        return Accountant.rdp().epsilon(dpSgd, 1e-5);
    }
}

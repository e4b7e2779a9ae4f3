package dev.assay.benchmarks.privacy;

import dev.assay.core.privacy.Accountant;
import dev.assay.core.privacy.DpAudit;
import dev.assay.core.privacy.DpAuditResult;
import dev.assay.core.privacy.Mechanism;
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
 * Issue 5 performance targets: an audit of the Laplace mechanism with 1,000,000 confirmation samples per input
 * (plus the default 500,000 selection samples) under 2 s; RDP for 100,000 DP-SGD steps over the default orders
 * under 10 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
public class PrivacyBenchmark {
    private static final Mechanism<Double, Double> LAPLACE = (x, rng) -> {
        double u = rng.nextDouble() - 0.5;
        return x - 10 * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    };

    private final List<PrivacySpend> dpSgd = List.of(PrivacySpend.subsampledGaussian("dp-sgd", 0.01, 1.1, 100_000));

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public DpAuditResult auditLaplaceMillionSamples() {
        return DpAudit.of(LAPLACE).neighbours(0.0, 1.0).claims(0.1).samples(1_000_000).seed(1).run();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public PrivacyLoss rdpHundredThousandSteps() {
        return Accountant.rdp().epsilon(dpSgd, 1e-5);
    }
}

package dev.assay.benchmarks.robustness;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.robustness.Invariance;
import dev.assay.core.robustness.InvarianceCheck;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.Perturbations;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the {@code invariance} check adds over the model calls themselves (issue 7, point 9: "less than 10%").
 * {@code modelCallsOnly} calls {@code model.predict} on the original and on the (precomputed) perturbed data;
 * {@code invarianceCheck} runs the whole check: perturbing, finding the changed rows, both model calls, comparing
 * the answers, the interval and the findings. Two models: {@code cheap} (a linear score, a few ns a row) and
 * {@code 1us} (the same plus about 1 µs of CPU work a row). The perturbation is the counterfactual swap of sex.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class InvarianceOverheadBenchmark {
    /** {@code cheap} on 1M rows; {@code 1us} on 100k rows (0.1 s per model call). */
    @Param({"cheap", "1us"})
    public String model;

    private Dataset data;
    private Dataset perturbed;
    private Model m;
    private InvarianceCheck check;
    private final RunContext context = new RunContext("bench", 7);

    @Setup
    public void setUp() {
        boolean cheap = model.equals("cheap");
        data = RobustnessData.credit(cheap ? 1_000_000 : 100_000, 1);
        m = RobustnessData.linear(cheap ? 0 : RobustnessData.WORK_1US);
        Perturbation swap = Perturbations.swap("sex");
        perturbed = swap.apply(data, 7);
        check = Invariance.check().named("sex-blind").perturb(swap).maxFlipRate(0.05).build();
    }

    @Benchmark
    public void modelCallsOnly(Blackhole bh) {
        Predictions a = m.predict(data);
        Predictions b = m.predict(perturbed);
        bh.consume(a);
        bh.consume(b);
    }

    @Benchmark
    public CheckResult invarianceCheck() {
        return Checks.evaluate(check, m, data, context);
    }
}

package dev.assay.benchmarks.robustness;

import dev.assay.core.Dataset;
import dev.assay.core.robustness.Constraints;
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

/**
 * Generating perturbed data (issue 7, point 9: "perturbations for 1M tabular rows in under a second"): Gaussian noise
 * scaled by the standard deviation on three numeric columns plus a categorical swap, on 1M rows, with integer and
 * range constraints; and, for scale, a chain of text perturbations on 100k short texts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class PerturbationBenchmark {
    @Param({"1000000"})
    public int rows;

    private Dataset data;
    private Perturbation tabular;
    private Constraints constraints;
    private Dataset texts;
    private Perturbation text;

    @Setup
    public void setUp() {
        data = RobustnessData.credit(rows, 1);
        tabular = Perturbations.noise("age", 0.1).then(Perturbations.noise("income", 0.1))
                .then(Perturbations.noise("hours", 0.1)).then(Perturbations.swap("job"));
        constraints = Constraints.none().integer("age", "hours").range("age", 17, 90).range("hours", 1, 99);
        texts = RobustnessData.texts(100_000, 2);
        text = Perturbations.typos("q", Perturbations.Typo.KEYBOARD, Perturbations.Unit.WORD, 0.2)
                .then(Perturbations.changeCase("q", Perturbations.Case.RANDOM))
                .then(Perturbations.homoglyphs("q", 0.1));
    }

    /** Noise on 3 numeric columns (2 integer, with ranges) and a swap on a 6-valued categorical column, 1M rows. */
    @Benchmark
    public Dataset noise3Swap1() {
        return tabular.apply(data, 7, constraints);
    }

    /** Keyboard typos, random case and homoglyphs on 100k texts of 4 to 11 words. */
    @Benchmark
    public Dataset text100k() {
        return text.apply(texts, 7);
    }
}

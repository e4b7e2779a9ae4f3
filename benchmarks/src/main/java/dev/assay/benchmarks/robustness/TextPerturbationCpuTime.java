package dev.assay.benchmarks.robustness;

import dev.assay.core.Dataset;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.Perturbations;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@code PerturbationBenchmark.text100k} in the CPU time of the calling thread (single-threaded work; garbage
 * collection runs on other threads and is not counted), far less sensitive than wall clock to a shared machine: the
 * same 100k texts and chain (keyboard typos on 20% of words, random case, homoglyphs at 10%), plus the names
 * replacement on the same texts; median and best of 15 runs after 5 warm-ups. Uses only the public API, so the same
 * class runs against an older build. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.robustness.TextPerturbationCpuTime}.
 */
public final class TextPerturbationCpuTime {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private TextPerturbationCpuTime() {
    }

    public static void main(String[] args) {
        Dataset texts = RobustnessData.texts(100_000, 2);
        Perturbation chain = Perturbations.typos("q", Perturbations.Typo.KEYBOARD, Perturbations.Unit.WORD, 0.2)
                .then(Perturbations.changeCase("q", Perturbations.Case.RANDOM))
                .then(Perturbations.homoglyphs("q", 0.1));
        report("text100k chain (typos, random case, homoglyphs)", () -> chain.apply(texts, 7));
        report("names on the same 100k texts", () -> Perturbations.replaceNames("q").apply(texts, 7));
    }

    private static void report(String what, Runnable r) {
        for (int i = 0; i < 5; i++) {
            r.run();
        }
        long[] ns = new long[15];
        for (int i = 0; i < ns.length; i++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            r.run();
            ns[i] = CPU.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(ns);
        System.out.printf("%s: median %.1f ms CPU, best %.1f ms CPU%n", what, ns[ns.length / 2] / 1e6, ns[0] / 1e6);
    }
}

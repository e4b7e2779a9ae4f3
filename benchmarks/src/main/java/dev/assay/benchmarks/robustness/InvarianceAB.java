package dev.assay.benchmarks.robustness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A paired A/B of what the {@code invariance} check adds over the model calls (issue 7, point 9), for two builds of
 * the benchmarks jar in one JVM: each jar in its own class loader, on its own copy of the same data (1M rows, the
 * cheap model, the counterfactual swap of sex, as {@link InvarianceOverheadBenchmark}); each round measures both
 * builds, in alternating order, so a change in the machine's load falls on both. Per build: the CPU time of the
 * calling thread (garbage collection, on other threads, not counted) of the two model calls and of the whole check,
 * median and minimum over the rounds, and the check's own work (check minus calls). Run:
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.robustness.InvarianceAB A.jar B.jar 100}.
 */
public final class InvarianceAB {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static volatile int sink;

    private InvarianceAB() {
    }

    /** One build: the two model calls and the whole check, on its own data. */
    private record Build(String name, Runnable calls, Runnable check) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: InvarianceAB A.jar B.jar rounds");
        }
        Build[] b = {load(args[0]), load(args[1])};
        int rounds = Integer.parseInt(args[2]);
        for (int w = 0; w < 10; w++) {
            for (Build x : b) {
                x.calls.run();
                x.check.run();
            }
        }
        double[][] calls = new double[2][rounds];
        double[][] check = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int j = r % 2 == 0 ? k : 1 - k;
                long c0 = CPU.getCurrentThreadCpuTime();
                b[j].calls.run();
                long c1 = CPU.getCurrentThreadCpuTime();
                b[j].check.run();
                long c2 = CPU.getCurrentThreadCpuTime();
                calls[j][r] = (c1 - c0) / 1e6;
                check[j][r] = (c2 - c1) / 1e6;
            }
        }
        for (int j = 0; j < 2; j++) {
            double[] own = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                own[r] = check[j][r] - calls[j][r];
            }
            System.out.printf("%s: thread CPU, ms: two model calls median %.2f (min %.2f), check median %.2f (min %.2f);"
                    + " the check's own work: median of the paired differences %.2f (%+.1f%%), min - min %.2f"
                    + " (%+.1f%%)%n", b[j].name, median(calls[j]), min(calls[j]), median(check[j]), min(check[j]),
                    median(own), 100 * median(own) / median(calls[j]), min(check[j]) - min(calls[j]),
                    100 * (min(check[j]) - min(calls[j])) / min(calls[j]));
        }
    }

    private static Build load(String jar) throws Exception {
        ClassLoader cl = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Class<?> data = cl.loadClass(RobustnessData.class.getName());
        Method credit = data.getDeclaredMethod("credit", int.class, long.class);
        credit.setAccessible(true);
        Method linear = data.getDeclaredMethod("linear", int.class);
        linear.setAccessible(true);
        Object rows = credit.invoke(null, 1_000_000, 1L);
        Object model = linear.invoke(null, 0);
        Class<?> dataset = cl.loadClass("dev.assay.core.Dataset");
        Class<?> modelType = cl.loadClass("dev.assay.core.Model");
        Class<?> perturbation = cl.loadClass("dev.assay.core.robustness.Perturbation");
        Object swap = cl.loadClass("dev.assay.core.robustness.Perturbations").getMethod("swap", String.class)
                .invoke(null, "sex");
        Object perturbed = perturbation.getMethod("apply", dataset, long.class).invoke(swap, rows, 7L);
        Object builder = cl.loadClass("dev.assay.core.robustness.Invariance").getMethod("check").invoke(null);
        builder = builder.getClass().getMethod("named", String.class).invoke(builder, "sex-blind");
        builder = builder.getClass().getMethod("perturb", perturbation).invoke(builder, swap);
        builder = builder.getClass().getMethod("maxFlipRate", double.class).invoke(builder, 0.05);
        Object check = builder.getClass().getMethod("build").invoke(builder);
        Class<?> contextType = cl.loadClass("dev.assay.core.RunContext");
        Object context = contextType.getConstructor(String.class, long.class).newInstance("bench", 7L);
        Method predict = modelType.getMethod("predict", dataset);
        Method evaluate = cl.loadClass("dev.assay.core.Checks").getMethod("evaluate",
                cl.loadClass("dev.assay.core.Check"), modelType, dataset, contextType);
        Object first = evaluate.invoke(null, check, model, rows, context);
        System.out.println(jar + ": " + first.getClass().getMethod("message").invoke(first));
        return new Build(jar, () -> {
            sink ^= System.identityHashCode(call(predict, model, rows));
            sink ^= System.identityHashCode(call(predict, model, perturbed));
        }, () -> sink ^= System.identityHashCode(call(evaluate, null, check, model, rows, context)));
    }

    private static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(double[] a) {
        double[] b = a.clone();
        Arrays.sort(b);
        return b[b.length / 2];
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElseThrow();
    }
}

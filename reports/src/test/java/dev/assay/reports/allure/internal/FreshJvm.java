package dev.assay.reports.allure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a fresh JVM (this test run's class path and Java), in a working directory of its
 * own, with the classes it loads logged: for what only happens once per JVM.
 */
public final class FreshJvm {
    /** What the probe printed and which classes it loaded, in order. */
    public record Result(String stdout, String stderr, List<String> classesLoaded) {
    }

    private FreshJvm() {
    }

    /**
     * Runs {@code main} with {@code args} in {@code work}, with {@code options} on the JVM's command line; its
     * output and class-load log go to files under {@code root}. Fails when it runs over 3 minutes or exits with
     * anything but 0.
     */
    public static Result run(Path root, Path work, List<String> options, Class<?> main, String... args)
            throws IOException, InterruptedException {
        Path classes = root.resolve("classes.txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xlog:class+load=info:file=" + classes, "-Duser.dir=" + work));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Path out = root.resolve("stdout.txt");
        Path err = root.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the probe JVM did not end within 3 minutes");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit value of the probe JVM; its output:%n%s%s", stdout, stderr).isZero();
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
            int i = line.indexOf("[class,load] ");
            if (i >= 0) {
                String s = line.substring(i + "[class,load] ".length());
                loaded.add(s.substring(0, s.indexOf(' ')));
            }
        }
        return new Result(stdout, stderr, loaded);
    }
}

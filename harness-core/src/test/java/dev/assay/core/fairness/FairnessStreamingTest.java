package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.Datasets;
import dev.assay.core.Models;
import dev.assay.core.Verdict;
import dev.assay.core.fairness.internal.SyntheticData;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Count-based evaluation of a CSV read line by line, in constant memory. */
class FairnessStreamingTest {
    private static final int ROWS = 3_000_000;

    private static Path oracleCsv() throws Exception {
        return Path.of(FairnessStreamingTest.class.getResource("/fairness/synthetic_100k.csv").toURI());
    }

    @Test
    void streamingGivesTheSameResultAsTheInMemoryEvaluation() throws Exception {
        Path csv = oracleCsv();
        Fairness.Builder b = Fairness.check().by("group", "sex").label("y_true").metric("equalized_odds_difference")
                .frame(BaseMetric.SELECTION_RATE, BaseMetric.ACCURACY).max(0.2).seed(11);
        FairnessReport streamed = b.reportCsvStream(csv, "y_pred");
        FairnessReport inMemory = Fairness.of(Models.predictions("y_pred")).on(Datasets.csv(csv).label("y_true").load())
                .by("group", "sex").metric("equalized_odds_difference").frame(BaseMetric.SELECTION_RATE,
                        BaseMetric.ACCURACY).seed(11).report();
        assertThat(streamed.value()).isEqualTo(inMemory.value()).isCloseTo(0.33873849727508265, within(1e-12));
        assertThat(streamed.ci()).isEqualTo(inMemory.ci());
        assertThat(streamed.groups()).isEqualTo(inMemory.groups());
        assertThat(streamed.aggregates()).isEqualTo(inMemory.aggregates());
        CheckResult r = b.evaluateCsvStream(csv, "y_pred");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.data().rows()).isEqualTo(100_000);
        assertThat(r.data().sha256()).isEqualTo(Datasets.csv(csv).load().sha256());
    }

    @Test
    void streamingErrorsNameTheLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "g,y,p\nA,1,1\nB,1,0\n,0,1\nA,0,0\n", StandardCharsets.UTF_8);
        CheckResult r = Fairness.check().by("g").label("y").metric("selection_rate_difference").max(1)
                .evaluateCsvStream(csv, "p");
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("bad.csv line 4 (row 2), sensitive column 'g': no value");
        Files.writeString(csv, "g,y,p\nA,1,1\nB,0,maybe\n", StandardCharsets.UTF_8);
        assertThat(Fairness.check().by("g").label("y").metric("selection_rate_difference").max(1)
                .evaluateCsvStream(csv, "p").message()).contains("line 3, column 'p': a third value 'maybe'");
        assertThat(Fairness.check().by("g").label("y").metric("brier_score_difference").max(1)
                .evaluateCsvStream(csv, "p").message()).contains("cannot be evaluated from a stream");
    }

    /**
     * A CSV file larger than the heap of the JVM that evaluates it: 3M rows (27 MB) streamed by a child JVM with a
     * 16 MB heap; the result must equal the gap counted directly from the generator.
     */
    @Test
    void aFileLargerThanTheHeapIsEvaluatedInConstantMemory(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("synthetic-4m.csv");
        SyntheticData.writeCsv(csv, 42, ROWS);
        assertThat(Files.size(csv)).isGreaterThan(16L << 20);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx16m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), StreamingMain.class.getName(), csv.toString())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        List<String> lines = out.lines().filter(l -> l.startsWith("RESULT ")).toList();
        assertThat(lines).as(out).hasSize(1);
        String[] parts = lines.get(0).split(" ");
        // the truth, counted from the generator without any of the code under test
        long[][] sel = new long[16][2];
        for (long i = 0; i < ROWS; i++) {
            int r = SyntheticData.row(42, i);
            int cell = SyntheticData.group(r) * 2 + SyntheticData.sex(r);
            sel[cell][0]++;
            sel[cell][1] += SyntheticData.yhat(r);
        }
        double lo = 1;
        double hi = 0;
        for (long[] c : sel) {
            double rate = (double) c[1] / c[0];
            lo = Math.min(lo, rate);
            hi = Math.max(hi, rate);
        }
        assertThat(Long.parseLong(parts[1])).isEqualTo(ROWS);
        assertThat(Double.parseDouble(parts[2])).isCloseTo(hi - lo, within(1e-12));
        assertThat(Double.parseDouble(parts[3])).isCloseTo(lo / hi, within(1e-12));
    }

    /** The child JVM of {@link #aFileLargerThanTheHeapIsEvaluatedInConstantMemory}. */
    public static final class StreamingMain {
        public static void main(String[] args) {
            CheckResult r = Fairness.check().by("group", "sex").label("y_true").metric("demographic_parity_difference")
                    .max(1).bootstrap(200).evaluateCsvStream(Path.of(args[0]), "y_pred");
            if (r.verdict() == Verdict.ERROR) {
                System.out.println("ERROR " + r.message());
                System.exit(1);
            }
            double ratio = r.groups().stream().mapToDouble(g -> g.metric("selection_rate")).min().orElseThrow()
                    / r.groups().stream().mapToDouble(g -> g.metric("selection_rate")).max().orElseThrow();
            System.out.println("RESULT " + r.data().rows() + " " + r.value() + " " + ratio + " "
                    + Runtime.getRuntime().maxMemory() + File.separator);
        }
    }
}

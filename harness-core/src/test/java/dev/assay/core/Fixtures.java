package dev.assay.core;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test fixtures on the class path. */
final class Fixtures {
    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /**
     * The 10-row fixture {@code perf-10.csv}, worked out by hand (positive = {@code >50K}):
     * <pre>
     * row sex race truth pred  cell
     *  1   F   W    +     +    TP
     *  2   F   W    +     -    FN
     *  3   F   B    -     -    TN
     *  4   F   B    -     +    FP
     *  5   F   W    +     +    TP
     *  6   M   W    +     +    TP
     *  7   M   W    -     -    TN
     *  8   M   B    -     -    TN
     *  9   M   B    +     -    FN
     * 10   M   A    -     -    TN
     * overall TP=3 FP=1 TN=4 FN=2: accuracy 7/10, precision 3/4, recall 3/5, f1 6/9
     * F: TP=2 FP=1 TN=1 FN=1: accuracy 3/5, precision 2/3, recall 2/3, f1 4/6
     * M: TP=1 FP=0 TN=3 FN=1: accuracy 4/5, precision 1/1, recall 1/2, f1 2/3
     * </pre>
     */
    static Dataset perf10() {
        return Datasets.csv(resource("perf-10.csv")).name("perf-10.csv").label("income").positive(">50K").load();
    }
}

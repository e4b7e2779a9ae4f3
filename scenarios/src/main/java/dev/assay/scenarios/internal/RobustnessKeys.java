package dev.assay.scenarios.internal;

import dev.assay.core.Decision;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/** Keys shared by {@code invariance} and {@code directional}: rates, tolerance, sample, decision, confidence, examples. */
final class RobustnessKeys {
    private RobustnessKeys() {
    }

    /** A rate in {@code [0, 1]}, or {@code null} after reporting. */
    static Double rate(Fields f, String key, boolean required) {
        Double v = f.number(key);
        if (v == null) {
            if (required && !f.has(key)) {
                f.missing(key, "the check needs a threshold, for example 0.01");
            }
            return null;
        }
        if (v < 0 || v > 1) {
            f.problems().at(f.get(key), f.path(key) + ": expected a rate between 0 and 1, found " + f.get(key).text());
            return null;
        }
        return v;
    }

    /** A number of at least 0, or {@code null}. */
    static Double nonNegative(Fields f, String key) {
        Double v = f.number(key);
        if (v != null && v < 0) {
            f.problems().at(f.get(key), f.path(key) + ": expected a number of at least 0, found " + f.get(key).text());
            return null;
        }
        return v;
    }

    static void common(Fields f, Consumer<Integer> sample, Consumer<Decision> decision, DoubleConsumer confidence,
                       IntConsumer examples) {
        Integer rows = f.integer("sample", 1);
        if (rows != null) {
            sample.accept(rows);
        }
        String d = f.oneOf("decision", PerformanceParser.DECISIONS, false);
        if (d != null) {
            decision.accept(Decision.parse(d));
        }
        Double c = f.number("confidence");
        if (c != null) {
            if (c > 0 && c < 1) {
                confidence.accept(c);
            } else {
                f.problems().at(f.get("confidence"), f.path("confidence") + ": expected a number between 0 and 1"
                        + " (exclusive), found " + f.get("confidence").text());
            }
        }
        Integer ex = f.integer("examples", 0);
        if (ex != null) {
            examples.accept(ex);
        }
    }
}
